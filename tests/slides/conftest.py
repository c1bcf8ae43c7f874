"""Fixtures for the slide tests: the real course, and its decks written by the command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.handouts.conftest import real_course  # noqa: F401  (the shared fixture)
from tests.sitebuild import ROOT


def run_peixun(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m peixun ARGS`` as a user runs it, from the project folder."""
    return subprocess.run(
        [sys.executable, "-m", "peixun", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture(scope="session")
def decks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every chapter's deck, and one lesson's, written by ``peixun slides --out``."""
    out = tmp_path_factory.mktemp("slides")
    result = run_peixun("slides", "--out", str(out), "--lesson", "01-juese-renzhi/01-diwei-zuoyong")
    assert result.returncode == 0, result.stderr
    return out
