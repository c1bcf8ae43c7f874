"""Every page the build generates, by docs-relative path: quiz pages, the learner's record
pages, chapter handouts and the meeting kit (演示, 学习记录, 学习计划); and the other files it
writes (each chapter's question data, :func:`question_data_path`).

The link check needs the names before any build; the hooks add the same pages to the site.
"""

from __future__ import annotations

from peixun.assets import site_path
from peixun.course.model import Course
from peixun.course.settings import CourseSettings
from peixun.handouts.editions import EDITIONS, handout_path
from peixun.present.pages import present_paths
from peixun.quiz import Question
from peixun.quiz import pages as quiz_pages
from peixun.record import pages as record_pages
from peixun.records.pages import record_path


def generated_paths(
    course: Course, questions: dict[str, list[Question]], settings: CourseSettings
) -> set[str]:
    """docs-relative paths of the pages the build adds."""
    quiz = quiz_pages.generated_pages(course, questions, settings)
    handouts = {handout_path(c.folder, e) for c in course.chapters for e in EDITIONS}
    record = record_pages.generated_pages(settings)
    meeting = set(present_paths(course)) | {settings.pages.plan}
    meeting |= {record_path(c) for c in course.chapters}
    meeting |= {record_path(c, lesson) for c in course.chapters for lesson in c.lessons}
    return set(quiz) | set(record) | handouts | meeting


def question_data_path(chapter_folder: str) -> str:
    """The script holding a chapter's rendered questions, loaded on demand by the exam,
    chapter test and wrong book pages (a script, not JSON: ``fetch`` is blocked from file://)."""
    return site_path(f"questions/{chapter_folder}.js")


def question_data_paths(course: Course, questions: dict[str, list[Question]]) -> list[str]:
    """site-relative paths of the question data scripts: one per chapter that has questions."""
    return [
        question_data_path(c.folder)
        for c in course.chapters
        if any(questions.get(lesson.slug) for lesson in c.lessons)
    ]
