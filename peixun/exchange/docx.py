"""Word (.docx) in the usual numbered layout of Chinese question papers.

``一、单选题`` headings, ``1. 题干（ ）``, ``A. 选项``, then ``答案：`` ``解析：`` and the other
columns of the template as ``列名：值`` lines. A heading is written whenever the type changes,
so the questions keep their order.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.text.paragraph import Paragraph

from peixun.errors import ContentError
from peixun.exchange.rows import PlacedRow
from peixun.exchange.table import (
    ALIASES,
    COLUMNS,
    FALSE_WORDS,
    KIND_BY_NAME,
    LETTERS,
    OPTION_COLUMNS,
    TRUE_WORDS,
    Row,
    column_name,
)

_NUMERALS = "一二三四五六七八九十"
_LABELS = tuple(c for c in COLUMNS if c not in OPTION_COLUMNS and c != "题干")
_HEADING = re.compile(rf"^[{_NUMERALS}百零]+\s*[、.．]\s*({'|'.join(KIND_BY_NAME)})")
_QUESTION = re.compile(r"^(\d+)\s*[.．、]\s*(.*)$")
_OPTION = re.compile(r"^([A-F])\s*[.．、:：]\s*(.*)$")
_LABEL_NAMES = (*_LABELS, *(a for a, c in ALIASES.items() if c in _LABELS))
_NAMES = "|".join(
    sorted(_LABEL_NAMES, key=len, reverse=True)
)  # longest first: 答案解析 before 答案
_LABEL = re.compile(rf"^(?:【({_NAMES})】\s*[：:]?|({_NAMES})\s*[：:])\s*(.*)$")
_PLACEHOLDER = re.compile(r"\s*[（(]\s*[)）]\s*$")  # the answer's place: 题干（ ）
_CHOICE_TYPES = ("单选题", "多选题", "判断题")


def _numeral(n: int) -> str:
    """1 -> 一, 12 -> 十二, 105 -> 一百零五: the numbers of a paper's parts (up to 999)."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{_NUMERALS[hundreds - 1]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _NUMERALS[tens - 1]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (_NUMERALS[ones - 1] if ones else "")


def write_docx(rows: list[Row], path: Path, title: str) -> None:
    """The rows as a numbered question paper with answers, in order."""
    document = docx.Document()
    document.add_heading(title, level=1)
    kind = ""
    headings = 0
    for number, row in enumerate(rows, start=1):
        if row["题型"] != kind:
            kind = row["题型"]
            headings += 1
            document.add_heading(f"{_numeral(headings)}、{kind}", level=2)
        stem = row["题干"] + ("（ ）" if kind in _CHOICE_TYPES else "")
        document.add_paragraph(f"{number}. {stem}")
        for column, letter in zip(OPTION_COLUMNS, LETTERS, strict=True):
            if row.get(column):
                document.add_paragraph(f"{letter}. {row[column]}")
        for label in _LABELS:
            if label == "题型":
                continue  # said by the heading
            for line in (row.get(label) or "").splitlines():
                document.add_paragraph(f"{label}：{line}")
    document.save(str(path))


def _infer(row: Row) -> str:
    """题型 from the answer, for papers without type headings."""
    answer = row.get("答案", "").strip().upper()
    if answer in TRUE_WORDS + FALSE_WORDS:
        return "判断题"
    if not row.get("选项A"):
        return "填空题"
    return "单选题" if len(re.sub(r"[^A-F]", "", answer)) == 1 else "多选题"


def _auto_numbered(paragraph: Paragraph) -> bool:
    """Whether Word numbers this paragraph itself (directly or through its style)."""
    # python-docx has no public API for numbering; these are the w:pPr/w:numPr elements.
    holders = [paragraph._p, paragraph.style.element if paragraph.style is not None else None]
    return any(h is not None and h.pPr is not None and h.pPr.numPr is not None for h in holders)


def read_docx(path: Path, shown: str) -> list[PlacedRow]:
    """One row per numbered question; each names the paragraph where its question starts."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ContentError(
            shown, None, f"不是可以读取的 .docx 文件（{exc}）。请用 Word 另存为 .docx。"
        ) from None
    found: list[tuple[int, Row]] = []
    kind = ""
    last = ""  # the field a paragraph without a mark continues
    for number, paragraph in enumerate(document.paragraphs, start=1):
        text = paragraph.text.strip()
        if not text:
            continue
        heading = _HEADING.match(text)
        if heading or text in KIND_BY_NAME:
            kind = heading[1] if heading else text
            continue
        if question := _QUESTION.match(text):
            row: Row = {"题干": _PLACEHOLDER.sub("", question[2])}
            if kind:
                row["题型"] = kind
            found.append((number, row))
            last = "题干"
            continue
        if not found:
            continue  # the paper's title and notes before the first question
        row = found[-1][1]
        if (option := _OPTION.match(text)) and last in ("题干", *OPTION_COLUMNS):
            last = f"选项{option[1]}"
            row[last] = option[2]
        elif label := _LABEL.match(text):
            last = column_name(label[1] or label[2])
            row[last] = f"{row[last]}\n{label[3]}" if row.get(last) else label[3]
        else:
            row[last] = f"{row[last]}\n{text}"
    if not found:
        numbered = any(_auto_numbered(p) for p in document.paragraphs)
        hint = (
            "文中用了 Word 自动编号，题号和选项字母不在文字里：请先把编号转为普通文字（或手工输入“1. ”“A. ”）。"
            if numbered
            else "每题应以“1. 题干”开头，选项写“A. ……”，再写“答案：……”。"
        )
        raise ContentError(shown, None, f"没有找到题目。{hint}")
    rows = []
    for number, row in found:
        row.setdefault("题型", _infer(row))
        rows.append(PlacedRow(f"{shown} 第 {number} 段", None, row))
    return rows
