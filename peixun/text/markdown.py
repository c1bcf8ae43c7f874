"""A page's Markdown read once, the way the site's Python-Markdown reads it.

Headings are found with Python-Markdown's own pattern (``##标题`` without a space is a heading
there too) and their ids with attr_list's own (``{#id}``, ``{: #id }``, ``{#id .cls}``,
``{ #id key="v" }``, ``{:#id}``): the content check, the quiz, the handouts and search all read
the same structure, so a heading cannot mean one thing to one of them and another to the next.
Fenced code (superfences: `````` ``` `````` or ``~~~``, closed by the same fence) is masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder

HASH_HEADING: re.Pattern[str] = HashHeaderProcessor.RE
ATTR_LIST: re.Pattern[str] = AttrListTreeprocessor.HEADER_RE
FENCE_START = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
# What is not prose on a line: inline code, link targets, attribute lists, HTML tags, the
# title of an admonition; each stands in as one neutral mark. Emphasis marks just go.
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
"""An inline code span, fenced by a run of backticks and closed by the same run."""
NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|\{[:#][^}]*\}|<[^>]+>|^\s*[!?]{3}.*$")
NEUTRAL = "〇"
EMPHASIS = re.compile(r"\*+")
MARKS = re.compile(r"[*_`]")


def plain(text: str) -> str:
    """Heading or item text without Markdown emphasis and code marks."""
    return MARKS.sub("", text).strip()


def prose(raw: str) -> str:
    """``raw`` with what is not prose replaced by a neutral mark, and emphasis removed."""
    return EMPHASIS.sub("", NOT_PROSE.sub(NEUTRAL, raw))


@dataclass(frozen=True)
class Line:
    """One line of the body: its file line, its text, and whether it is fenced code."""

    number: int
    raw: str
    code: bool

    @cached_property
    def prose(self) -> str:
        """The text with what is not prose removed (for lines outside code)."""
        return prose(self.raw)


@dataclass(frozen=True)
class Heading:
    """An ATX heading as Python-Markdown renders it."""

    level: int
    number: int  # file line
    raw: str  # the whole line
    text: str  # the title as written, without the hashes and the attribute list
    id: str | None  # the explicit id of its attribute list, if any
    attrs: tuple[int, int] | None  # where ``{…}`` stands in ``raw``
    spaced: bool  # a space follows the hashes, as the editorial guide asks

    @property
    def title(self) -> str:
        return plain(self.text)


def _attr_id(attrs: str) -> str | None:
    """The id attr_list assigns from the inside of ``{…}`` (the last ``#id`` wins)."""
    found: Any = get_attrs_and_remainder(attrs)[0]
    ids = [str(value) for key, value in found if key == "id"]
    return ids[-1] if ids else None


def read_heading(raw: str, number: int = 1) -> Heading | None:
    """The heading on ``raw``, if Python-Markdown makes it one."""
    match = HASH_HEADING.match(raw)
    if match is None:
        return None
    header = match["header"]
    offset = match.start("header") + len(header) - len(header.lstrip())
    text = header.strip()
    id_, span = None, None
    attrs = ATTR_LIST.search(text)
    if attrs and not get_attrs_and_remainder(attrs[1])[1]:
        # attr_list takes the list off the title; with a stray ``}`` it leaves it there.
        id_ = _attr_id(attrs[1])
        span = (offset + text.index("{", attrs.start()), offset + len(text))
        text = text[: attrs.start()].rstrip("#").rstrip()
    level = len(match["level"])
    return Heading(level, number, raw, text, id_, span, raw[level : level + 1].isspace())


def code_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (its fences included).

    A fence never closed is not code: superfences leaves it as text.
    """
    flags = [False] * len(lines)
    index = 0
    while index < len(lines):
        match = FENCE_START.match(lines[index])
        if match:
            close = re.compile(re.escape(match["fence"]) + r"[ \t]*")
            end = next(
                (j for j in range(index + 1, len(lines)) if close.fullmatch(lines[j].lstrip())),
                None,
            )
            if end is not None:
                flags[index : end + 1] = [True] * (end + 1 - index)
                index = end
        index += 1
    return flags


@dataclass(frozen=True)
class Section:
    """A heading (levels 2 to 6) and what follows it up to the next heading as high or higher."""

    heading: Heading
    content: Markdown  # the body, without the heading line and surrounding blank lines

    @property
    def id(self) -> str | None:
        return self.heading.id

    @property
    def title(self) -> str:
        return self.heading.title

    @property
    def markdown(self) -> str:
        return self.content.text


@dataclass(frozen=True)
class Markdown:
    """A Markdown body: its lines and its headings."""

    lines: tuple[Line, ...]
    headings: tuple[Heading, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.raw for line in self.lines)

    @cached_property
    def heading_at(self) -> dict[int, Heading]:
        """file line -> the heading on it."""
        return {heading.number: heading for heading in self.headings}

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        """A section per heading of level 2 to 6, in order."""
        found = []
        for i, heading in enumerate(self.headings):
            if heading.level < 2:
                continue
            end = next(
                (h.number for h in self.headings[i + 1 :] if h.level <= heading.level),
                None,
            )
            found.append(Section(heading, self._between(heading.number, end)))
        return tuple(found)

    def sections_at(self, level: int) -> list[Section]:
        """The sections of one level (2: the ``##`` sections), in order."""
        return [s for s in self.sections if s.heading.level == level]

    @property
    def ids(self) -> frozenset[str]:
        """The explicit ids of all headings."""
        return frozenset(h.id for h in self.headings if h.id is not None)

    @cached_property
    def prose_lines(self) -> tuple[Line, ...]:
        """Every line outside fenced code (its ``prose`` is what the text checks read)."""
        return tuple(line for line in self.lines if not line.code)

    def _between(self, heading_line: int, end: int | None) -> Markdown:
        first = self.lines[0].number
        lines = list(self.lines[heading_line + 1 - first : None if end is None else end - first])
        while lines and not lines[0].raw.strip():
            lines.pop(0)
        while lines and not lines[-1].raw.strip():
            lines.pop()
        if not lines:
            return Markdown((), ())
        start, stop = lines[0].number, lines[-1].number
        return Markdown(tuple(lines), tuple(h for h in self.headings if start <= h.number <= stop))


def parse_markdown(body: str, first_line: int = 1) -> Markdown:
    """Read ``body``, whose first line is file line ``first_line``."""
    raw_lines = body.split("\n")
    lines = tuple(
        Line(first_line + i, raw, code)
        for i, (raw, code) in enumerate(zip(raw_lines, code_lines(raw_lines), strict=True))
    )
    headings = tuple(
        heading
        for line in lines
        if not line.code and (heading := read_heading(line.raw, line.number)) is not None
    )
    return Markdown(lines, headings)
