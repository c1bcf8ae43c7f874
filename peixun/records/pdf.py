"""学习记录 PDFs from the built sheet pages, set like the handouts (:mod:`peixun.handouts.pdf`).

The sheet is taken out of its built page, so the PDF and the printed page are one layout.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from peixun.assets import site_path
from peixun.handouts.pdf import (
    Handout,
    HandoutPageError,
    PdfWriter,
    page_part,
    standalone_document,
)
from peixun.records.html import SHEET_CLASS
from peixun.records.pages import RECORD_FOLDER

RECORDS_CSS = site_path("records/records.css")  # the sheet's own rules, beside print.css


def record_pages(site: Path, chapter: str | None = None) -> list[Path]:
    """The built sheet pages of ``site`` (or of one chapter folder), chapter sheet first."""
    folder = site / RECORD_FOLDER
    if not folder.is_dir():
        return []
    found = []
    for page in folder.rglob("*.html"):
        owner = page.relative_to(folder).parts[0].removesuffix(".html")
        if chapter in (None, owner):
            found.append(page)
    return sorted(
        found,
        key=lambda p: (p.relative_to(folder).parts[0].removesuffix(".html"), len(p.parts), p.name),
    )


def read_sheet(site: Path, page: Path) -> Handout:
    """The sheet of a built page as a standalone document (links out of it become text)."""
    sheet = page_part(page, SHEET_CLASS, "学习记录")
    for link in sheet.iter("a"):
        link.attrib.pop("href", None)
    course, title = sheet.get("data-course", ""), sheet.get("data-title", "")
    stylesheet = (site / RECORDS_CSS).resolve().as_uri()
    document = standalone_document(title, course, sheet, stylesheet)
    return Handout(page, course, title, "学习记录", document)


def write_record_pdfs(site: Path, chapter: str | None, say: Callable[[str], None]) -> int:
    """A PDF beside every built sheet page; the exit code (1 with the problem printed)."""
    pages = record_pages(site, chapter)
    if not pages:
        say(
            f"{site}/{RECORD_FOLDER}/ 里没有学习记录页面，未生成学习记录 PDF（网站是否用旧版本构建？）。"
        )
        return 0
    try:
        writer = PdfWriter(site)
        sheets = [read_sheet(site, page) for page in pages]
    except HandoutPageError as exc:
        print(exc, file=sys.stderr)
        return 1
    say(f"正在生成 {len(sheets)} 个学习记录 PDF：")
    for sheet in sheets:
        target = sheet.page.with_suffix(".pdf")
        try:
            count = writer.write(sheet, target)
        except OSError as exc:
            print(f"无法写入 {target}：{exc.strerror or exc}", file=sys.stderr)
            return 1
        say(f"  {target.relative_to(site).as_posix()}：{sheet.chapter}，{count} 页")
    return 0
