"""A long import says what it is doing, in Chinese on stderr (a short one stays quiet), and its
duplicate search and report grow no faster than the input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from peixun.importer import progress
from peixun.importer.duplicates import find_duplicates
from peixun.importer.model import Article
from peixun.importer.progress import Progress
from tests.sitebuild import ROOT

from .helpers import lines_of, run_import

SOURCE = ROOT / "sources" / "002_34bce22a2a68b5f6.txt"


def test_a_long_import_shows_each_stage_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(progress, "LONG_INPUT", 1000)  # the seed counts as long
    assert run_import([SOURCE], tmp_path / "out") == 0
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    head = f"正在导入 {SOURCE.name}（"
    stages = [line.split("：", 1)[1] for line in lines if line.startswith(head)]
    for stage in ("读取、识别编码……", "繁体转简体……", "接回断行……", "改正标点……", "写出草稿……"):
        assert stage in stages, lines
    assert any(line.endswith("查找重复段落……") for line in lines)
    assert stages.index("读取、识别编码……") < stages.index("写出草稿……")
    assert "正在导入" not in captured.out  # the summary on stdout is unchanged


def test_a_short_import_shows_no_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_import([SOURCE], tmp_path / "out") == 0
    assert "正在导入" not in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_line_is_rewritten_in_place_and_ended() -> None:
    stream = Terminal()
    shown = Progress("长文本.txt", 20 * 1024 * 1024, stream)
    shown.stage("查找重复段落")
    shown.count("查找重复段落", 48_000, 48_000)
    shown.done()
    assert stream.getvalue() == (
        "\r\x1b[K正在导入 长文本.txt（20.0 MB）：查找重复段落……"
        "\r\x1b[K正在导入 长文本.txt（20.0 MB）：查找重复段落 48,000/48,000\n"
    )


def test_into_a_log_a_count_is_written_at_most_every_tenth() -> None:
    stream = io.StringIO()
    shown = Progress("长文本.txt", 5 * 1024 * 1024, stream)
    for done in range(0, 1001):
        shown.count("写出草稿", done, 1000)
    assert len(stream.getvalue().splitlines()) == 11  # 0, 100, …, 1000


def test_a_passage_recurring_through_a_long_input_is_listed_once_per_copy() -> None:
    """Each copy names the first place, not every other copy: the report stays linear."""
    passage = (
        "党支部书记处于最基层的岗位上，能否团结带领支部一班人围绕本单位中心工作，调动一切积极因素。"
    )
    articles = [Article(f"第{n}篇", lines_of(passage), n, n) for n in range(1, 101)]
    wholes, passages = find_duplicates([("长文本.txt", articles)])
    assert len(passages) == 99
    assert {d.first.article for d in passages} == {1}
    assert [d.second.article for d in passages] == list(range(2, 101))
    assert len(wholes) >= 99
