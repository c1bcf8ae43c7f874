"""``mkdocs serve``: seconds from saving a file to the rebuilt site."""

from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.builds import BUILT_IN
from bench.common import BenchError, build_env

Lines = queue.Queue[tuple[float, str]]
ENDED = "\0"  # put on the queue when serve's output ends: the process has exited


@dataclass
class Rebuild:
    what: str  # the file edited, relative to the project
    seconds: float | None  # edit to "Documentation built"; None if no rebuild came
    built_in: float | None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(project: Path, port: int) -> Iterator[Lines]:
    """``mkdocs serve`` on 127.0.0.1:port; yields its log lines with their arrival time."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--no-strict"],
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
        yield lines
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_for(lines: Lines, pattern: str, timeout: float) -> tuple[float, str] | None:
    deadline = time.perf_counter() + timeout
    while (left := deadline - time.perf_counter()) > 0:
        try:
            at, line = lines.get(timeout=left)
        except queue.Empty:
            return None
        if line == ENDED:
            return None
        if pattern in line:
            return at, line
    return None


def serve_rebuilds(project: Path, edits: list[Path], timeout: float = 60) -> list[Rebuild]:
    """Start serve, then append a blank line to each file in turn and time the rebuild."""
    results = []
    with serving(project, free_port()) as lines:
        if _wait_for(lines, "Serving on", 300) is None:
            raise BenchError("mkdocs serve 没有启动（已退出，或 5 分钟内没有就绪）。")
        time.sleep(1.0)  # let the file watcher settle
        for path in edits:
            while not lines.empty():
                lines.get_nowait()
            with path.open("a", encoding="utf-8") as f:
                f.write("\n")
            edited = time.perf_counter()
            done = _wait_for(lines, "Documentation built in", timeout)
            rel = path.relative_to(project).as_posix()
            if done is None:
                results.append(Rebuild(rel, None, None))
            else:
                m = BUILT_IN.search(done[1])
                results.append(Rebuild(rel, done[0] - edited, float(m[1]) if m else None))
            time.sleep(1.0)
    return results
