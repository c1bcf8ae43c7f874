"""GIFT, Moodle's plain-text question format (https://docs.moodle.org/en/GIFT_format).

GIFT holds single and multiple choice, true/false and a one-blank fill-in (the "missing word"
form); it has no ordering type and no several-blank fill-in: those are reported per question.
"""

from __future__ import annotations

import re

from peixun.exchange.gather import Item, unfit
from peixun.quiz.model import BLANK, Question

_SPECIAL = re.compile(r"([~=#{}:\\])")


def escape(text: str) -> str:
    """GIFT's special characters ~ = # { } : (and the backslash) escaped with a backslash."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "\\n")


def _percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _choices(question: Question) -> list[str]:
    options = question.options or []
    right = sum(o.correct for o in options)
    lines = []
    for option in options:
        if question.type == "single":
            mark = "=" if option.correct else "~"
        else:  # weights: the right ones share 100 %, each wrong one takes it all back
            mark = f"~%{_percent(100 / right)}%" if option.correct else "~%-100%"
        feedback = f"#{escape(option.feedback)}" if option.feedback else ""
        lines.append(f"    {mark}{escape(option.text)}{feedback}")
    return lines


def _question(item: Item) -> str:
    q = item.question
    title = f"::{escape(q.id)}::"
    general = f"####{escape(q.explanation)}"
    if q.type == "truefalse":
        return f"{title}{escape(q.stem)} {{{'TRUE' if q.answer else 'FALSE'}{general}}}"
    if q.type == "fill":
        before, after = BLANK.split(q.stem, maxsplit=1)
        accepted = " ".join(f"={escape(a)}" for a in (q.blanks or [[]])[0])
        return f"{title}{escape(before)} {{{accepted}{general}}} {escape(after)}".rstrip()
    return "\n".join([f"{title}{escape(q.stem)} {{", *_choices(q), f"    {general}", "}"])


def to_gift(items: list[Item]) -> tuple[str, list[str]]:
    """The GIFT text, one category per lesson, and a line for each question left out."""
    blocks: list[str] = []
    skipped: list[str] = []
    lesson = ""
    for item in items:
        q = item.question
        if q.type == "order":
            skipped.append(unfit(item, "GIFT ", "没有排序题型"))
            continue
        if q.type == "fill" and len(q.blanks or ()) > 1:
            skipped.append(unfit(item, "GIFT ", "的填空题只能有一个空"))
            continue
        if item.lesson != lesson:
            lesson = item.lesson
            blocks.append(f"$CATEGORY: $course$/peixun/{lesson}")
        blocks.append(_question(item))
    return "\n\n".join(blocks) + "\n", skipped
