"""The quiz API other modules use: questions per lesson, answers in words, generation."""

from __future__ import annotations

from pathlib import Path

from peixun.quiz import Question, answer_text, course_questions
from peixun.quiz.model import Option
from tests.quiz.conftest import GOOD_BANK, LESSON, Project, course_in, write_project


def _questions(root: Path) -> list[Question]:
    return course_questions(course_in(root), root / "quizzes")["01-ceshi/01-yishi"]


def test_answer_text_reads_as_a_person_says_it() -> None:
    single = Question(
        id="a",
        type="multiple",
        stem="？",
        options=[
            Option(text="服务意识", correct=True),
            Option(text="甲"),
            Option(text="监督意识", correct=True),
        ],
        explanation="因为。",
        source="s",
    )
    assert answer_text(single) == "服务意识；监督意识"
    tf = Question(
        id="b", type="truefalse", stem="？", answer=False, explanation="因为。", source="s"
    )
    assert answer_text(tf) == "错误"
    fill = Question(
        id="c",
        type="fill",
        stem="____的____",
        blanks=[["班长", "“班长”"], ["核心"]],
        explanation="因为。",
        source="s",
    )
    assert answer_text(fill) == "班长；核心"
    order = Question(
        id="d",
        type="order",
        stem="排列",
        items=["服务意识", "监督意识", "协调意识"],
        explanation="因为。",
        source="s",
    )
    assert answer_text(order) == "服务意识 → 监督意识 → 协调意识"


def test_bank_questions_come_first_then_generated_ones(project: Project) -> None:
    questions = _questions(project(GOOD_BANK))
    assert questions[0].id == "yishi-fuwu" and not questions[0].generated
    generated = [q for q in questions[1:]]
    assert generated and all(q.generated for q in generated)
    assert {q.source for q in generated} == {"si-zhong-yishi", "wu-zhong-nengli"}


def test_lists_yield_which_is_not_order_and_fill_questions(project: Project) -> None:
    by_id = {q.id: q for q in _questions(project())}
    assert set(by_id) == {
        f"auto-{s}-{kind}"
        for s in ("si-zhong-yishi-94fcdc", "wu-zhong-nengli-ce2d70")
        for kind in ("buhan", "paixu", "tiankong")
    }
    order = by_id["auto-si-zhong-yishi-94fcdc-paixu"]
    assert order.items == ["服务意识", "监督意识", "协调意识", "预见意识"]
    odd = by_id["auto-si-zhong-yishi-94fcdc-buhan"]
    right = [o.text for o in odd.options or [] if o.correct]
    # The distractor comes from the sibling list (五种能力), never from the list itself.
    assert right[0] in {"学习能力", "决策能力", "执行能力"}
    assert len(odd.options or []) == 4
    fill = by_id["auto-wu-zhong-nengli-ce2d70-tiankong"]
    assert fill.stem.count("____") == 1 and fill.blanks and fill.blanks[0][0] in fill.explanation
    # The fixed sections (学习目标 here) never yield questions.
    assert not any(q.source == "mubiao" for q in by_id.values())


def test_generation_is_deterministic(tmp_path: Path) -> None:
    first = _questions(write_project(tmp_path / "a", {}))
    second = _questions(write_project(tmp_path / "b", {}))
    assert [q.model_dump() for q in first] == [q.model_dump() for q in second]


def test_bank_can_exclude_and_override_generated_questions(project: Project) -> None:
    override = (
        "  - id: auto-si-zhong-yishi-94fcdc-tiankong\n    type: truefalse\n"
        "    stem: 四种意识包括服务意识。\n"
        "    answer: true\n    explanation: 原文如此。\n    source: si-zhong-yishi\n"
    )
    bank = GOOD_BANK + override + "generated:\n  exclude: [auto-wu-zhong-nengli-ce2d70-paixu]\n"
    questions = _questions(project(bank))
    ids = [q.id for q in questions]
    assert "auto-wu-zhong-nengli-ce2d70-paixu" not in ids
    assert ids.count("auto-si-zhong-yishi-94fcdc-tiankong") == 1
    overridden = next(q for q in questions if q.id == "auto-si-zhong-yishi-94fcdc-tiankong")
    assert overridden.type == "truefalse" and not overridden.generated


