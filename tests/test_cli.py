"""``python -m peixun``: any content or input error is one Chinese message and exit 1, never a
traceback."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from peixun.cli import main
from peixun.errors import ContentError, ContentErrors, PeixunError
from tests.sitebuild import ROOT

ARTICLE = "如何当好党支部书记\n\n党支部书记是党支部的带头人，要带头学习，带头服务群众。\n"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "peixun", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_import_into_a_folder_that_cannot_take_the_draft(tmp_path: Path) -> None:
    source = tmp_path / "wenzhang.txt"
    source.write_text(ARTICLE, "utf-8")
    out = tmp_path / "out"
    (out / "wenzhang-01.md").mkdir(parents=True)  # where the draft should go: a folder
    proc = _run("import", str(source), "--out", str(out))
    assert proc.returncode == 1
    assert f"无法读写“{out / 'wenzhang-01.md'}”" in proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr


def test_import_into_a_read_only_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Root may write anywhere, so the refusal is made here as the file system makes it.
    def refuse(self: Path, data: bytes) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_bytes", refuse)
    source = tmp_path / "wenzhang.txt"
    source.write_text(ARTICLE, "utf-8")
    assert main(["import", str(source), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"无法读写“{tmp_path / 'out' / 'wenzhang-01.md'}”：没有权限。" in err


def test_every_content_and_input_error_shares_one_base() -> None:
    from bench.common import BenchError
    from bench.synth import SynthError
    from peixun.handouts.pdf import HandoutPageError
    from peixun.importer.model import UnreadableInput

    kinds = (ContentError, ContentErrors, HandoutPageError, UnreadableInput, SynthError, BenchError)
    for kind in kinds:
        assert issubclass(kind, PeixunError), kind


def test_an_error_raised_by_a_command_is_printed_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import peixun.course.command

    def broken(args: object) -> int:
        raise ContentErrors(
            [ContentError("docs/a.md", 3, "甲。"), ContentError("docs/b.md", None, "乙。")]
        )

    monkeypatch.setattr(peixun.course.command, "run", broken)
    assert main(["check", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "docs/a.md 第 3 行：甲。\ndocs/b.md：乙。\n"
