"""What the quiz needs from a lesson's Markdown: its section ids and its enumerated lists."""

from __future__ import annotations

import re
from dataclasses import dataclass

from peixun.course.model import FIXED_SECTION_IDS

# "## 标题 {#id}" (also "{: #id }" and with further attributes).
SECTION = re.compile(r"^##\s+(?P<title>.*?)\s*\{:?\s*#(?P<id>[A-Za-z0-9_-]+)[^}]*\}\s*$")
HEADING = re.compile(r"^(?P<level>#{2,6})\s+(?P<title>.*?)\s*(\{[^}]*\})?\s*$")
# "- **服务意识**：……" or "1. **服务意识**：……" at the start of a line.
NAMED_ITEM = re.compile(r"^(?:[-*+]|\d+[.、])\s+\*\*(?P<name>[^*]+?)\*\*")
ANY_ITEM = re.compile(r"^(?:[-*+]|\d+[.、])\s+")
FENCE = re.compile(r"^(```|~~~)")

# The fixed parts of a lesson, and the quiz's own section: not subject matter to ask about.
FIXED_SECTIONS = FIXED_SECTION_IDS | {"zice"}


@dataclass(frozen=True)
class Enumeration:
    """A list whose every item starts with a bold name, e.g. the 四种意识."""

    section: str  # id of the enclosing ``##`` section
    heading: str  # the nearest heading above the list, as plain text
    number: int  # 1-based position among the enumerations of its section
    names: tuple[str, ...]


def plain(text: str) -> str:
    """Heading or item text without Markdown emphasis and code marks."""
    return re.sub(r"[*_`]", "", text).strip()


def sections(body: str) -> dict[str, str]:
    """The lesson's ``##`` sections as id -> plain title, in order (explicit ids only)."""
    found: dict[str, str] = {}
    in_fence = False
    for line in body.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and (m := SECTION.match(line)):
            found.setdefault(m["id"], plain(m["title"]))
    return found


def section_ids(body: str) -> list[str]:
    """Ids of the lesson's ``##`` sections, in order."""
    return list(sections(body))


def enumerations(body: str) -> list[Enumeration]:
    """Every top-level list of bold-named items (two or more) outside the fixed sections."""
    found: list[Enumeration] = []
    section: str | None = None
    heading = ""
    run: list[str] = []
    plain_item = False  # the current list also has items without a bold name
    in_fence = False

    def close() -> None:
        nonlocal run, plain_item
        if section and section not in FIXED_SECTIONS and len(run) >= 2 and not plain_item:
            number = 1 + sum(e.section == section for e in found)
            found.append(Enumeration(section, heading, number, tuple(run)))
        run, plain_item = [], False

    for line in body.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            close()
            continue
        if in_fence or not line.strip() or line[:1] in (" ", "\t"):
            continue  # blank lines and indented continuations keep a list going
        if m := NAMED_ITEM.match(line):
            run.append(plain(m["name"]))
            continue
        if ANY_ITEM.match(line):
            plain_item = True
            continue
        close()
        if m := SECTION.match(line):
            section, heading = m["id"], plain(m["title"])
        elif m := HEADING.match(line):
            heading = plain(m["title"])
    close()
    return found
