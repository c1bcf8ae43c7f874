"""A lesson's Markdown made to sit inside a chapter handout, and the parts a handout quotes.

In a handout every lesson becomes one ``##`` part of a single page, so its headings move one
level down, its heading ids get the lesson's prefix (two lessons both have ``#yaodian``), and
its links are re-aimed from the lesson's folder to ``handouts/`` (or into the handout itself).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from peixun.quiz.lessontext import FENCE, SECTION, plain

# Any heading a handout moves down a level (``######`` stays: there is no level 7).
HEADING = re.compile(r"^(?P<hashes>#{1,5})(?P<text>\s+.*?)(?P<attrs>\s*\{[^{}]*\})?\s*$")
ATTR_ID = re.compile(r"(?<![\w-])#(?P<id>[A-Za-z0-9_-]+)")
# ``[text](target`` and ``![alt](target``: the target up to a space, ``)`` or ``>``.
INLINE_LINK = re.compile(r"(?P<lead>\]\(\s*<?)(?P<target>[^)\s>]+)")
# ``[label]: target`` reference definitions.
REFERENCE = re.compile(r"^(?P<lead>\s{0,3}\[[^\]]+\]:\s*<?)(?P<target>[^\s>]+)")


@dataclass(frozen=True)
class Section:
    """A ``##`` section of a lesson: its id (``None`` when not written), title and Markdown."""

    id: str | None
    title: str
    markdown: str


@dataclass(frozen=True)
class Placement:
    """Where a lesson sits in the handout: the prefix of its ids, and its explicit ids."""

    prefix: str
    ids: frozenset[str]


def _outside_fences(lines: list[str]) -> list[bool]:
    """For each line, whether it is Markdown text (True) or inside a fenced code block."""
    flags = []
    in_fence = False
    for line in lines:
        if FENCE.match(line):
            flags.append(False)
            in_fence = not in_fence
        else:
            flags.append(not in_fence)
    return flags


def sections(body: str) -> list[Section]:
    """The lesson's ``##`` sections in order (text before the first one is left out).

    A section starts at every ``##`` heading; its id is read as the quiz reads it.
    """
    lines = body.split("\n")
    found: list[Section] = []
    current: tuple[str | None, str] | None = None
    collected: list[str] = []
    for line, is_text in zip(lines, _outside_fences(lines), strict=True):
        heading = HEADING.match(line) if is_text else None
        if heading and len(heading["hashes"]) == 2:
            if current is not None:
                found.append(Section(current[0], current[1], "\n".join(collected).strip()))
            with_id = SECTION.match(line)
            title = with_id["title"] if with_id else heading["text"]
            current = (with_id["id"] if with_id else None, plain(title))
            collected = []
        elif current is not None:
            collected.append(line)
    if current is not None:
        found.append(Section(current[0], current[1], "\n".join(collected).strip()))
    return found


def section(body: str, section_id: str) -> Section | None:
    """The section with this id, if the lesson has one."""
    return next((s for s in sections(body) if s.id == section_id), None)


def explicit_ids(body: str) -> frozenset[str]:
    """Ids written on the lesson's headings (``{#id}``)."""
    lines = body.split("\n")
    ids: set[str] = set()
    for line, is_text in zip(lines, _outside_fences(lines), strict=True):
        if is_text and (match := HEADING.match(line)) and match["attrs"]:
            ids.update(ATTR_ID.findall(match["attrs"]))
    return frozenset(ids)


def _retarget(
    target: str, lesson_src: str, here: Placement, placed: Mapping[str, Placement], folder: str
) -> str:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("/") or parts.query:
        return target  # outside the docs, or something we do not understand: left alone
    path, fragment = parts.path, parts.fragment
    if not path:
        if fragment in here.ids:
            return f"#{here.prefix}-{fragment}"
        return target
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(lesson_src), path))
    if resolved in placed:
        other = placed[resolved]
        return f"#{other.prefix}-{fragment}" if fragment in other.ids else f"#{other.prefix}"
    relative = posixpath.relpath(resolved, folder)
    return f"{relative}#{fragment}" if fragment else relative


def for_handout(
    body: str,
    lesson_src: str,
    placed: Mapping[str, Placement],
    handout_folder: str = "handouts",
) -> str:
    """The lesson body as a part of a handout page in ``handout_folder``.

    ``placed`` maps the source path of every lesson on the same handout (this one included)
    to its placement; links to those lessons become links within the handout.
    """
    here = placed[lesson_src]

    def retarget(match: re.Match[str]) -> str:
        new = _retarget(match["target"], lesson_src, here, placed, handout_folder)
        return match["lead"] + new

    def heading(match: re.Match[str]) -> str:
        attrs = match["attrs"] or ""
        attrs = ATTR_ID.sub(lambda m: f"#{here.prefix}-{m['id']}", attrs)
        return f"#{match['hashes']}{match['text']}{attrs}"

    lines = body.split("\n")
    out = []
    for line, is_text in zip(lines, _outside_fences(lines), strict=True):
        if is_text:
            line = _rewrite_line(line, heading, retarget)
        out.append(line)
    return "\n".join(out)


def _rewrite_line(
    line: str,
    heading: Callable[[re.Match[str]], str],
    retarget: Callable[[re.Match[str]], str],
) -> str:
    if HEADING.match(line):
        line = HEADING.sub(heading, line)
    if REFERENCE.match(line):
        return REFERENCE.sub(retarget, line)
    return INLINE_LINK.sub(retarget, line)
