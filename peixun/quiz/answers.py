"""Answers as a person reads them."""

from __future__ import annotations

from peixun.quiz.model import Question


def answer_text(q: Question) -> str:
    """The correct answer in words: "桥梁与纽带", "正确", "班长；核心", "甲 → 乙 → 丙"."""
    if q.type in ("single", "multiple"):
        return "；".join(o.text for o in q.options or [] if o.correct)
    if q.type == "truefalse":
        return "正确" if q.answer else "错误"
    if q.type == "fill":
        return "；".join(accepted[0] for accepted in q.blanks or [])
    return " → ".join(q.items or [])
