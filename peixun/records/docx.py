"""A 学习记录 sheet as a Word file, from the same field list as the page (python-docx).

Each field is a bordered table whose rows are the lines to write on; no row is split and a
field's rows are kept on one page (Word's "keep with next" on every row but the last). The
page, header, footer and East Asian faces are the Word handouts' (:mod:`peixun.handouts.docx`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Length, Mm
from docx.table import Table, _Cell, _Row

from peixun.course.model import load_course
from peixun.course.settings import read_settings
from peixun.errors import ContentError, ContentErrors, problems_of
from peixun.handouts.docx import HEADING_FACE, add_paragraph, page_setup, set_faces
from peixun.records.fields import SIGN_DATE, SPEAKER, RecordField, groups
from peixun.records.html import HEADING
from peixun.records.pages import sheets
from peixun.records.sheet import Group, Sheet
from peixun.slides.blocks import xml_safe
from peixun.slides.project import course_name

LINE = Mm(8)  # the height of a line to write on
WRITE_HERE = "＿＿＿＿＿＿＿＿"


def _text(cell: _Cell, text: str, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    run = paragraph.add_run(xml_safe(text))
    set_faces(run, HEADING_FACE if bold else "宋体")
    run.bold = bold


def _new_row(table: Table, height: Length = LINE) -> _Row:
    """A row at least ``height`` high that Word never splits across pages."""
    row: _Row = table.add_row()  # type: ignore[no-untyped-call]
    row.height, row.height_rule = height, WD_ROW_HEIGHT_RULE.AT_LEAST
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return row


def _row(table: Table) -> _Cell:
    cell: _Cell = _new_row(table).cells[0]
    return cell


def _keep_together(table: Table) -> None:
    """Every row's paragraphs but the last row's keep with the next: the table moves whole."""
    for row in list(table.rows)[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _groups(table: Table, found: Sequence[Group]) -> None:
    for label, items in found:
        if not items:
            continue
        if label:
            _text(_row(table), label, bold=True)
        for n, item in enumerate(items, start=1):
            _text(_row(table), f"{n}．{item}")


def _field(doc: DocumentType, field: RecordField, sheet: Sheet) -> None:
    if field.kind == "sign":
        add_paragraph(doc, f"{field.label}：{WRITE_HERE}　{SIGN_DATE}：{WRITE_HERE}")
        return
    table = doc.add_table(rows=0, cols=1)
    table.style = "Table Grid"
    _text(_row(table), field.label, bold=True)
    if field.kind == "topic":
        _text(_row(table), sheet.topic)
    elif field.kind in ("points", "questions"):
        _groups(table, sheet.points if field.kind == "points" else sheet.questions)
    elif field.kind == "speakers":
        for _ in range(field.speakers):
            _text(_row(table), f"{SPEAKER}：{WRITE_HERE}")
            for _ in range(field.rows):
                _row(table)
    else:
        for _ in range(field.rows):
            _row(table)
    _keep_together(table)
    doc.add_paragraph()


def _short(doc: DocumentType, fields: Sequence[RecordField]) -> None:
    """Two short fields a row: label, room to write, label, room to write."""
    table = doc.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for i in range(0, len(fields), 2):
        row = _new_row(table, Mm(10))
        for j, field in enumerate(fields[i : i + 2]):
            _text(row.cells[2 * j], field.label, bold=True)
    doc.add_paragraph()


def sheet_document(sheet: Sheet, fields: Sequence[RecordField]) -> DocumentType:
    """The sheet as a Word document."""
    doc = Document()
    doc.core_properties.title = xml_safe(sheet.title)
    page_setup(doc, sheet.course)
    heading = add_paragraph(doc, HEADING, "Title")
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    scope = " · ".join(x for x in (sheet.course, sheet.chapter, sheet.lesson) if x)
    add_paragraph(doc, scope).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for group in groups(list(fields)):
        if group[0].kind == "short":
            _short(doc, group)
        else:
            _field(doc, group[0], sheet)
    return doc


def write_record_docx(
    root: Path, site: Path, chapter: str | None, say: Callable[[str], None]
) -> int:
    """A ``.docx`` for every sheet (of one chapter folder, if given) beside its page in
    ``site``; the exit code (1, with the problems printed, when the course cannot be read)."""
    try:
        course = load_course(root / "docs", root / "sources")
        fields = read_settings(root / "mkdocs.yml").record_fields
    except (ContentError, ContentErrors) as exc:
        for problem in problems_of(exc):
            print(problem, file=sys.stderr)
        print(
            "课文或课程设置有问题，没有生成学习记录的 Word 文件。请按提示修改后再试。",
            file=sys.stderr,
        )
        return 1
    for path, (owner, sheet) in sheets(course_name(root), course).items():
        if chapter not in (None, owner.folder):
            continue
        target = site / Path(path).with_suffix(".docx")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            sheet_document(sheet, fields).save(str(target))
        except OSError as exc:
            print(f"无法写入 {target}：{exc.strerror or exc}", file=sys.stderr)
            return 1
        say(f"{target.relative_to(site).as_posix()}：{sheet.title}")
    return 0
