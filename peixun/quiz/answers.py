"""Answers as a person reads them."""

from __future__ import annotations

import hashlib
import json

from peixun.quiz.model import Question

# What a learner's answer depends on; an edit to any of these makes an old answer stale.
ASKED = {"type", "stem", "options", "answer", "blanks", "items"}


def answer_text(q: Question) -> str:
    """The correct answer in words: "桥梁与纽带", "正确", "班长；核心", "甲 → 乙 → 丙"."""
    if q.type in ("single", "multiple"):
        return "；".join(o.text for o in q.options or [] if o.correct)
    if q.type == "truefalse":
        return "正确" if q.answer else "错误"
    if q.type == "fill":
        return "；".join(accepted[0] for accepted in q.blanks or [])
    return " → ".join(q.items or [])


def fingerprint(q: Question) -> str:
    """A short hash of what the question asks and accepts (not its explanation or source).

    A saved answer records it; quiz.js does not re-apply an answer given to another version.
    """
    asked = q.model_dump(include=ASKED, exclude={"options": {"__all__": {"feedback"}}})
    if q.options is not None:
        # As a set, not a list: the options' order in the bank is not what is asked. Pairs
        # rather than the dicts of builds that saved answers by place, so that those answers
        # (``r`` held positions then, option keys now) are never re-applied.
        asked["options"] = sorted([o.text, o.correct] for o in q.options)
    text = json.dumps(asked, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
