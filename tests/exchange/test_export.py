"""``python -m peixun banks export`` in every format, and the shipped Excel example."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from peixun.cli import main
from peixun.exchange.gather import Item
from peixun.exchange.rows import import_rows
from peixun.exchange.table import COLUMNS
from peixun.exchange.xlsx import read_xlsx
from tests.sitebuild import ROOT

EXAMPLE = ROOT / "examples" / "题库模板.xlsx"
EXAMPLE_LESSON = "05-gongzuo-fangfa/02-qiushi-siwen"


def _export(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main(["banks", "export", "--project", str(ROOT), *(str(a) for a in args)])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("kind", ["xlsx", "docx", "gift", "moodle-xml", "qti21"])
def test_every_format_is_written(
    kind: str, tmp_path: Path, items: list[Item], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sub" / f"bank.{kind}"
    code, said = _export(capsys, "--format", kind, "--chapter", "01", "--out", out)
    assert code == 0, said
    assert out.stat().st_size > 0
    chapter = [i for i in items if i.lesson.startswith("01-")]
    assert f"已导出 {len(chapter) - said.count('未导出：')} 道题到 {out}" in said
    if kind == "qti21":
        assert zipfile.is_zipfile(out)


def test_chapter_and_generated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "b.xlsx"
    _export(capsys, "--format", "xlsx", "--chapter", "02-suzhi-yaoqiu", "--out", out)
    rows = read_xlsx(out, "b.xlsx")
    assert rows and all(r.row["出处"].startswith("02-suzhi-yaoqiu/") for r in rows)
    before = out.read_bytes()
    code, said = _export(capsys, "--format", "xlsx", "--chapter", "2", "--generated", "--out", out)
    assert code == 1 and "文件已存在，未覆盖" in said and out.read_bytes() == before
    _export(capsys, "--format", "xlsx", "--chapter", "2", "--generated", "--out", out, "--force")
    assert len(read_xlsx(out, "b.xlsx")) > len(rows)  # the build's generated questions too


def test_unknown_chapter_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, said = _export(capsys, "--format", "gift", "--chapter", "99", "--out", tmp_path / "x")
    assert code == 1 and "没有可导出的题目" in said


def test_shipped_example_is_a_valid_template() -> None:
    header = [c.value for c in next(load_workbook(EXAMPLE).active.iter_rows(max_row=1))]  # type: ignore[union-attr]
    assert header == list(COLUMNS)
    imported = import_rows(read_xlsx(EXAMPLE, EXAMPLE.name), EXAMPLE_LESSON, None)
    assert imported.problems == []
    assert {q.type for q in imported.questions} == {
        "single",
        "multiple",
        "truefalse",
        "fill",
        "order",
    }
