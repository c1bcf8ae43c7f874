"""The question table of ``suspend_data``: one code per lesson that changes only with that
lesson's questions, and the whole course in the table."""

from __future__ import annotations

import json

from peixun.course.model import load_course
from peixun.quiz import course_questions
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
