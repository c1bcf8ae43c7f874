"""The questions to export: the course's banks, lesson by lesson."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peixun.course.model import load_course
from peixun.quiz import course_questions
from peixun.quiz.model import TYPE_NAMES, Question
from peixun.quiz.shuffle import in_shown_order


@dataclass(frozen=True)
class Item:
    """A question and its lesson (``chapter/lesson`` slug)."""

    lesson: str
    question: Question


def unfit(item: Item, target: str, why: str) -> str:
    """The line that reports a question a target cannot hold (never dropped silently)."""
    q = item.question
    return f"{item.lesson} 题目“{q.id}”（{TYPE_NAMES[q.type]}）未导出：{target}{why}"


def course_items(
    root: Path, chapter: str | None, generated: bool, lesson: str | None = None
) -> list[Item]:
    """Questions of the course at ``root`` in display order; bank questions only by default.

    Options come in the order the site and the handouts show them (A, B, C … agree everywhere).

    ``chapter`` is a chapter folder (``01-juese-renzhi``) or its number (``01`` or ``1``);
    ``lesson`` a lesson slug (``01-juese-renzhi/01-diwei-zuoyong``).
    Raises ContentError(s) when the course or a bank has problems, as the build would.
    """
    course = load_course(root / "docs", root / "sources")
    questions = course_questions(course, root / "quizzes")
    wanted = {c.folder for c in course.chapters if chapter in (None, c.folder, str(c.number))}
    wanted |= {c.folder for c in course.chapters if chapter == f"{c.number:02d}"}
    return [
        Item(page.slug, in_shown_order(page.meta.id, q))
        for c in course.chapters
        if c.folder in wanted
        for page in c.lessons
        if lesson in (None, page.slug)
        for q in questions.get(page.slug, [])
        if generated or not q.generated
    ]
