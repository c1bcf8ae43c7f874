"""PDF handouts: seconds for ``python -m peixun handouts --pdf`` on a built site."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from peixun.course.model import load_course
from tests.sitebuild import run_peixun


@dataclass
class Handouts:
    chapters: int
    seconds: float | None = None  # None when the command failed
    note: str = ""  # why it failed

    def per_chapter(self) -> float | None:
        if self.seconds is None or not self.chapters:
            return None
        return self.seconds / self.chapters


def time_handouts(project: Path, site: Path) -> Handouts:
    """Run ``python -m peixun handouts --pdf --site SITE`` in ``project`` and time it."""
    chapters = len(load_course(project / "docs", project / "sources").chapters)
    start = time.perf_counter()
    proc = run_peixun("handouts", "--pdf", "--site", str(site), cwd=project)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-3:]
        return Handouts(chapters, None, f"失败（退出码 {proc.returncode}）：{' '.join(tail)}")
    return Handouts(chapters, seconds)
