"""A 演示 page's whole view, from its chapter or lesson, kept across mkdocs serve rebuilds."""

from __future__ import annotations

from markupsafe import Markup

from peixun.course.model import Chapter, Lesson
from peixun.memo import Memo
from peixun.present.render import presentation_html
from peixun.present.screens import Questions, chapter_screens, lesson_screens

# Saving one lesson changes its chapter's views only: the others are kept (peixun.memo).
_VIEWS: Memo[Markup] = Memo()


def _view(
    course_name: str, chapter: Chapter, lesson: Lesson | None, questions: Questions, back: str
) -> Markup:
    if lesson is None:
        screens = chapter_screens(course_name, chapter, questions)
        title = chapter.title
    else:
        screens = lesson_screens(course_name, chapter, lesson, questions)
        title = lesson.title
    return presentation_html(screens, title, back)


def present_view(
    course_name: str, chapter: Chapter, lesson: Lesson | None, questions: Questions, back: str
) -> Markup:
    """The presentation of ``lesson``, or of the whole ``chapter`` when ``lesson`` is None;
    ``back`` is the page Esc returns to (a URL relative to the 演示 page)."""
    # The screens read the chapter (its title, its lessons' order and text) and the questions
    # of its lessons, nothing else of the course.
    own = {x.slug: list(questions.get(x.slug, [])) for x in chapter.lessons}
    return _VIEWS.get(
        lambda: _view(course_name, chapter, lesson, questions, back),
        course_name,
        chapter,
        lesson,
        own,
        back,
    )
