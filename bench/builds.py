"""Timed builds: ours against plain mkdocs-material, and synthetic courses of growing size.

Every build runs in its own ``python -m mkdocs build`` subprocess, as an editor runs it, so
that wall time includes start-up and ``os.wait4`` gives that one process's peak memory.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.common import MIB, BenchError, build_env
from bench.synth import synthesize
from peixun.course.check import check_course
from peixun.course.glossary import load_glossary
from peixun.course.model import load_course
from peixun.search.measure import SearchDownload, first_search_download
from tests.browsing import launch, serve
from tests.sitebuild import copy_project

OUR_CONFIG_KEYS = ("hooks", "extra_css", "extra_javascript")  # dropped for the plain build
PLAIN_CONFIG = "mkdocs-plain.yml"
BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")


@dataclass
class Build:
    """One ``mkdocs build`` subprocess."""

    wall: float  # seconds, process start to exit
    built_in: float | None  # seconds, as MkDocs reports (after config and imports)
    max_rss: int  # bytes, peak resident memory of the build process
    returncode: int
    warnings: int
    log: str
    cpu: float = 0.0  # seconds of CPU (user + system): steadier than wall time on a busy machine


def run_build(project: Path, site: Path, config: str = "mkdocs.yml") -> Build:
    """Build ``project`` with ``config`` into ``site`` without ``--strict``."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", config, "-d", str(site), "--no-strict"]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=project, env=build_env(), stdout=log, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    m = BUILT_IN.search(text)
    warnings = sum(1 for line in text.splitlines() if line.startswith("WARNING"))
    return Build(
        wall,
        float(m[1]) if m else None,
        usage.ru_maxrss * 1024,  # KiB on Linux
        proc.returncode,
        warnings,
        text,
        usage.ru_utime + usage.ru_stime,
    )


def checked(build: Build, what: str) -> Build:
    """Stop the benchmark with MkDocs' own output when a build fails."""
    if build.returncode != 0:
        tail = "\n".join(build.log.splitlines()[-15:])
        raise BenchError(f"{what}构建失败（退出码 {build.returncode}）：\n{tail}")
    return build


def plain_config(mkdocs_yml: str) -> str:
    """The same configuration without our hooks, CSS and JavaScript: plain mkdocs-material.

    Works on the text, so that YAML tags (``!!python/object/apply``) pass through unchanged.
    """
    out, skipping = [], False
    for line in mkdocs_yml.splitlines():
        top_level = bool(line) and not line[0].isspace() and not line.startswith("#")
        if top_level:
            skipping = line.split(":", 1)[0].strip() in OUR_CONFIG_KEYS
        if not skipping:
            out.append(line)
    return "\n".join(out) + "\n"


