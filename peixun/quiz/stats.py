"""How fair a set of questions is to a guesser: where the right options stand as shown, how
many true/false statements are true, how many wrong options a multiple-answer question has.

Pure counting; ``python -m peixun check`` (:mod:`peixun.course.check`) prints it. The limits
are the ones CONTRIBUTING.md states (编辑原则 · 四、题目), declared once here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from peixun.quiz.model import Question
from peixun.quiz.shuffle import shown_options

LETTERS = "ABCDE"  # options are 3 to 5 (peixun.quiz.model)
MAX_POSITION_SHARE = 0.4
"""No shown position may hold more than this share of a course's right options."""
TRUE_SHARE = (0.4, 0.6)
"""The share of true statements among a course's true/false questions."""
MIN_WRONG = 2
"""Wrong options a multiple-answer question needs, or ticking everything nearly wins."""
MIN_FAIR_MULTIPLE = 0.8
"""The share of a course's multiple-answer questions that must have MIN_WRONG wrong options."""
MIN_COUNTED = 20
"""The shares above are judged from this many counted answers on: below it, chance alone
often breaks them (a new course's five questions cannot be balanced)."""
MIN_HAND_WRITTEN = 5
"""Hand-written questions a lesson needs (generated ones do not count)."""


@dataclass(frozen=True)
class Tally:
    """The counts for a bank, a chapter or a course; tallies add up."""

    positions: tuple[int, ...] = (0,) * len(LETTERS)
    """Right options of single- and multiple-choice questions at each shown place A, B, …"""
    true: int = 0
    false: int = 0
    multiple: int = 0
    """Multiple-answer questions …"""
    multiple_fair: int = 0
    """… of which with at least MIN_WRONG wrong options."""

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            tuple(a + b for a, b in zip(self.positions, other.positions, strict=True)),
            self.true + other.true,
            self.false + other.false,
            self.multiple + other.multiple,
            self.multiple_fair + other.multiple_fair,
        )


def wrong_options(q: Question) -> int:
    """How many options of a choice question are wrong (0 for other types)."""
    return sum(not o.correct for o in q.options or [])


def too_few_wrong(q: Question) -> bool:
    """A multiple-answer question with fewer than MIN_WRONG wrong options."""
    return q.type == "multiple" and wrong_options(q) < MIN_WRONG


def tally(lesson_id: str, questions: Iterable[Question]) -> Tally:
    """The counts of one lesson's questions, options in the order learners see them."""
    positions = [0] * len(LETTERS)
    true = false = multiple = fair = 0
    for q in questions:
        if q.type in ("single", "multiple"):
            for place, option in enumerate(shown_options(lesson_id, q)):
                positions[place] += option.correct
        if q.type == "multiple":
            multiple += 1
            fair += not too_few_wrong(q)
        if q.type == "truefalse":
            true += q.answer is True
            false += q.answer is False
    return Tally(tuple(positions), true, false, multiple, fair)


def total(tallies: Iterable[Tally]) -> Tally:
    return sum(tallies, Tally())


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


def describe(t: Tally) -> str:
    """One line: ``正确选项 A 3（25%）· B 4（33%）…；判断题 对 2 · 错 3；多选题 4 道，错误选项不少于 2 个的 3 道``."""
    right = sum(t.positions)
    used = [(LETTERS[i], n) for i, n in enumerate(t.positions) if n or i < 4]
    parts = []
    if right:
        parts.append(
            "正确选项 " + " · ".join(f"{letter} {n}（{_share(n, right)}）" for letter, n in used)
        )
    if t.true + t.false:
        parts.append(
            f"判断题 对 {t.true} · 错 {t.false}（对占 {_share(t.true, t.true + t.false)}）"
        )
    if t.multiple:
        parts.append(
            f"多选题 {t.multiple} 道，错误选项不少于 {MIN_WRONG} 个的 {t.multiple_fair} 道"
        )
    return "；".join(parts) or "没有选择题和判断题"


def unfair(t: Tally) -> list[str]:
    """What in a course's counts breaks the limits, in words for the editor (empty when fair)."""
    found = []
    right = sum(t.positions)
    for letter, n in zip(LETTERS, t.positions, strict=True):
        if right >= MIN_COUNTED and n / right > MAX_POSITION_SHARE:
            found.append(
                f"{_share(n, right)} 的正确选项排在 {letter} 位，"
                f"超过 {round(100 * MAX_POSITION_SHARE)}%"
            )
    judged = t.true + t.false
    low, high = TRUE_SHARE
    if judged >= MIN_COUNTED and not low <= t.true / judged <= high:
        found.append(
            f"判断题中说法正确的占 {_share(t.true, judged)}，"
            f"应在 {round(100 * low)}%～{round(100 * high)}% 之间"
        )
    if t.multiple >= MIN_COUNTED and t.multiple_fair / t.multiple < MIN_FAIR_MULTIPLE:
        found.append(
            f"错误选项不少于 {MIN_WRONG} 个的多选题只占 {_share(t.multiple_fair, t.multiple)}，"
            f"应至少 {round(100 * MIN_FAIR_MULTIPLE)}%"
        )
    return found


def hand_written(questions: Sequence[Question]) -> int:
    """Questions an editor wrote (generated ones are not counted towards the minimum)."""
    return sum(not q.generated for q in questions)
