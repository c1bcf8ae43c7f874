"""Copy a peixun project and build it, as the tests and the benchmarks need it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a site needs besides its docs: configuration, hooks, raw sources, question banks, assets.
PROJECT_PARTS = ("mkdocs.yml", "hooks", "sources", "quizzes", "docs")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path


def copy_project(dest: Path, with_docs: bool = True, source: Path = ROOT) -> Path:
    """Copy the site parts of ``source`` into ``dest`` (docs optional: tests may write their own)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = source / part
        if not src.exists() or (part == "docs" and not with_docs):
            continue
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    if not with_docs:
        (dest / "docs").mkdir()
    return dest


def build_env() -> dict[str, str]:
    """The environment of a build in a copied project: this checkout's ``peixun`` importable."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": path}


def build(project: Path, site: Path | None = None, strict: bool = True) -> BuildResult:
    """Run ``python -m mkdocs build`` in ``project`` as an editor would, capturing its output."""
    site = site or project / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-d", str(site)]
    if strict:
        cmd.append("--strict")
    proc = subprocess.run(
        cmd,
        cwd=project,
        env=build_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)
