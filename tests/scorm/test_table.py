"""The question table of ``suspend_data``: one code per lesson that changes only with that
lesson's questions, and the whole course in the table."""

from __future__ import annotations

import json

from peixun.course.model import load_course
from peixun.quiz import course_questions
from peixun.quiz.shuffle import shown_options
from peixun.scorm.table import SUSPEND_LIMITS, lesson_code, question_table, table_script
from tests.sitebuild import ROOT


def test_a_lesson_code_changes_with_its_questions_only() -> None:
    entries = [("q1", "aaaaaaaaaa"), ("q2", "bbbbbbbbbb")]
    code = lesson_code("diwei-zuoyong", entries)
    assert len(code) == 3
    assert lesson_code("diwei-zuoyong", list(entries)) == code  # stable across builds
    assert lesson_code("diwei-zuoyong", [("q1", "aaaaaaaaaa"), ("q2", "cccccccccc")]) != code
    assert lesson_code("diwei-zuoyong", entries[::-1]) != code  # order is what slots follow
    assert lesson_code("zhengzhi-juese", entries) != code


def test_the_table_holds_every_question_of_the_course_and_the_limits() -> None:
    course = load_course(ROOT / "docs", ROOT / "sources")
    questions = course_questions(course, ROOT / "quizzes")
    table = question_table(course, questions)
    lessons = table["lessons"]
    assert isinstance(lessons, list)
    assert [lesson[1] for lesson in lessons] == [
        lesson.meta.id for lesson in course.lessons() if questions.get(lesson.slug)
    ]
    assert sum(len(lesson[2]) for lesson in lessons) == sum(len(q) for q in questions.values())
    codes = [lesson[0] for lesson in lessons]
    assert len(set(codes)) == len(codes)  # no two lessons of this course share a code
    script = table_script(table)
    call = "window.peixun.scormTable && window.peixun.scormTable("
    assert script.startswith(call) and script.endswith(");\n")
    data = json.loads(script.removeprefix(call).removesuffix(");\n"))
    assert data["limits"] == SUSPEND_LIMITS
    assert "<" not in script  # safe in any page


def test_choice_questions_carry_their_option_keys_in_the_shown_order() -> None:
    """suspend.js writes a chosen option as its index in this list: the order the site shows
    (fixed by lesson id, question id and option texts), not the bank's order, which can change
    without changing the question's fingerprint."""
    course = load_course(ROOT / "docs", ROOT / "sources")
    questions = course_questions(course, ROOT / "quizzes")
    table = question_table(course, questions)
    lessons = table["lessons"]
    assert isinstance(lessons, list)
    by_id = {lesson.meta.id: questions.get(lesson.slug, []) for lesson in course.lessons()}
    choices = 0
    for _code, lesson_id, entries in lessons:
        for entry, q in zip(entries, by_id[lesson_id], strict=True):
            if q.options is None:
                assert len(entry) == 2
                continue
            choices += 1
            keys = [o.key for o in shown_options(lesson_id, q)]
            assert entry[2] == keys
            reordered = q.model_copy(update={"options": list(reversed(q.options))})
            assert [o.key for o in shown_options(lesson_id, reordered)] == keys
    assert choices > 100


def test_every_lesson_has_a_visit_code_of_its_id_and_the_chapters_are_listed() -> None:
    course = load_course(ROOT / "docs", ROOT / "sources")
    table = question_table(course, course_questions(course, ROOT / "quizzes"))
    visits = table["visits"]
    assert isinstance(visits, list)
    assert [v[1] for v in visits] == [lesson.meta.id for lesson in course.lessons()]
    assert visits[0][0] == lesson_code(course.lessons()[0].meta.id, [])  # its id alone
    assert len({v[0] for v in visits}) == len(visits)
    assert table["chapters"] == [chapter.folder for chapter in course.chapters]
