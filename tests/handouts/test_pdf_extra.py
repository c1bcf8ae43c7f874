"""``handouts --pdf`` without the optional ``[pdf]`` libraries: a Chinese hint, no traceback."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from typing import Any

import pytest

from peixun.handouts import command


def test_missing_weasyprint_names_the_extra_to_install(
    fixture_site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.util.find_spec

    def without_weasyprint(name: str, *args: Any) -> Any:
        return None if name == "weasyprint" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", without_weasyprint)
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    assert command.run(parser.parse_args(["--pdf", "--site", str(fixture_site)])) == 1
    err = capsys.readouterr().err
    assert "weasyprint" in err
    assert "pip install 'peixun[pdf]'" in err
    assert not list((fixture_site / "handouts").glob("*.pdf"))
