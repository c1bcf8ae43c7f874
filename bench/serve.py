"""``mkdocs serve``: seconds from saving a file to the rebuilt site, and to the page showing it.

A lesson gets a new paragraph (a marker), and the served page is fetched until it shows it;
a bank gets a blank line (nothing to see), timed to MkDocs' "Documentation built", after which
the live-reload script reloads the browser's page.
"""

from __future__ import annotations

import os
import queue
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench.builds import BUILT_IN
from bench.common import BenchError
from tests.sitebuild import ENDED, Lines, free_port, serving


@dataclass
class Rebuild:
    what: str  # the file edited, relative to the project
    seconds: float | None  # edit to "Documentation built"; None if no rebuild came
    built_in: float | None
    shown: float | None = None  # edit to the served page holding the change (lessons only)
    config: str = "mkdocs.yml"
    cpu: float | None = None  # CPU seconds serve spent from the edit to the rebuilt site


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of process ``pid`` so far (Linux ``/proc``): unlike wall time,
    it hardly depends on what else the shared machine is doing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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


def _shows(url: str, marker: str, timeout: float) -> float | None:
    """The moment the page at ``url`` first holds ``marker``, polling every 50 ms."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if marker in response.read().decode("utf-8"):
                    return time.perf_counter()
        except OSError:  # URLError, a refused connection, a timeout: serve is rebuilding
            pass
        time.sleep(0.05)
    return None


def serve_rebuilds(
    project: Path, edits: list[Path], timeout: float = 60, config: str = "mkdocs.yml"
) -> list[Rebuild]:
    """Start serve, then edit each file in turn and time the rebuild (and the page, for
    a lesson: ``docs/x/y.md`` is served as ``x/y.html``)."""
    results = []
    port = free_port()
    with serving(project, port, config) as (lines, pid):
        if _wait_for(lines, "Serving on", 300) is None:
            raise BenchError("mkdocs serve 没有启动（已退出，或 5 分钟内没有就绪）。")
        time.sleep(1.0)  # let the file watcher settle
        for n, path in enumerate(edits, start=1):
            while not lines.empty():
                lines.get_nowait()
            rel = path.relative_to(project).as_posix()
            # unique across runs on the same copy: an older marker would be "shown" at once
            marker = f"基准测试修改标记{n}-{time.time_ns()}" if path.suffix == ".md" else ""
            with path.open("a", encoding="utf-8") as f:
                f.write(f"\n\n{marker}\n" if marker else "\n")
            edited = time.perf_counter()
            cpu_before = _cpu_seconds(pid)
            shown = None
            if marker:
                page = rel.removeprefix("docs/").removesuffix(".md") + ".html"
                at = _shows(f"http://127.0.0.1:{port}/{page}", marker, timeout)
                shown = at - edited if at is not None else None
            done = _wait_for(lines, "Documentation built in", timeout)
            cpu_after = _cpu_seconds(pid)
            cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after else None
            if done is None:
                results.append(Rebuild(rel, None, None, shown, config))
            else:
                m = BUILT_IN.search(done[1])
                built = float(m[1]) if m else None
                results.append(Rebuild(rel, done[0] - edited, built, shown, config, cpu))
            time.sleep(1.0)
    return results
