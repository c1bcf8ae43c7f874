"""The data every importer step passes along: numbered lines and the events it records."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from peixun.errors import PeixunError


class Kind(StrEnum):
    """What happened to a piece of text; the value is what the report prints."""

    REMOVED = "删除"
    MOVED = "移入元数据"
    REPAIRED = "修复"
    FLAGGED = "待核"


@dataclass(frozen=True)
class Line:
    """One line (later: one paragraph) of text and the input line it starts on.

    ``breaks`` remembers, for text joined from several input lines, the offset at which each
    later input line began, so that a spot inside the text can still be traced to its line.
    Steps that edit text in place keep ``breaks`` as they are: close enough for the report.
    """

    text: str
    number: int
    breaks: tuple[tuple[int, int], ...] = ()

    def number_at(self, offset: int) -> int:
        """The input line that the character at ``offset`` came from."""
        number = self.number
        for start, line in self.breaks:
            if start > offset:
                break
            number = line
        return number

    def joined(self, other: Line) -> Line:
        """This line with ``other`` appended, remembering where ``other`` began."""
        shift = len(self.text)
        breaks = [*self.breaks, (shift, other.number)]
        breaks += [(start + shift, line) for start, line in other.breaks]
        return Line(self.text + other.text, self.number, tuple(breaks))

    def cut(self, start: int, end: int) -> Line:
        """The part ``text[start:end]`` (stripped) with its own line number and breaks."""
        piece = self.text[start:end]
        lead = len(piece) - len(piece.lstrip())
        begin = start + lead
        breaks = tuple((b - begin, n) for b, n in self.breaks if begin < b < end)
        return Line(piece.strip(), self.number_at(begin), breaks)

    def with_text(self, text: str) -> Line:
        """The same line holding ``text`` (an in-place edit)."""
        return Line(text, self.number, self.breaks)


@dataclass(frozen=True)
class Event:
    """A removal, repair, move or flag, with where it happened, so nothing vanishes unseen."""

    kind: Kind
    step: str
    line: int
    text: str
    detail: str = ""
    field: str = ""  # for MOVED: the front-matter field the text went to
    value: str = ""  # for MOVED: the value the field takes


@dataclass(frozen=True)
class StepResult:
    """What a step returns: the new lines and the events it recorded."""

    lines: list[Line]
    events: list[Event] = field(default_factory=list)


@dataclass
class Article:
    """One article cut from a document, ready to be written as a draft."""

    title: str
    lines: list[Line]
    first_line: int
    last_line: int
    label: str = ""  # the compilation's own label, e.g. "第一篇：如何当好党支部书记"
    meta: dict[str, str] = field(default_factory=dict)


class UnreadableInput(PeixunError):
    """An input file that cannot be imported; the message is one Chinese sentence for editors."""
