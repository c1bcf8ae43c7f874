"""Every page the build generates, by docs-relative path: quiz pages, chapter handouts, and
the meeting kit (演示, 学习记录, 学习计划).

The link check needs the names before any build; the hooks add the same pages to the site.
"""

from __future__ import annotations

from peixun.course.model import Course
from peixun.course.settings import CourseSettings
from peixun.handouts.editions import EDITIONS, handout_path
from peixun.present.pages import present_paths
from peixun.quiz import Question
from peixun.quiz import pages as quiz_pages
from peixun.records.pages import record_path


def generated_paths(
    course: Course, questions: dict[str, list[Question]], settings: CourseSettings
) -> set[str]:
    """docs-relative paths of the pages the build adds."""
    quiz = quiz_pages.generated_pages(course, questions, settings)
    handouts = {handout_path(c.folder, e) for c in course.chapters for e in EDITIONS}
    meeting = set(present_paths(course)) | {settings.pages.plan}
    meeting |= {record_path(c) for c in course.chapters}
    meeting |= {record_path(c, lesson) for c in course.chapters for lesson in c.lessons}
    return set(quiz) | handouts | meeting
