"""The exchange row (Excel columns, Word labels) and its mapping to the question model.

This is the ONE place that says how a :class:`Question` becomes the columns of the common
Chinese exam-system template and back; the Excel and Word modules only move rows in and out
of their files.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from peixun.quiz.model import TYPE_NAMES, Question

Row = dict[str, str]
"""One question as column name -> cell text (empty cells are absent or "")."""

LETTERS = "ABCDEF"
OPTION_COLUMNS = tuple(f"选项{letter}" for letter in LETTERS)

# Column order of the template; the first ones are what exam systems expect.
COLUMNS: tuple[str, ...] = (
    "题型",
    "题干",
    *OPTION_COLUMNS,
    "答案",
    "解析",
    "难度",
    "出处",
    "题号",
    "标签",
    "选项提示",
)
REQUIRED = ("题型", "题干", "答案")

# Other names exam systems give the same columns; read as the template's own.
ALIASES: dict[str, str] = {
    "试题类型": "题型",
    "题目类型": "题型",
    "题目": "题干",
    "试题": "题干",
    "试题内容": "题干",
    "正确答案": "答案",
    "参考答案": "答案",
    "标准答案": "答案",
    "答案解析": "解析",
    "试题解析": "解析",
    "难易度": "难度",
    "难易程度": "难度",
    "试题编号": "题号",
    "编号": "题号",
}
ALIASES |= {f"{letter}选项": f"选项{letter}" for letter in "ABCDEF"}


def column_name(header: str) -> str:
    """The template's name for a header cell or label: ``选项 A`` and ``正确答案`` are read too."""
    name = "".join(header.split())
    return ALIASES.get(name, name)


# Question field -> the column an editor fixes when that field is wrong.
FIELD_COLUMNS: dict[str, str] = {
    "id": "题号",
    "type": "题型",
    "stem": "题干",
    "options": "选项与答案",
    "answer": "答案",
    "blanks": "答案",
    "items": "答案",
    "explanation": "解析",
    "source": "出处",
    "difficulty": "难度",
    "tags": "标签",
}

KIND_BY_NAME: dict[str, str] = {name: kind for kind, name in TYPE_NAMES.items()}
TRUE_WORDS = ("正确", "对", "√", "是", "T", "TRUE")
FALSE_WORDS = ("错误", "错", "×", "否", "F", "FALSE")
DIFFICULTY_WORDS: dict[str, int] = {"1": 1, "2": 2, "3": 3, "易": 1, "中": 2, "难": 3}
DIFFICULTY_WORDS |= {"简单": 1, "容易": 1, "中等": 2, "一般": 2, "困难": 3, "较难": 3}
BLANK_SEPARATOR = "|"  # between blanks
ACCEPTED_SEPARATOR = "/"  # between the accepted answers of one blank
LIST_SEPARATOR = "|"  # between tags
FEEDBACK_MARK = re.compile(r"^([A-F])[：:.．、]\s*(.*)$")


class RowError(ValueError):
    """A cell that cannot be read; ``column`` names it for the editor."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def column_of(loc: tuple[str | int, ...]) -> str:
    """The column behind a pydantic error location such as ``("options", 2, "text")``."""
    if len(loc) >= 3 and loc[0] == "options" and isinstance(loc[1], int):
        return "选项提示" if loc[2] == "feedback" else OPTION_COLUMNS[loc[1] % len(LETTERS)]
    return FIELD_COLUMNS.get(str(loc[0]), str(loc[0])) if loc else "题目"


def order_shown(question: Question) -> list[str]:
    """An ordering question's items as listed for the learner: a stable shuffle by id."""
    items = list(question.items or ())

    def key(item: str) -> str:
        return hashlib.sha1(f"{question.id}\n{item}".encode()).hexdigest()

    shown = sorted(items, key=key)
    if shown == items and len(items) > 1:  # never list them in the answer's order
        shown = shown[1:] + shown[:1]
    return shown


def to_row(question: Question, lesson: str) -> Row:
    """The template row of ``question`` from lesson ``lesson`` (``chapter/lesson`` slug)."""
    row: Row = {
        "题型": TYPE_NAMES[question.type],
        "题干": question.stem,
        "解析": question.explanation,
        "难度": str(question.difficulty or ""),
        "出处": f"{lesson}#{question.source}",
        "题号": question.id,
        "标签": LIST_SEPARATOR.join(question.tags),
    }
    if question.options is not None:
        row |= {OPTION_COLUMNS[i]: o.text for i, o in enumerate(question.options)}
        row["答案"] = "".join(LETTERS[i] for i, o in enumerate(question.options) if o.correct)
        row["选项提示"] = "\n".join(
            f"{LETTERS[i]}：{o.feedback}" for i, o in enumerate(question.options) if o.feedback
        )
    elif question.answer is not None:
        row["答案"] = TRUE_WORDS[0] if question.answer else FALSE_WORDS[0]
    elif question.blanks is not None:
        row["答案"] = BLANK_SEPARATOR.join(ACCEPTED_SEPARATOR.join(b) for b in question.blanks)
    elif question.items is not None:
        shown = order_shown(question)
        row |= {OPTION_COLUMNS[i]: item for i, item in enumerate(shown)}
        row["答案"] = "".join(LETTERS[shown.index(item)] for item in question.items)
    return {k: v for k, v in row.items() if v}


