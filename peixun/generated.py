"""Every page the build generates, by docs-relative path: quiz pages, the learner's record
pages and chapter handouts.

The link check needs the names before any build; the hooks add the same pages to the site.
"""

from __future__ import annotations

from peixun.course.model import Course
from peixun.course.settings import CourseSettings
from peixun.handouts.editions import EDITIONS, handout_path
from peixun.quiz import Question
from peixun.quiz import pages as quiz_pages
from peixun.record import pages as record_pages


def generated_paths(
    course: Course, questions: dict[str, list[Question]], settings: CourseSettings
) -> set[str]:
    """docs-relative paths of the pages the build adds."""
    quiz = quiz_pages.generated_pages(course, questions, settings)
    handouts = {handout_path(c.folder, e) for c in course.chapters for e in EDITIONS}
    record = record_pages.generated_pages(settings)
    return set(quiz) | set(record) | handouts
