"""A profile of one build with pyinstrument (sampling, so little overhead)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bench.common import BenchError, build_env


def profile_build(project: Path, out: Path, top: int = 70) -> str:
    """Profile one build of ``project``; write the call tree to ``out``, return its first lines.

    The first ``top`` lines are the costliest paths.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    session = out.with_suffix(".pyisession")
    # A 10 ms interval keeps the profiler's own cost and memory small on a long build.
    pyinstrument = [sys.executable, "-m", "pyinstrument"]
    record = [*pyinstrument, "-i", "0.01", "-r", "pyisession", "-o", str(session)]
    mkdocs = ["-m", "mkdocs", "build", "-d", str(project / "site-profile"), "--no-strict"]
    proc = subprocess.run(
        [*record, *mkdocs],
        cwd=project,
        env=build_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    shutil.rmtree(project / "site-profile", ignore_errors=True)
    if proc.returncode != 0:
        raise BenchError(f"剖析构建失败：{proc.stdout[-500:]}{proc.stderr[-500:]}")
    tree = [*pyinstrument, "--load", str(session), "-r", "text", "-p", "show_all=false"]
    subprocess.run([*tree, "-o", str(out)], env=build_env(), check=True, capture_output=True)
    session.unlink()
    lines = out.read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[:top])
