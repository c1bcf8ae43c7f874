"""Copy a peixun project and build it, as the tests and the benchmarks need it."""

from __future__ import annotations

import logging
import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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


def build(
    project: Path, site: Path | None = None, strict: bool = True, quiet: bool = False
) -> BuildResult:
    """Run ``python -m mkdocs build`` in ``project`` as an editor would, capturing its output."""
    site = site or project / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-d", str(site)]
    if strict:
        cmd.append("--strict")
    if quiet:
        cmd.append("-q")
    proc = _run(cmd, project)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


def run_peixun(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m peixun ARGS`` as an editor runs it, output captured."""
    return _run([sys.executable, "-m", "peixun", *args], cwd)


def _run(cmd: list[str], cwd: Path | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, cwd=cwd, env=build_env(), capture_output=True, text=True, encoding="utf-8", check=False
    )


@dataclass
class LoggedBuild:
    """A build run in this process, with every record MkDocs and the hooks logged."""

    ok: bool
    site: Path
    records: list[logging.LogRecord] = field(default_factory=list)

    def messages(self, level: int = logging.WARNING) -> list[str]:
        """The messages logged at ``level`` or above, as the user reads them."""
        return [r.getMessage() for r in self.records if r.levelno >= level]


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_here(project: Path, site: Path | None = None, strict: bool = True) -> LoggedBuild:
    """Build ``project`` in this process, as MkDocs' own tests do, and keep the log records.

    Faster than :func:`build` (no interpreter start, jieba loaded once). A build that MkDocs
    aborts cleanly (an error it logs, then ``Abort``) gives ``ok=False``; any other exception
    is a traceback a user would see, and propagates to fail the test.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    site = site or project / "site"
    handler = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=strict)
        mkdocs_build(config)
        ok = True
    except Abort:
        ok = False
    finally:
        logger.removeHandler(handler)
    return LoggedBuild(ok, site, handler.records)


Lines = queue.Queue[tuple[float, str]]
"""``mkdocs serve``'s log lines, each with the ``time.perf_counter()`` of its arrival."""
ENDED = "\0"  # put on the queue when serve's output ends: the process has exited


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(project: Path, port: int, config: str = "mkdocs.yml") -> Iterator[tuple[Lines, int]]:
    """``mkdocs serve`` on 127.0.0.1:port; yields its log lines with their arrival time,
    and its process id. Used by the serve test and the benchmark."""
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "mkdocs", "serve", "-f", config),
            *("-a", f"127.0.0.1:{port}", "--no-strict"),
        ],
        cwd=project,
        env=build_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    lines: Lines = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put((time.perf_counter(), line.rstrip()))
        lines.put((time.perf_counter(), ENDED))

    threading.Thread(target=read, daemon=True).start()
    try:
        yield lines, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
