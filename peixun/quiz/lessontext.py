"""What the quiz needs from a lesson's Markdown: its section ids and its enumerated lists.

Both are read from the lesson model (peixun.text.markdown), as the content check reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peixun.course.model import FIXED_SECTION_IDS
from peixun.text.markdown import Markdown, plain

# "- **服务意识**：……" or "1. **服务意识**：……" at the start of a line.
NAMED_ITEM = re.compile(r"^(?:[-*+]|\d+[.、])\s+\*\*(?P<name>[^*]+?)\*\*")
ANY_ITEM = re.compile(r"^(?:[-*+]|\d+[.、])\s+")

# The fixed parts of a lesson, and the quiz's own section: not subject matter to ask about.
FIXED_SECTIONS = FIXED_SECTION_IDS | {"zice"}


@dataclass(frozen=True)
class Enumeration:
    """A list whose every item starts with a bold name, e.g. the 四种意识."""

    section: str  # id of the enclosing ``##`` section
    heading: str  # the nearest heading above the list, as plain text
    number: int  # 1-based position among the enumerations of its section
    names: tuple[str, ...]


def sections(markdown: Markdown) -> dict[str, str]:
    """The lesson's ``##`` sections as id -> plain title, in order (explicit ids only)."""
    found: dict[str, str] = {}
    for section in markdown.sections_at(2):
        if section.id is not None:
            found.setdefault(section.id, section.title)
    return found


def section_ids(markdown: Markdown) -> list[str]:
    """Ids of the lesson's ``##`` sections, in order."""
    return list(sections(markdown))


def enumerations(markdown: Markdown) -> list[Enumeration]:
    """Every top-level list of bold-named items (two or more) outside the fixed sections."""
    found: list[Enumeration] = []
    section: str | None = None
    heading = ""
    run: list[str] = []
    plain_item = False  # the current list also has items without a bold name

    def close() -> None:
        nonlocal run, plain_item
        if section and section not in FIXED_SECTIONS and len(run) >= 2 and not plain_item:
            number = 1 + sum(e.section == section for e in found)
            found.append(Enumeration(section, heading, number, tuple(run)))
        run, plain_item = [], False

    headings = markdown.heading_at
    for line in markdown.lines:
        text = line.raw
        if line.code:
            close()
            continue
        if not text.strip() or text[:1] in (" ", "\t"):
            continue  # blank lines and indented continuations keep a list going
        if m := NAMED_ITEM.match(text):
            run.append(plain(m["name"]))
            continue
        if ANY_ITEM.match(text):
            plain_item = True
            continue
        close()
        if (found_heading := headings.get(line.number)) is not None:
            if found_heading.level == 2:
                section = found_heading.id
            heading = found_heading.title
    close()
    return found
