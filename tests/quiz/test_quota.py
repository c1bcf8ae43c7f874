"""Exam quotas (``extra.peixun.exam``) that the banks cannot meet stop the check and the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from peixun.cli import main
from peixun.course.model import load_course
from peixun.course.settings import ExamSettings, load_settings
from peixun.errors import ContentError
from peixun.quiz import course_questions
from peixun.quiz.quota import quota_problems
from tests.fixture import COURSE
from tests.sitebuild import build_here


@pytest.fixture(scope="module")
def fixture_course() -> tuple[object, dict[str, list[object]]]:
    course = load_course(COURSE / "docs", COURSE / "sources")
    return course, course_questions(course, COURSE / "quizzes")


def problems(exam: dict[str, object], fixture_course: tuple[object, object]) -> list[str]:
    course, questions = fixture_course
    settings = ExamSettings.model_validate(exam)
    return [str(p) for p in quota_problems(settings, course, questions)]  # type: ignore[arg-type]


def test_quotas_the_banks_can_meet_pass(fixture_course: tuple[object, object]) -> None:
    exam = {"size": 4, "chapters": {"01-diyi-zhang": 3}, "types": {"single": 1}}
    assert problems(exam, fixture_course) == []
    assert problems({"size": 500}, fixture_course) == []  # more than the banks: every question


def test_a_chapter_quota_beyond_its_bank_names_the_key(
    fixture_course: tuple[object, object],
) -> None:
    found = problems({"size": 20, "chapters": {"02-dier-zhang": 6}}, fixture_course)
    assert found == [
        "mkdocs.yml（extra.peixun）：字段 exam → chapters → 02-dier-zhang："
        "要抽 6 题，但题库里只有 5 题。请减少数目，或在题库里补题。"
    ]


def test_unknown_chapters_types_and_levels_are_named(fixture_course: tuple[object, object]) -> None:
    found = problems(
        {"chapters": {"09-meiyou": 1}, "types": {"essay": 1}, "difficulty": {4: 1}}, fixture_course
    )
    assert len(found) == 3
    assert "字段 exam → chapters → 09-meiyou：没有这一项。可用：01-diyi-zhang（" in found[0]
    assert "字段 exam → types → essay：没有这一项。可用：single（单选题）" in found[1]
    assert "字段 exam → difficulty → 4：没有这一项。可用：1（易）、2（中）、3（难）" in found[2]


def test_a_rest_the_other_groups_cannot_fill(fixture_course: tuple[object, object]) -> None:
    # Every chapter named, but together fewer than size: nothing is left to draw the rest from.
    found = problems(
        {"size": 5, "chapters": {"01-diyi-zhang": 2, "02-dier-zhang": 1}}, fixture_course
    )
    assert len(found) == 1
    assert "字段 exam → chapters：所列各项合计 3 题，其余 2 题要从未列出的各项里抽" in found[0]


def test_quotas_above_size_are_refused_by_the_settings() -> None:
    with pytest.raises(ContentError) as caught:
        load_settings({"exam": {"size": 3, "types": {"single": 4}}}, "extra:\n  peixun:\n")
    assert "types 各项合计 4 题，超过每次抽题数 size（3）" in str(caught.value)


def test_an_impossible_quota_stops_the_build(fixture_project: Path) -> None:
    config = fixture_project / "mkdocs.yml"
    text = config.read_text("utf-8")
    text = text.replace("      size: 4\n", "      size: 4\n      types:\n        order: 4\n")
    config.write_text(text, "utf-8")
    result = build_here(fixture_project)
    assert not result.ok
    assert any(
        "字段 exam → types → order：要抽 4 题，但题库里只有 3 题" in m for m in result.messages()
    ), result.messages()


def test_an_impossible_quota_fails_the_check(
    fixture_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = fixture_project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(
        text.replace(
            "      size: 4\n", "      size: 8\n      chapters:\n        02-dier-zhang: 6\n"
        ),
        "utf-8",
    )
    assert main(["check", str(fixture_project)]) == 1
    out = capsys.readouterr().out
    assert (
        "mkdocs.yml（extra.peixun）：字段 exam → chapters → 02-dier-zhang：要抽 6 题，但题库里只有 5 题"
        in out
    )
