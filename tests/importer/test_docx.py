"""A .docx built with python-docx: headings, paragraphs, lists and tables survive the import."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from peixun.importer.model import UnreadableInput
from peixun.importer.read import read_source

from .helpers import draft_bodies, run_import


def build_docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading("如何當好黨支部書記", level=1)
    document.add_paragraph("黨支部書記處于最基層的崗位上,要強化四種意識。")
    document.add_heading("一、強化服務意識", level=2)
    document.add_paragraph("不要把自己擺在“領導”的位臵上。")
    document.add_paragraph("多溝通", style="List Bullet")
    document.add_paragraph("多商量", style="List Bullet")
    document.add_paragraph("第一步", style="List Number")
    document.add_paragraph("第二步", style="List Number")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "意識"
    table.cell(0, 1).text = "能力"
    table.cell(1, 0).text = "服務"
    table.cell(1, 1).text = "組織領導"
    document.add_paragraph("這是最後一段,不以句號結尾的短句")
    document.add_paragraph("下一段緊接著。")
    document.save(str(path))


def test_docx_reads_in_document_order_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "讲稿.docx"
    build_docx(path)
    source = read_source(path)
    texts = [line.text for line in source.lines if line.text]
    assert source.unit == "段"
    assert texts[0] == "## 如何當好黨支部書記"
    assert "- 多溝通" in texts and "1. 第一步" in texts and "2. 第二步" in texts
    assert "| 意識 | 能力 |" in texts and "| 服務 | 組織領導 |" in texts


def test_docx_imports_to_a_clean_draft(tmp_path: Path) -> None:
    path = tmp_path / "讲稿.docx"
    build_docx(path)
    out = tmp_path / "out"
    assert run_import([path], out) == 0
    (draft,) = draft_bodies(out).values()
    front, body = draft.split("---\n", 2)[1:]
    assert "title: 如何当好党支部书记" in front  # the first heading is the title
    assert "### 一、强化服务意识" in body
    assert "位置" in body and "臵" not in body
    assert "- 多沟通\n- 多商量" in body
    assert "| 意识 | 能力 |\n| --- | --- |\n| 服务 | 组织领导 |" in body
    assert "党支部书记处于最基层的岗位上，要强化四种意识。" in body
    # Word paragraphs are real paragraphs: a short line is not glued to the next one.
    assert "这是最后一段，不以句号结尾的短句\n\n下一段紧接着。" in body


def test_corrupt_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "坏文档.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableInput, match="Word"):
        read_source(path)
