"""Turning imported rows into bank questions, with one Chinese line per problem."""

from __future__ import annotations

from dataclasses import dataclass

from peixun.errors import ContentError, ContentErrors, problems_of
from peixun.exchange.table import Row, RowError, column_of, from_row
from peixun.quiz.model import BankQuestion
from peixun.text.schema import field_path, validate


@dataclass(frozen=True)
class PlacedRow:
    """A row and where it was read: ``file`` as shown (with the sheet), ``line`` its row."""

    file: str
    line: int | None
    row: Row


@dataclass(frozen=True)
class Imported:
    """The questions that passed, and one problem line for each row that did not."""

    questions: list[BankQuestion]
    problems: list[ContentError]
    rejected: int  # how many rows had problems


# The model speaks of bank fields; in a sheet the same rule is about the columns.
_SHEET_WORDS = (
    ("选项写 correct: true", "选项是正确答案（写在“答案”列）"),
    (" type: multiple", "题型“多选题”"),
    (" type: single", "题型“单选题”"),
    ("题干 stem", "题干"),
    ("blanks 却给了", "答案却给了"),
)


def _sheet_words(message: str) -> str:
    for bank, sheet in _SHEET_WORDS:
        message = message.replace(bank, sheet)
    return message


def _check(placed: PlacedRow, lesson: str) -> BankQuestion:
    """Validate one row with the build's schema; problems name the row and column."""
    try:
        data = from_row(placed.row, lesson)
    except RowError as exc:
        raise ContentError(placed.file, placed.line, f"列“{exc.column}”：{exc.message}") from None
    asked: list[tuple[str | int, ...]] = []

    def locate(loc: tuple[str | int, ...]) -> int | None:
        asked.append(loc)  # validate() asks once per error, in order: remember the field
        return placed.line

    try:
        return validate(BankQuestion, data, placed.file, locate)
    except (ContentError, ContentErrors) as exc:
        renamed = []
        for loc, problem in zip(asked, problems_of(exc), strict=True):
            said = _sheet_words(problem.message.removeprefix(f"字段 {field_path(loc)}："))
            renamed.append(ContentError(placed.file, placed.line, f"列“{column_of(loc)}”：{said}"))
        raise ContentErrors(renamed) from None


def import_rows(rows: list[PlacedRow], lesson: str, sections: list[str] | None) -> Imported:
    """Every row checked; ``sections`` (the lesson's ``##`` ids) when the lesson is known."""
    questions: list[BankQuestion] = []
    problems: list[ContentError] = []
    rejected = 0
    first: dict[str, PlacedRow] = {}
    for placed in rows:
        found: list[ContentError] = []
        try:
            question = _check(placed, lesson)
        except (ContentError, ContentErrors) as exc:
            found = problems_of(exc)
        else:
            if question.id in first:
                seen = first[question.id]
                where = f"第 {seen.line} 行" if seen.line else seen.file
                found.append(
                    ContentError(
                        placed.file,
                        placed.line,
                        f"列“题号”：题号“{question.id}”与{where}的题目重复，请改用新的题号。",
                    )
                )
            if sections is not None and question.source not in sections:
                available = "、".join(sections) or "（课文中没有带 id 的 ## 标题）"
                found.append(
                    ContentError(
                        placed.file,
                        placed.line,
                        f"列“出处”：课文 {lesson} 中没有 id 为“{question.source}”的 ## 小节。"
                        f"可用的 id：{available}。",
                    )
                )
            first.setdefault(question.id, placed)
            if not found:
                questions.append(question)
        if found:
            rejected += 1
            problems.extend(found)
    return Imported(questions, problems, rejected)
