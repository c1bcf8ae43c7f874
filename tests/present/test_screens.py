"""The presentation's screens and HTML: the slide outline reused, questions one a screen."""

from __future__ import annotations

from markupsafe import escape

from peixun.course.model import Chapter
from peixun.handouts.paper import answer_with_letters
from peixun.present.render import presentation_html
from peixun.present.screens import Screen, chapter_screens, lesson_screens
from peixun.slides.outline import Point, Slide, chapter_outline, lesson_outline
from tests.handouts.conftest import CourseWithQuestions

COURSE = "党支部书记履职能力培训"


def _chapter(real: CourseWithQuestions) -> Chapter:
    chapter = real.course.chapter("01-juese-renzhi")
    assert chapter is not None
    return chapter


def test_a_lesson_shows_its_deck_with_each_self_check_question_before_the_sources(
    real_course: CourseWithQuestions,
) -> None:
    chapter = _chapter(real_course)
    lesson = chapter.lessons[0]
    screens = lesson_screens(COURSE, chapter, lesson, real_course.questions)
    # every slide of the PowerPoint deck, in its order: one outline for both
    assert [s.slide for s in screens if s.quiz is None] == lesson_outline(COURSE, chapter, lesson)
    quiz = [s.quiz for s in screens if s.quiz is not None]
    assert [p.question.id for p in quiz] == [q.id for q in real_course.questions[lesson.slug]]
    kinds = ["quiz" if s.quiz else s.slide.title for s in screens]
    first_quiz = kinds.index("quiz")
    assert kinds[first_quiz - 1].startswith("思考与讨论")
    assert all(k.startswith("资料来源") for k in kinds[first_quiz + len(quiz) :])


def test_a_chapter_shows_its_deck_with_questions_numbered_across_the_chapter(
    real_course: CourseWithQuestions,
) -> None:
    chapter = _chapter(real_course)
    screens = chapter_screens(COURSE, chapter, real_course.questions)
    assert [s.slide for s in screens if s.quiz is None] == chapter_outline(COURSE, chapter)
    numbers = [s.quiz.number for s in screens if s.quiz is not None]
    total = sum(len(real_course.questions[lesson.slug]) for lesson in chapter.lessons)
    assert numbers == list(range(1, total + 1))


def test_sub_headings_and_cut_points_are_revealed_with_their_point() -> None:
    slide = Slide(
        "points",
        "标题",
        (
            Point("甲"),
            Point("小标题", style="heading"),
            Point("乙的前半，"),
            Point("乙的后半。", style="more"),
            Point("丙", 1),
        ),
    )
    steps = [[p.text for p in step] for step in Screen(slide).steps]
    assert steps == [["甲"], ["小标题", "乙的前半，", "乙的后半。"], ["丙"]]


def test_the_view_keeps_the_contract_and_escapes_every_piece_of_content(
    real_course: CourseWithQuestions,
) -> None:
    hostile = Slide("points", "<script>alert(1)</script>", (Point('"><img src=x onerror=1>'),))
    chapter = _chapter(real_course)
    lesson = chapter.lessons[0]
    screens = [Screen(hostile), *lesson_screens(COURSE, chapter, lesson, real_course.questions)]
    html = str(presentation_html(screens, "<b>课</b>", '../x.html" onclick="bad'))
    assert "<script>alert" not in html and "<img" not in html and "<b>课" not in html
    assert 'onclick="bad' not in html
    assert html.count("data-present") == 1
    assert html.count("data-slide ") == len(screens)
    quiz = [s.quiz for s in screens if s.quiz is not None]
    assert html.count('data-reveal data-state="hidden"') == len(quiz)
    for paper in quiz:  # the answer and explanation are there, to be revealed
        assert escape(answer_with_letters(paper)) in html
        assert escape(paper.question.explanation) in html
