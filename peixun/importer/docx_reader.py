"""Step 1 for Word files: a .docx body (headings, paragraphs, lists, tables) as Markdown lines."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from peixun.importer.model import UnreadableInput

HEADING = re.compile(r"^(?:Heading|标题)\s*(\d)$")
MAX_LEVEL = 4


def _cell_text(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table_lines(table: Table) -> list[str]:
    rows = [[_cell_text(cell.text) for cell in row.cells] for row in table.rows]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return lines


def _paragraph_line(paragraph: Paragraph, counters: dict[str, int]) -> str:
    text = paragraph.text.strip()
    style = paragraph.style.name if paragraph.style is not None else ""
    if match := HEADING.match(style or ""):
        counters.clear()
        return "#" * min(int(match.group(1)) + 1, MAX_LEVEL) + " " + text
    if style.startswith("List Number"):
        counters[style] = counters.get(style, 0) + 1
        return f"{counters[style]}. {text}"
    counters.clear()
    if style.startswith("List"):
        return f"- {text}"
    return text


def read_docx(data: bytes) -> list[str]:
    """The body of a .docx in document order, one Markdown line per paragraph or table row."""
    if not zipfile.is_zipfile(BytesIO(data)):
        raise UnreadableInput("不是有效的 Word 文档（.docx）：请在 Word 中另存为 .docx 后再导入")
    try:
        return _body_lines(Document(BytesIO(data)))
    except Exception:  # python-docx and lxml raise many kinds on a damaged part: all mean one thing
        raise UnreadableInput(
            "Word 文档已损坏（无法读出其中的内容）：请在 Word 或 WPS 中打开，另存为 .docx 后再导入"
        ) from None


def _body_lines(document: DocxDocument) -> list[str]:
    lines: list[str] = []
    counters: dict[str, int] = {}
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            counters.clear()
            lines += ["", *_table_lines(block), ""]
        else:
            lines.append(_paragraph_line(block, counters))
    return lines
