"""The two editions of a chapter handout, and where each one lives in the site."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

HANDOUT_FOLDER = "handouts"


@dataclass(frozen=True)
class Edition:
    """One edition: its name in file names, its name for readers, and whether it has answers."""

    slug: str
    name: str
    answers: bool
    contents: str
    """What this edition holds, in one line for the chapter page."""


LEARNER = Edition(
    "student",
    "学员版",
    answers=False,
    contents="本章课文、本课要点、思考与讨论和本章自测题，留有作答位置，不含答案",
)
TEACHER = Edition(
    "teacher",
    "教师版",
    answers=True,
    contents="学员版的全部内容，另附每道自测题的答案、解析和出处，以及讨论引导",
)
EDITIONS = (LEARNER, TEACHER)


def handout_title(chapter_title: str, edition_name: str) -> str:
    """``第一章 角色认知 · 讲义（学员版）``: the page title and the PDF's title."""
    return f"{chapter_title} · 讲义（{edition_name}）"


def handout_stem(chapter_folder: str, edition: Edition) -> str:
    """``01-juese-renzhi-student``: the page's and the PDF's file name without extension."""
    return f"{chapter_folder}-{edition.slug}"


def parse_stem(stem: str) -> tuple[str, Edition] | None:
    """``01-juese-renzhi-student`` -> (chapter folder, edition); ``None`` for other names."""
    folder, _, slug = stem.rpartition("-")
    edition = next((e for e in EDITIONS if e.slug == slug), None)
    return (folder, edition) if folder and edition else None


def handout_path(chapter_folder: str, edition: Edition) -> str:
    """The handout page's path in the docs: ``handouts/01-juese-renzhi-student.md``."""
    return f"{HANDOUT_FOLDER}/{handout_stem(chapter_folder, edition)}.md"


def relative_link(from_path: str, to_path: str) -> str:
    """A Markdown link target from one docs file to another."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
