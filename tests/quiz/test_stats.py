"""The bank statistics of ``python -m peixun check``: counts as learners meet the questions."""

from __future__ import annotations

from peixun.quiz import stats
from peixun.quiz.model import Option, Question, QuestionType
from peixun.quiz.shuffle import shown_options


def _choice(qid: str, right: int, wrong: int, kind: QuestionType = "single") -> Question:
    options = [Option(text=f"对{n}", correct=True) for n in range(right)]
    options += [Option(text=f"错{n}") for n in range(wrong)]
    return Question(id=qid, type=kind, stem="？", options=options, explanation="。", source="s")


def _judge(qid: str, answer: bool) -> Question:
    return Question(
        id=qid, type="truefalse", stem="。", answer=answer, explanation="。", source="s"
    )


def test_right_options_are_counted_where_learners_see_them() -> None:
    questions = [_choice(f"q{n}", 1, 3) for n in range(12)]
    t = stats.tally("ke", questions)
    seen = [0] * len(stats.LETTERS)
    for q in questions:
        seen[[o.correct for o in shown_options("ke", q)].index(True)] += 1
    assert list(t.positions) == seen
    assert sum(t.positions) == 12
    assert t.positions[0] != 12  # the bank lists the right option first; the count does not


def test_true_false_and_multiple_answer_questions_are_counted() -> None:
    questions = [
        _judge("a", True),
        _judge("b", False),
        _judge("c", False),
        _choice("d", 2, 1, "multiple"),
        _choice("e", 2, 2, "multiple"),
        _choice("f", 1, 2),
    ]
    t = stats.tally("ke", questions)
    assert (t.true, t.false, t.multiple, t.multiple_fair) == (1, 2, 2, 1)
    assert sum(t.positions) == 2 + 2 + 1
    assert [stats.too_few_wrong(q) for q in questions] == [False] * 3 + [True, False, False]
    line = stats.describe(t)
    assert "判断题 对 1 · 错 2（对占 33%）" in line
    assert "多选题 2 道，错误选项不少于 2 个的 1 道" in line


def test_tallies_add_up_to_the_course() -> None:
    one = stats.tally("a", [_judge("x", True), _choice("y", 1, 2)])
    two = stats.tally("b", [_judge("x", False), _choice("z", 2, 1, "multiple")])
    both = stats.total([one, two])
    assert (both.true, both.false, both.multiple, both.multiple_fair) == (1, 1, 1, 0)
    assert sum(both.positions) == 3
    assert stats.total([]) == stats.Tally()


def test_the_limits_are_reported_in_words() -> None:
    lopsided = stats.Tally(positions=(12, 4, 4, 4, 0), true=15, false=5, multiple=20)
    found = stats.unfair(lopsided)
    assert "50% 的正确选项排在 A 位，超过 40%" in found
    assert "判断题中说法正确的占 75%，应在 40%～60% 之间" in found
    assert "错误选项不少于 2 个的多选题只占 0%，应至少 80%" in found
    fair = stats.Tally(positions=(6, 6, 6, 6, 0), true=10, false=10, multiple=20, multiple_fair=16)
    assert stats.unfair(fair) == []


def test_a_small_course_is_not_judged_on_chance() -> None:
    tiny = stats.Tally(positions=(3, 1, 0, 0, 0), true=3, false=0, multiple=2)
    assert stats.unfair(tiny) == []


def test_only_hand_written_questions_count_towards_the_minimum() -> None:
    written = [_judge(f"t{n}", True) for n in range(4)]
    generated = _choice("auto", 1, 3).model_copy(update={"generated": True})
    assert stats.hand_written([*written, generated]) == 4
