"""YAML -> Excel -> YAML and YAML -> Word -> YAML give back the same questions, whole course."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from peixun.exchange.docx import read_docx, write_docx
from peixun.exchange.gather import Item
from peixun.exchange.rows import PlacedRow, import_rows
from peixun.exchange.table import Row, to_row
from peixun.exchange.xlsx import read_xlsx, write_xlsx
from peixun.exchange.yamlout import bank_yaml
from peixun.quiz.bank import read_bank
from peixun.quiz.model import BankQuestion
from tests.sitebuild import ROOT

Writer = Callable[[list[Row], Path], None]
Reader = Callable[[Path, str], list[PlacedRow]]
FORMATS: dict[str, tuple[Writer, Reader]] = {
    "xlsx": (write_xlsx, read_xlsx),
    "docx": (lambda rows, path: write_docx(rows, path, "题库"), read_docx),
}


@pytest.mark.parametrize("kind", FORMATS)
def test_every_bank_comes_back_the_same(
    kind: str, items: list[Item], by_lesson: dict[str, list[Item]], tmp_path: Path
) -> None:
    write, read = FORMATS[kind]
    path = tmp_path / f"course.{kind}"
    write([to_row(i.question, i.lesson) for i in items], path)
    rows = read(path, path.name)
    assert len(rows) == len(items)
    start = 0
    for lesson, written in by_lesson.items():
        mine = rows[start : start + len(written)]
        start += len(written)
        imported = import_rows(mine, lesson, None)
        assert imported.problems == []
        assert [q.model_dump() for q in imported.questions] == [
            i.question.model_dump() for i in written
        ], lesson


def test_written_yaml_reads_back_identically(tmp_path: Path) -> None:
    """What import writes is read by the build as the same bank, for every bank."""
    banks = sorted((ROOT / "quizzes").rglob("*.yml"))
    assert len(banks) > 30
    for path in banks:
        bank = read_bank(path, path.name).bank
        copy = tmp_path / path.name
        copy.write_text(bank_yaml(bank.questions), encoding="utf-8")
        assert read_bank(copy, copy.name).bank == bank, path


def test_written_yaml_is_tidy() -> None:
    """Keys in the banks' order, Chinese as is, blanks and tags on one line."""
    path = ROOT / "quizzes/01-juese-renzhi/01-diwei-zuoyong.yml"
    text = bank_yaml(read_bank(path, path.name).bank.questions)
    assert text == path.read_text(encoding="utf-8")  # this bank is written the usual way
    assert "\\u" not in text


def test_ordering_is_not_listed_in_answer_order(items: list[Item], tmp_path: Path) -> None:
    orders = [i for i in items if i.question.type == "order"]
    assert orders
    for item in orders:
        row = to_row(item.question, item.lesson)
        shown = [row[f"选项{letter}"] for letter in "ABCDEF" if f"选项{letter}" in row]
        assert sorted(shown) == sorted(item.question.items or [])
        assert shown != item.question.items
        assert row["答案"] != "ABCDEF"[: len(shown)]


@pytest.mark.parametrize("kind", FORMATS)
def test_text_that_looks_like_markup_or_formulas_survives(kind: str, tmp_path: Path) -> None:
    q = Item(
        "a/b",
        read_bank_question(
            {
                "id": "te-shu",
                "type": "single",
                "stem": "=SUM(A1) <b>党</b> & “引号” 'x'",
                "options": [
                    {"text": "=1", "correct": True},
                    {"text": "A. 不是选项", "feedback": "答案：也不是答案"},
                    {"text": "@丙"},
                ],
                "explanation": "1. 不是新题",
                "source": "x",
                "tags": ["甲", "乙"],
            }
        ),
    )
    write, read = FORMATS[kind]
    path = tmp_path / f"t.{kind}"
    write([to_row(q.question, q.lesson)], path)
    imported = import_rows(read(path, path.name), "a/b", None)
    assert imported.problems == []
    assert [x.model_dump() for x in imported.questions] == [q.question.model_dump()]


def read_bank_question(data: dict[str, object]) -> BankQuestion:
    return BankQuestion.model_validate(data)
