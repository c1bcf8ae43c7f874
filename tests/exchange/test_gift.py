"""GIFT output read back by an independent parser (gift-pegjs, MIT, on npm, run with node)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from peixun.exchange.gather import Item
from peixun.exchange.gift import escape, to_gift
from peixun.quiz.model import Question
from tests.npm import npm_package

GIFT_PEGJS = "gift-pegjs@1.0.2"
_PARSE = "const p=require('gift-pegjs');process.stdout.write(JSON.stringify(p.parse(require('fs').readFileSync(0,'utf8'))))"


@pytest.fixture(scope="session")
def gift_parser() -> Path:
    """gift-pegjs installed once per machine in a cache folder (not in the project's venv)."""
    return npm_package(GIFT_PEGJS, "GIFT 测试")


def parse(parser: Path, text: str) -> list[dict[str, Any]]:
    done = subprocess.run(
        ["node", "-e", _PARSE], input=text, capture_output=True, text=True, cwd=parser, check=True
    )
    return [q for q in json.loads(done.stdout) if q["type"] != "Category"]


def _answers(q: Question) -> object:
    if q.type == "single":
        return ("MC", [o.text for o in q.options or [] if o.correct])
    if q.type == "multiple":
        return ("MC", [o.text for o in q.options or [] if o.correct])
    if q.type == "truefalse":
        return ("TF", q.answer)
    return ("Short", (q.blanks or [[]])[0])


def _parsed_answers(q: dict[str, Any]) -> object:
    if q["type"] == "TF":
        return ("TF", q["isTrue"])
    right = [c["text"]["text"] for c in q["choices"] if c["isCorrect"] or (c["weight"] or 0) > 0]
    return (q["type"], right)


def test_course_parses_with_same_count_and_answers(gift_parser: Path, items: list[Item]) -> None:
    text, skipped = to_gift(items)
    parsed = parse(gift_parser, text)
    exported = [
        i for i in items if not any(f"“{i.question.id}”" in s and i.lesson in s for s in skipped)
    ]
    assert len(parsed) == len(exported) == len(items) - len(skipped)
    for item, read in zip(exported, parsed, strict=True):
        q = item.question
        assert read["title"] == q.id
        assert _parsed_answers(read) == _answers(q), q.id
        assert read["globalFeedback"]["text"] == q.explanation
        if q.type != "fill":
            assert read["stem"]["text"] == q.stem


def test_types_gift_cannot_hold_are_reported_per_question(items: list[Item]) -> None:
    _, skipped = to_gift(items)
    orders = [i for i in items if i.question.type == "order"]
    several = [i for i in items if i.question.type == "fill" and len(i.question.blanks or ()) > 1]
    assert len(skipped) == len(orders) + len(several)
    for item in orders:
        assert (
            f"{item.lesson} 题目“{item.question.id}”（排序题）未导出：GIFT 没有排序题型" in skipped
        )


def test_special_characters_survive(gift_parser: Path) -> None:
    tricky = "党{支部}~书记=班长#1: \\ 2"
    q = Question(
        id="te-shu",
        type="single",
        stem=tricky,
        options=[{"text": f"甲{tricky}", "correct": True}, {"text": "乙=1"}, {"text": "丙#"}],
        explanation=f"解析{tricky}",
        source="x",
    )
    (read,) = parse(gift_parser, to_gift([Item("a/b", q)])[0])
    assert read["stem"]["text"] == tricky
    assert [c["text"]["text"] for c in read["choices"]] == [f"甲{tricky}", "乙=1", "丙#"]
    assert read["globalFeedback"]["text"] == f"解析{tricky}"
    assert escape("a~b") == "a\\~b"