def unfit_separators(question: Question) -> str | None:
    """Why a question cannot be written as a row without changing it, or None."""
    for accepted in question.blanks or ():
        for answer in accepted:
            if BLANK_SEPARATOR in answer or ACCEPTED_SEPARATOR in answer:
                return f"填空答案“{answer}”含分隔符 {BLANK_SEPARATOR} 或 {ACCEPTED_SEPARATOR}"
    for tag in question.tags:
        if LIST_SEPARATOR in tag:
            return f"标签“{tag}”含分隔符 {LIST_SEPARATOR}"
    return None


@dataclass
class _Reading:
    """A row being turned into question data, in the order of the bank files' keys."""

    row: Mapping[str, str]
    data: dict[str, Any] = field(default_factory=dict)

    def cell(self, column: str) -> str:
        return (self.row.get(column) or "").strip()


def _options(reading: _Reading) -> list[str]:
    texts = [reading.cell(c) for c in OPTION_COLUMNS]
    while texts and not texts[-1]:
        texts.pop()
    for letter, text in zip(LETTERS, texts, strict=False):
        if not text:
            raise RowError(f"选项{letter}", "选项中间不能空着：请把后面的选项前移")
    return texts


def _letters(reading: _Reading, count: int) -> list[int]:
    answer = re.sub(r"[\s,，、;；]", "", reading.cell("答案")).upper()
    if not answer or not all(ch in LETTERS[:count] for ch in answer):
        allowed = LETTERS[:count] or "（没有选项）"
        raise RowError(
            "答案", f"答案“{reading.cell('答案')}”应由选项字母 {allowed} 组成，如 A 或 ABD"
        )
    if len(set(answer)) != len(answer):
        raise RowError("答案", f"答案“{answer}”里有重复的字母")
    return [LETTERS.index(ch) for ch in answer]


def _feedback(reading: _Reading) -> dict[int, str]:
    found: dict[int, str] = {}
    for line in reading.cell("选项提示").splitlines():
        if not line.strip():
            continue
        match = FEEDBACK_MARK.match(line.strip())
        if not match:
            raise RowError("选项提示", f"“{line.strip()}”应写成“B：选错 B 时的提示”，每行一条")
        found[LETTERS.index(match[1])] = match[2]
    return found


def _answer_fields(reading: _Reading, kind: str) -> None:
    data, answer = reading.data, reading.cell("答案")
    if kind in ("single", "multiple"):
        texts = _options(reading)
        right = set(_letters(reading, len(texts)))
        feedback = _feedback(reading)
        options: list[dict[str, Any]] = []
        for i, text in enumerate(texts):
            option: dict[str, Any] = {"text": text}
            if i in right:
                option["correct"] = True
            if i in feedback:
                option["feedback"] = feedback[i]
            options.append(option)
        data["options"] = options
    elif kind == "truefalse":
        word = answer.upper()
        if word not in TRUE_WORDS + FALSE_WORDS:
            raise RowError("答案", f"判断题的答案应为“正确”或“错误”，现在是“{answer}”")
        data["answer"] = word in TRUE_WORDS
    elif kind == "fill":
        if not answer:
            raise RowError("答案", f"填空题的答案按空写出，空与空之间用 {BLANK_SEPARATOR} 隔开")
        data["blanks"] = [
            [a.strip() for a in blank.split(ACCEPTED_SEPARATOR) if a.strip()]
            for blank in answer.split(BLANK_SEPARATOR)
        ]
    else:
        texts = _options(reading)
        picked = _letters(reading, len(texts))
        if len(picked) != len(texts):
            raise RowError("答案", f"排序题的答案应按正确顺序列出全部 {len(texts)} 个选项字母")
        data["items"] = [texts[i] for i in picked]


def _source(reading: _Reading, lesson: str) -> str:
    source = reading.cell("出处")
    place, _, section = source.rpartition("#")
    if place and place != lesson:
        raise RowError("出处", f"出处“{source}”属于课文 {place}，不是要写入的课文 {lesson}")
    return section


def derived_id(stem: str) -> str:
    """A stable id for a question that came without 题号: the same stem, the same id."""
    return "q-" + hashlib.sha1(stem.encode()).hexdigest()[:8]


def from_row(row: Mapping[str, str], lesson: str) -> dict[str, Any]:
    """Bank data (not yet validated) for a template row; raises :class:`RowError`."""
    reading = _Reading(row)
    name = reading.cell("题型")
    kind = KIND_BY_NAME.get(name)
    if kind is None:
        raise RowError("题型", f"题型“{name}”不认识，可用：{'、'.join(KIND_BY_NAME)}")
    data = reading.data
    data["id"] = reading.cell("题号") or derived_id(reading.cell("题干"))
    data["type"] = kind
    data["stem"] = reading.cell("题干")
    _answer_fields(reading, kind)
    data["explanation"] = reading.cell("解析")
    data["source"] = _source(reading, lesson)
    level = reading.cell("难度")
    if level:
        if level not in DIFFICULTY_WORDS:
            raise RowError("难度", f"难度“{level}”应为 1、2、3（或 易、中、难）")
        data["difficulty"] = DIFFICULTY_WORDS[level]
    tags = [t.strip() for t in reading.cell("标签").split(LIST_SEPARATOR) if t.strip()]
    if tags:
        data["tags"] = tags
    return data