def test_lesson_without_lists_or_bank_has_no_questions(tmp_path: Path) -> None:
    plain = LESSON.split("## 四种意识")[0] + "## 正文 {#zhengwen}\n\n一段话。\n"
    root = write_project(tmp_path, {}, lessons={"01-yishi.md": plain})
    assert _questions(root) == []


def test_real_course_banks_are_valid(root: Path) -> None:
    from peixun.course.model import load_course

    course = load_course(root / "docs", root / "sources")
    questions = course_questions(course, root / "quizzes")
    assert set(questions) == {lesson.slug for lesson in course.lessons()}
    for slug, qs in questions.items():
        assert len([q for q in qs if not q.generated]) >= 5, slug


def test_real_course_chapters_use_every_question_type(root: Path) -> None:
    from peixun.course.model import load_course

    course = load_course(root / "docs", root / "sources")
    questions = course_questions(course, root / "quizzes")
    for chapter in course.chapters:
        kinds = {
            q.type for lesson in chapter.lessons for q in questions[lesson.slug] if not q.generated
        }
        assert kinds == {"single", "multiple", "truefalse", "fill", "order"}, chapter.folder


def _ids_of(tmp_path: Path, lesson: str) -> dict[str, Question]:
    root = write_project(tmp_path, {}, lessons={"01-yishi.md": lesson})
    return {q.id: q for q in _questions(root)}


def test_generated_ids_survive_reordered_items_and_a_list_added_above(tmp_path: Path) -> None:
    before = _ids_of(tmp_path / "a", LESSON)
    reordered = LESSON.replace(
        "- **服务意识**：甘当服务员。\n- **监督意识**：敢于监督。\n",
        "- **监督意识**：敢于监督。\n- **服务意识**：甘当服务员。\n",
    )
    added = reordered.replace(
        "支部书记要强化四种意识：\n",
        "两个基本点：\n\n- **甲项**：一。\n- **乙项**：二。\n\n支部书记要强化四种意识：\n",
    )
    after = _ids_of(tmp_path / "b", added)
    # Every question of the two lists is still there under its id; the new list adds its own.
    assert set(before) < set(after)
    assert len(set(after) - set(before)) == 1  # two items: only a fill-in
    assert after["auto-si-zhong-yishi-94fcdc-paixu"].items == [
        "监督意识",
        "服务意识",
        "协调意识",
        "预见意识",
    ]


def test_generated_ids_change_when_the_items_do(tmp_path: Path) -> None:
    before = _ids_of(tmp_path / "a", LESSON)
    after = _ids_of(tmp_path / "b", LESSON.replace("**预见意识**", "**前瞻意识**"))
    changed = {i for i in before if i.startswith("auto-si-zhong-yishi-")}
    assert changed and not changed & set(after)


def test_generated_questions_name_their_former_positional_ids(tmp_path: Path) -> None:
    by_id = _ids_of(tmp_path, LESSON)
    assert by_id["auto-wu-zhong-nengli-ce2d70-tiankong"].former_id == (
        "auto-wu-zhong-nengli-1-tiankong"
    )


def test_two_lists_of_one_section_with_the_same_items_get_distinct_ids(tmp_path: Path) -> None:
    twice = LESSON.replace(
        "- **执行能力**：落实。\n",
        "- **执行能力**：落实。\n\n再说一遍：\n\n"
        "- **执行能力**：落实。\n- **学习能力**：勤学。\n- **决策能力**：善断。\n",
    )
    ids = [q.id for q in _questions(write_project(tmp_path, {}, lessons={"01-yishi.md": twice}))]
    assert len(ids) == len(set(ids))
    assert "auto-wu-zhong-nengli-ce2d70-2-paixu" in ids
