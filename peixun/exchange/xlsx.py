"""Excel (.xlsx) in the common Chinese exam-system layout: a header row, one row per question."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils.exceptions import InvalidFileException

from peixun.errors import ContentError
from peixun.exchange.rows import PlacedRow
from peixun.exchange.table import COLUMNS, REQUIRED, Row, column_name

SHEET = "题库"
_WIDTHS = {"题干": 48, "解析": 40, "选项提示": 30, "出处": 30}


def write_xlsx(rows: list[Row], path: Path) -> None:
    """One sheet named 题库: the template's header, then ``rows`` in order."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = SHEET
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(column, "") for column in COLUMNS])
    for cells in sheet.iter_cols(min_row=1, max_row=1):
        letter = cells[0].column_letter
        sheet.column_dimensions[letter].width = _WIDTHS.get(str(cells[0].value), 14)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that starts with "=" is not a formula
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.number_format = "@"  # text: 题号 and 答案 must not turn into numbers
    sheet.freeze_panes = "A2"
    book.save(path)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a 难度 typed as 2 is read back as 2.0
    if isinstance(value, bool):
        return "正确" if value else "错误"  # Excel's TRUE/FALSE typed into 答案
    return str(value).strip()


def read_xlsx(path: Path, shown: str) -> list[PlacedRow]:
    """The rows of the first sheet (or the one named 题库), each with its sheet and row."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ContentError(
            shown, None, f"不是可以读取的 .xlsx 文件（{exc}）。请用 Excel 另存为 .xlsx。"
        ) from None
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    where = f"{shown} 工作表“{sheet.title}”"
    lines = sheet.iter_rows(values_only=True)
    header = [column_name(_text(v)) for v in next(lines, ())]
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        message = f"不认识的列“{'、'.join(unknown)}”。可用的列：{'、'.join(COLUMNS)}。"
        raise ContentError(where, 1, message)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ContentError(where, 1, f"第 1 行（表头）缺少列“{'、'.join(missing)}”。")
    rows: list[PlacedRow] = []
    for number, values in enumerate(lines, start=2):
        row = {h: _text(v) for h, v in zip(header, values, strict=False) if h}
        if any(row.values()):
            rows.append(PlacedRow(where, number, row))
    book.close()
    return rows
