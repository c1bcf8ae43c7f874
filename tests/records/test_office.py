"""``handouts --docx`` and ``--pdf`` write the 学习记录 sheets too: read back as a user opens them."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from peixun.records.fields import DEFAULT_FIELDS
from tests.handouts.conftest import CommandResult, CourseWithQuestions, run_handouts
from tests.slides.office import to_pdf

CHAPTER = "01-juese-renzhi"
LESSON = "01-juese-renzhi/01-diwei-zuoyong"


@pytest.fixture(scope="module")
def office_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built course after ``handouts --docx --pdf --chapter 01-juese-renzhi``."""
    site = tmp_path_factory.mktemp("records") / "site"
    shutil.copytree(built_site, site)
    result: CommandResult = run_handouts(
        "--docx", "--pdf", "--chapter", CHAPTER, "--site", str(site)
    )
    assert result.returncode == 0, result.stderr
    assert "records/01-juese-renzhi.docx" in result.stdout
    assert "records/01-juese-renzhi/01-diwei-zuoyong.pdf" in result.stdout
    return site


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _docx_text(path: Path) -> list[str]:
    """Paragraphs and table cells in document order."""
    doc = Document(str(path))
    body = doc.element.body
    return [
        "".join(t.text or "" for t in p.iter(qn("w:t")))
        for p in body.iter(qn("w:p"))
        if "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
    ]


def test_the_word_sheet_has_every_field_in_order_and_the_lessons_words(
    office_site: Path, real_course: CourseWithQuestions
) -> None:
    lines = _docx_text(office_site / "records" / f"{LESSON}.docx")
    labels = [f.label for f in DEFAULT_FIELDS]
    found = [line.removesuffix("：＿＿＿＿＿＿＿＿") for line in lines]
    positions = [
        next(i for i, line in enumerate(found) if line.startswith(label)) for label in labels
    ]
    assert positions == sorted(positions)
    lesson = real_course.course.lesson(f"{LESSON}.md")
    assert lesson is not None
    assert lesson.title in lines
    text = "".join(lines)
    assert "党支部是党与人民群众紧密联系的桥梁与纽带" in text  # 本课要点
    assert "哪一方面还做得不够" in text  # 思考与讨论
    assert text.count("发言人：") == 4


def test_no_row_of_the_word_sheet_is_split_and_every_run_names_a_chinese_face(
    office_site: Path,
) -> None:
    doc = Document(str(office_site / "records" / f"{CHAPTER}.docx"))
    rows = [row for table in doc.tables for row in table.rows]
    assert len(rows) > 30
    assert all(row._tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for row in rows)
    runs = [r for p in doc.element.body.iter(qn("w:p")) for r in p.iter(qn("w:r"))]
    faces = {
        r.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))
        for r in runs
        if r.find(qn("w:t")) is not None
    }
    assert faces <= {"宋体", "黑体"}


def test_the_word_sheet_opens_in_libreoffice(office_site: Path, tmp_path: Path) -> None:
    pdf = to_pdf(office_site / "records" / f"{LESSON}.docx", tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout)[1])  # type: ignore[index]
    assert 1 <= pages <= 3
    text = _flat(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    for field in DEFAULT_FIELDS:
        assert _flat(field.label) in text
    assert "党支部的地位与支部书记的关键作用" in text


def test_the_pdf_sheet_has_every_field_on_a4(office_site: Path) -> None:
    pdf = office_site / "records" / f"{LESSON}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout
    text = _flat(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    for field in DEFAULT_FIELDS:
        assert _flat(field.label) in text
    assert "学习记录（会议记录）" in text
    assert "打印学习记录" not in text and "返回本章" not in text
