"""Errors worded for editors (in Chinese), with file and line where known.

Every error peixun raises for bad content or bad input derives from :class:`PeixunError`, so
that ``python -m peixun`` reports all of them the same way: the message, no traceback, exit 1.
"""

from __future__ import annotations

from dataclasses import dataclass


class PeixunError(Exception):
    """A problem the user can fix; ``str()`` is the whole Chinese message (file and line)."""


@dataclass
class ContentError(PeixunError):
    """A problem in a content file that an editor must fix.

    ``file`` is shown as given (a path relative to the project is best), ``line`` is
    1-based or ``None`` when the problem concerns the whole file.
    """

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file} 第 {self.line} 行" if self.line else self.file
        return f"{where}：{self.message}"


class ContentErrors(PeixunError):
    """Several content errors found in one pass, reported together."""

    def __init__(self, errors: list[ContentError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def problems_of(exc: ContentError | ContentErrors) -> list[ContentError]:
    """The individual problems behind either kind of content error."""
    return exc.errors if isinstance(exc, ContentErrors) else [exc]
