"""What a sheet is filled in with: the topic, the key points and the discussion questions.

Only the lesson's own words: its title, the items of 本课要点 and of 思考与讨论.
"""

from __future__ import annotations

from dataclasses import dataclass

from peixun.course.model import Chapter, Lesson
from peixun.slides.blocks import inline_plain, read_blocks
from peixun.text.markdown import Markdown

Group = tuple[str, tuple[str, ...]]
"""Items under a label (a lesson's name in a chapter's sheet; empty for a lesson's own)."""


@dataclass(frozen=True)
class Sheet:
    """A sheet's pre-filled content, for one lesson or one chapter."""

    course: str
    chapter: str
    topic: str
    points: tuple[Group, ...]
    questions: tuple[Group, ...]
    lesson: str = ""

    @property
    def title(self) -> str:
        """``学习记录：第一章 角色认知`` (the page's and the file's title)."""
        return f"学习记录：{self.topic}"


def _items(markdown: Markdown | None) -> tuple[str, ...]:
    if markdown is None:
        return ()
    blocks = [b for b in read_blocks(markdown) if b.kind in ("item", "paragraph")]
    top = [b for b in blocks if b.kind == "item" and b.depth == 0] or blocks
    return tuple(b.text for b in top)


def _section(lesson: Lesson, section_id: str) -> Markdown | None:
    found = next((s for s in lesson.markdown.sections_at(2) if s.id == section_id), None)
    return found.content if found else None


def lesson_sheet(course_name: str, chapter: Chapter, lesson: Lesson) -> Sheet:
    title = inline_plain(lesson.title)
    return Sheet(
        inline_plain(course_name),
        inline_plain(chapter.title),
        title,
        (("", _items(_section(lesson, "yaodian"))),),
        (("", _items(_section(lesson, "taolun"))),),
        lesson=title,
    )


def chapter_sheet(course_name: str, chapter: Chapter) -> Sheet:
    labelled = [
        (f"第 {i} 课　{inline_plain(lesson.title)}", lesson)
        for i, lesson in enumerate(chapter.lessons, start=1)
    ]
    return Sheet(
        inline_plain(course_name),
        inline_plain(chapter.title),
        inline_plain(chapter.title),
        tuple((label, _items(_section(lesson, "yaodian"))) for label, lesson in labelled),
        tuple((label, _items(_section(lesson, "taolun"))) for label, lesson in labelled),
    )
