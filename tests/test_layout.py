"""The layout rules a developer relies on: MkDocs only in peixun.site, dev tools outside the package."""

from __future__ import annotations

import subprocess
import sys

import pytest

from peixun.cli import COMMANDS
from tests.sitebuild import ROOT


def _ruff_on(path: str, source: str) -> subprocess.CompletedProcess[str]:
    """``ruff check`` with the project's settings on ``source`` as if it were at ``path``."""
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "TID251", "--stdin-filename", path],
        input=source,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("module", ["mkdocs.plugins", "material.plugins.search.plugin"])
def test_importing_mkdocs_outside_peixun_site_is_refused(module: str) -> None:
    result = _ruff_on("peixun/course/example.py", f"import {module}\n")
    assert result.returncode == 1
    assert "TID251" in result.stdout
    assert "只有 peixun/site/" in result.stdout


def test_peixun_site_may_import_mkdocs() -> None:
    result = _ruff_on("peixun/site/hooks/example.py", "import mkdocs.plugins\n")
    assert result.returncode == 0, result.stdout


def test_benchmarks_are_not_commands_of_the_package() -> None:
    assert not {"bench", "synth"} & set(COMMANDS)
    assert not (ROOT / "peixun" / "bench.py").exists()


def test_benchmark_commands_run_from_the_checkout() -> None:
    for module in ("bench", "bench.synth", "bench.search"):
        result = subprocess.run(
            [sys.executable, "-m", module, "--help"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "usage:" in result.stdout
