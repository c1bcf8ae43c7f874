"""A bad bank stops with a Chinese message naming file, line and field: one test per kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from peixun.errors import ContentError, ContentErrors
from peixun.quiz import course_questions
from tests.quiz.conftest import GOOD_BANK, Project, course_in

FILE = "quizzes/01-ceshi/01-yishi.yml"


def problems(root: Path) -> list[str]:
    """Every problem reported for the project, as ``file 第 N 行：message``."""
    with pytest.raises((ContentError, ContentErrors)) as caught:
        course_questions(course_in(root), root / "quizzes")
    exc = caught.value
    return [str(e) for e in (exc.errors if isinstance(exc, ContentErrors) else [exc])]


def only_problem(root: Path) -> str:
    found = problems(root)
    assert len(found) == 1, found
    return found[0]


def test_good_bank_passes(project: Project) -> None:
    questions = course_questions(course_in(project(GOOD_BANK)), project() / "quizzes")
    assert questions["01-ceshi/01-yishi"][0].id == "yishi-fuwu"


def test_yaml_syntax_error_names_line_and_column(project: Project) -> None:
    bank = GOOD_BANK.replace("stem: 支部书记要甘当什么？", "stem: [支部书记要甘当什么？")
    message = only_problem(project(bank))
    assert message.startswith(f"{FILE} 第 ")
    assert "YAML 格式错误" in message and "列" in message


def test_unknown_key_is_named_with_its_line(project: Project) -> None:
    bank = GOOD_BANK.replace(
        "    source: si-zhong-yishi", "    source: si-zhong-yishi\n    hint: 无"
    )
    assert only_problem(project(bank)) == (
        f"{FILE} 第 13 行：字段 questions → 第 1 项 → hint：未知字段（是否拼错？）"
    )


def test_missing_answer_field(project: Project) -> None:
    bank = "questions:\n  - id: pd\n    type: truefalse\n    stem: 对吗？\n"
    bank += "    explanation: 原文如此。\n    source: si-zhong-yishi\n"
    assert only_problem(project(bank)) == (
        f"{FILE} 第 2 行：字段 questions → 第 1 项 → answer：判断题缺少答案字段 answer"
    )


def test_answer_field_of_another_type(project: Project) -> None:
    bank = GOOD_BANK.replace("    explanation:", "    answer: true\n    explanation:")
    assert only_problem(project(bank)) == (
        f"{FILE} 第 11 行：字段 questions → 第 1 项 → answer："
        "单选题不用 answer，答案写在 options 里"
    )


def test_single_choice_with_two_correct_options_is_impossible(project: Project) -> None:
    bank = GOOD_BANK.replace("      - text: 运动员", "      - text: 运动员\n        correct: true")
    message = only_problem(project(bank))
    assert message.startswith(f"{FILE} 第 5 行：字段 questions → 第 1 项 → options：")
    assert "单选题应恰有一个选项写 correct: true，现在有 2 个" in message
    assert "type: multiple" in message


def test_multiple_choice_needs_two_correct(project: Project) -> None:
    bank = GOOD_BANK.replace("type: single", "type: multiple")
    assert "多选题应至少有两个选项写 correct: true，现在有 1 个" in only_problem(project(bank))


def test_fill_blanks_must_match_the_stem(project: Project) -> None:
    bank = (
        "questions:\n  - id: tk\n    type: fill\n    stem: 甘当____。\n"
        "    blanks:\n      - [服务员]\n      - [多余]\n"
        "    explanation: 原文如此。\n    source: si-zhong-yishi\n"
    )
    assert only_problem(project(bank)) == (
        f"{FILE} 第 5 行：字段 questions → 第 1 项 → blanks："
        "题干有 1 个空（____），blanks 却给了 2 组答案"
    )


def test_order_needs_three_items(project: Project) -> None:
    bank = (
        "questions:\n  - id: px\n    type: order\n    stem: 排列。\n    items: [甲, 乙]\n"
        "    explanation: 原文如此。\n    source: si-zhong-yishi\n"
    )
    assert only_problem(project(bank)) == (
        f"{FILE} 第 5 行：字段 questions → 第 1 项 → items：排序题应有 3～6 项，现在是 2 项"
    )


def test_unknown_type_lists_the_allowed_ones(project: Project) -> None:
    message = only_problem(project(GOOD_BANK.replace("type: single", "type: choice")))
    assert message.startswith(
        f"{FILE} 第 3 行：字段 questions → 第 1 项 → type：取值不在允许范围内"
    )
    assert "'single'" in message


def test_empty_explanation(project: Project) -> None:
    bank = GOOD_BANK.replace("explanation: 原文：“甘当服务员。”", "explanation: '  '")
    assert only_problem(project(bank)) == (
        f"{FILE} 第 11 行：字段 questions → 第 1 项 → explanation：不能为空"
    )


def test_duplicate_ids_name_both_lines(project: Project) -> None:
    bank = GOOD_BANK + GOOD_BANK.removeprefix("questions:\n")
    assert only_problem(project(bank)) == (
        f"{FILE} 第 13 行：字段 questions → 第 2 项 → id：题目 id“yishi-fuwu”与第 2 行的题目重复。"
        "每题的 id 在本课内必须唯一，请改用新的 id。"
    )


def test_source_anchor_must_exist_in_the_lesson(project: Project) -> None:
    bank = GOOD_BANK.replace("source: si-zhong-yishi", "source: fuwu-yishi")
    message = only_problem(project(bank))
    assert message.startswith(
        f"{FILE} 第 12 行：字段 questions → 第 1 项 → source：课文 docs/01-ceshi/01-yishi.md "
        "中没有 id 为“fuwu-yishi”的 ## 小节。"
    )
    assert "si-zhong-yishi" in message


def test_bad_id_format(project: Project) -> None:
    message = only_problem(project(GOOD_BANK.replace("id: yishi-fuwu", "id: 服务")))
    assert message.startswith(f"{FILE} 第 2 行：字段 questions → 第 1 项 → id：格式不对")


def test_excluding_an_unknown_generated_question(project: Project) -> None:
    bank = GOOD_BANK + "generated:\n  exclude:\n    - auto-nope-1-buhan\n"
    message = only_problem(project(bank))
    assert message.startswith(
        f"{FILE} 第 15 行：字段 generated → exclude → 第 1 项："
        "没有 id 为“auto-nope-1-buhan”的自动生成题。"
    )
    assert "auto-si-zhong-yishi-94fcdc-buhan" in message


def test_bank_without_a_lesson(project: Project, tmp_path: Path) -> None:
    project(GOOD_BANK)
    stray = tmp_path / "quizzes" / "01-ceshi" / "02-meiyou.yml"
    stray.write_text(GOOD_BANK, "utf-8")
    assert only_problem(tmp_path) == (
        "quizzes/01-ceshi/02-meiyou.yml：找不到对应的课文 docs/01-ceshi/02-meiyou.md。"
        "题库须与课文同路径同名，扩展名为 .yml（如 quizzes/01-juese-renzhi/01-diwei-zuoyong.yml）。"
    )


def test_bank_that_is_not_a_mapping(project: Project) -> None:
    assert only_problem(project("- 一\n- 二\n")).startswith(
        f"{FILE} 第 1 行：题库应以“questions:”开头"
    )


def test_all_problems_are_reported_together(project: Project) -> None:
    bank = GOOD_BANK.replace("source: si-zhong-yishi", "source: nope").replace(
        "explanation: 原文：“甘当服务员。”", "explanation: ''"
    )
    assert len(problems(project(bank))) == 1  # schema errors stop before reference checks
    bank2 = GOOD_BANK + GOOD_BANK.removeprefix("questions:\n")
    bank2 = bank2.replace("source: si-zhong-yishi", "source: nope")
    assert len(problems(project(bank2))) == 3  # two bad sources and a duplicate id


def test_bank_cannot_mark_a_question_generated(project: Project) -> None:
    bank = GOOD_BANK.replace(
        "    source: si-zhong-yishi", "    source: si-zhong-yishi\n    generated: true"
    )
    message = only_problem(project(bank))
    assert message.startswith(
        f"{FILE} 第 13 行：字段 questions → 第 1 项 → generated：题库里的题不写"
    )


def test_empty_bank_file_is_refused(tmp_path: Path) -> None:
    from peixun.quiz.bank import read_bank

    path = tmp_path / "empty.yml"
    path.write_text("\n# 还没写题\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_bank(path, "quizzes/01-a/01-b.yml")
    assert caught.value.file == "quizzes/01-a/01-b.yml"
    assert "题库是空的" in caught.value.message


def test_malformed_id_is_told_the_format(project: Project) -> None:
    message = only_problem(project(GOOD_BANK.replace("  - id: yishi-fuwu", "  - id: Yishi_Fuwu")))
    assert "questions → 第 1 项 → id" in message
    assert "小写拼音、数字和连字符" in message and "diwei-zuoyong" in message


def test_single_choice_written_with_answer_is_told_where_the_answer_goes(
    project: Project,
) -> None:
    bank = GOOD_BANK.replace("  - id: yishi-fuwu\n", "  - id: yishi-fuwu\n    answer: B\n", 1)
    message = only_problem(project(bank))
    assert "不用 answer" in message and "options" in message
    assert "true 或 false" not in message