def write_plain_config(project: Path) -> str:
    """Write ``mkdocs-plain.yml`` next to the project's ``mkdocs.yml``; return its name."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / PLAIN_CONFIG).write_text(plain_config(text), encoding="utf-8")
    return PLAIN_CONFIG


def bench_project(source: Path, dest: Path) -> Path:
    """A copy of the project at ``source`` with its plain configuration beside it."""
    copy_project(dest, source=source)
    write_plain_config(dest)
    return dest


# --- 1. ours against plain mkdocs-material ---------------------------------------------


@dataclass
class Comparison:
    ours: list[Build]
    plain: list[Build]

    @staticmethod
    def _median(builds: list[Build], key: Callable[[Build], float | None]) -> float:
        return statistics.median(v for b in builds if (v := key(b)) is not None)

    def median(self, which: str, key: str = "wall") -> float:
        builds = self.ours if which == "ours" else self.plain
        return self._median(builds, lambda b: getattr(b, key))

    def ratio(self, key: str = "wall") -> float:
        return self.median("ours", key) / self.median("plain", key)


def which_name(which: str) -> str:
    return "本项目（全部钩子）" if which == "ours" else "纯 mkdocs-material"


def compare(project: Path, runs: int, say: Callable[[str], None]) -> Comparison:
    """Interleaved builds, alternating which goes first in each round."""
    result = Comparison([], [])
    plain = write_plain_config(project)
    for r in range(runs):
        order = [("ours", "mkdocs.yml"), ("plain", plain)]
        for which, config in order if r % 2 == 0 else reversed(order):
            b = checked(run_build(project, project / f"site-{which}", config), which)
            (result.ours if which == "ours" else result.plain).append(b)
            say(
                f"  第 {r + 1}/{runs} 轮 {which_name(which)}：墙钟 {b.wall:.2f} 秒，"
                f"CPU {b.cpu:.2f} 秒"
            )
    return result


# --- 2. scale ---------------------------------------------------------------------------


@dataclass
class ScalePoint:
    lessons: int
    questions: int
    ours: Build
    plain: Build
    load_seconds: float  # reading and validating every lesson's front matter
    check_seconds: float  # the editorial content check over the whole course
    site_bytes: int
    plain_site_bytes: int
    lesson_html_bytes: int
    search_index_bytes: int  # the files under search/ (the theme's and the split index), no .gz
    first_searches: list[SearchDownload]  # what a first search downloads of it


SEARCHES = ("民主集中制", "如何处理班子内部矛盾")
"""First searches whose download the scale step measures: a term, and a question whose words
are found on many pages (the most pages to show)."""


def first_search_downloads(site: Path, lesson: Path) -> list[SearchDownload]:
    """Each of SEARCHES as a learner's first search on ``lesson``, in a fresh browser page."""
    from playwright.sync_api import sync_playwright

    found: list[SearchDownload] = []
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = launch(playwright)
        for query in SEARCHES:
            context = browser.new_context(locale="zh-CN")
            page = context.new_page()
            found.append(
                first_search_download(page, base_url + lesson.relative_to(site).as_posix(), query)
            )
            context.close()
        browser.close()
    return found


def _tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def time_content_check(project: Path) -> tuple[float, float]:
    """Seconds to load the course and to run the content check, in this process."""
    start = time.perf_counter()
    course = load_course(project / "docs", project / "sources")
    loaded = time.perf_counter()
    check_course(course, load_glossary(project / "docs"), "docs/glossary.md")
    return loaded - start, time.perf_counter() - loaded


def first_lesson_html(site: Path, project: Path) -> Path:
    course = load_course(project / "docs", project / "sources")
    return site / course.lessons()[0].src_path.replace(".md", ".html")


def scale_point(source: Path, work: Path, lessons: int, say: Callable[[str], None]) -> ScalePoint:
    """Synthesize a course of ``lessons`` lessons from ``source``, build it ours and plain."""
    project = work / f"synth-{lessons}"
    summary = synthesize(source, project, lessons)
    plain_name = write_plain_config(project)
    say(f"  N={lessons}：已生成 {summary.chapters} 章 {summary.questions} 题，构建中…")
    ours = checked(run_build(project, project / "site-ours"), f"N={lessons}")
    say(
        f"  N={lessons} 本项目：墙钟 {ours.wall:.1f} 秒，CPU {ours.cpu:.1f} 秒，"
        f"峰值内存 {ours.max_rss / MIB:.0f} MiB"
    )
    plain = checked(run_build(project, project / "site-plain", plain_name), f"N={lessons} 纯")
    say(f"  N={lessons} 纯 mkdocs-material：墙钟 {plain.wall:.1f} 秒，CPU {plain.cpu:.1f} 秒")
    load_s, check_s = time_content_check(project)
    site = project / "site-ours"
    lesson = first_lesson_html(site, project)
    say(f"  N={lessons} 第一次搜索下载的索引…")
    point = ScalePoint(
        lessons,
        summary.questions,
        ours,
        plain,
        load_s,
        check_s,
        _tree_bytes(site),
        _tree_bytes(project / "site-plain"),
        lesson.stat().st_size,
        sum(p.stat().st_size for p in (site / "search").rglob("*") if p.suffix in (".js", ".json")),
        first_search_downloads(site, lesson),
    )
    shutil.rmtree(project / "site-ours")  # N=1000 sites take hundreds of MB
    shutil.rmtree(project / "site-plain")
    return point
