"""``python -m peixun bench``: build speed, scale, rebuild time and page weight, in one run.

Every build runs in its own ``python -m mkdocs build`` subprocess, as an editor runs it, so
that wall time includes start-up and ``os.wait4`` gives that one process's peak memory.
Results go to the screen and to ``bench/results.md``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import importlib.util
import os
import platform
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path

import peixun
from peixun.assets import site_path
from peixun.course.check import check_course
from peixun.course.glossary import load_glossary
from peixun.course.model import load_course
from peixun.errors import PeixunError
from peixun.synth import synthesize

PACKAGE_ROOT = Path(peixun.__file__).resolve().parent.parent  # put on PYTHONPATH for hooks
PROJECT_PARTS = ("mkdocs.yml", "hooks", "sources", "quizzes", "docs")
OUR_CONFIG_KEYS = ("hooks", "extra_css", "extra_javascript")  # dropped for the plain build
BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")
MIB = 1024 * 1024

# Targets of issue 8. "KB" is read as 1,000 bytes, the stricter reading.
HOOKS_OVERHEAD = 1.15
SCALE_RATIO = 10.0
PEAK_MEMORY = 1024 * MIB
QUIZ_GZIP = 8_000
LESSON_TRANSFER = 300_000


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


def _env() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(PACKAGE_ROOT), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": path}


def run_build(
    project: Path, site: Path, config: str = "mkdocs.yml", profile: Path | None = None
) -> Build:
    """Build ``project`` with ``config`` into ``site`` without ``--strict``."""
    mkdocs = ["-m", "mkdocs", "build", "-f", config, "-d", str(site), "--no-strict"]
    prefix = ["-m", "cProfile", "-o", str(profile)] if profile else []
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, *prefix, *mkdocs],
            cwd=project,
            env=_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    m = BUILT_IN.search(text)
    warnings = sum(1 for line in text.splitlines() if line.startswith("WARNING"))
    # ru_maxrss is in KiB on Linux.
    return Build(
        wall,
        float(m[1]) if m else None,
        usage.ru_maxrss * 1024,
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


class BenchError(PeixunError):
    """The benchmark cannot go on; the message says why, in Chinese."""


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


def copy_project(source: Path, dest: Path) -> Path:
    """The site parts of a project (config, hooks, sources, banks, docs), copied to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.is_file():
            shutil.copy2(src, dest / part)
    write_plain_config(dest)
    return dest


def write_plain_config(project: Path) -> str:
    name = "mkdocs-plain.yml"
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / name).write_text(plain_config(text), encoding="utf-8")
    return name


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


def compare(project: Path, runs: int, say: Callable[[str], None]) -> Comparison:
    """Interleaved builds, alternating which goes first in each round."""
    result = Comparison([], [])
    plain = write_plain_config(project)
    for r in range(runs):
        order = [("ours", "mkdocs.yml"), ("plain", plain)]
        for which, config in order if r % 2 == 0 else reversed(order):
            b = checked(run_build(project, project / f"site-{which}", config), which)
            (result.ours if which == "ours" else result.plain).append(b)
            say(f"  第 {r + 1}/{runs} 轮 {_which(which)}：墙钟 {b.wall:.2f} 秒，CPU {b.cpu:.2f} 秒")
    return result


def _which(which: str) -> str:
    return "本项目（全部钩子）" if which == "ours" else "纯 mkdocs-material"


# --- 2. scale ---------------------------------------------------------------------------


@dataclass
class ScalePoint:
    lessons: int
    questions: int
    ours: Build
    plain: Build | None
    load_seconds: float  # reading and validating every lesson's front matter
    check_seconds: float  # the editorial content check over the whole course
    site_bytes: int
    lesson_html_bytes: int
    search_index_bytes: int = 0


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


def scale_point(
    source: Path, work: Path, lessons: int, with_plain: bool, say: Callable[[str], None]
) -> ScalePoint:
    project = work / f"synth-{lessons}"
    summary = synthesize(source, project, lessons)
    plain_name = write_plain_config(project)
    say(f"  N={lessons}：已生成 {summary.chapters} 章 {summary.questions} 题，构建中…")
    ours = checked(run_build(project, project / "site-ours"), f"N={lessons}")
    say(
        f"  N={lessons} 本项目：墙钟 {ours.wall:.1f} 秒，CPU {ours.cpu:.1f} 秒，"
        f"峰值内存 {ours.max_rss / MIB:.0f} MiB"
    )
    plain = None
    if with_plain:
        plain = checked(run_build(project, project / "site-plain", plain_name), f"N={lessons} 纯")
        say(f"  N={lessons} 纯 mkdocs-material：墙钟 {plain.wall:.1f} 秒，CPU {plain.cpu:.1f} 秒")
    load_s, check_s = time_content_check(project)
    site = project / "site-ours"
    point = ScalePoint(
        lessons,
        summary.questions,
        ours,
        plain,
        load_s,
        check_s,
        _tree_bytes(site),
        first_lesson_html(site, project).stat().st_size,
        (site / "search" / "search_index.json").stat().st_size,
    )
    shutil.rmtree(project / "site-ours")  # N=1000 sites take hundreds of MB
    shutil.rmtree(project / "site-plain", ignore_errors=True)
    return point


# --- 3. mkdocs serve rebuild --------------------------------------------------------------


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
def serving(project: Path, port: int) -> Iterator[queue.Queue[tuple[float, str]]]:
    """``mkdocs serve`` on 127.0.0.1:port; yields its log lines with their arrival time."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--no-strict"],
        cwd=project,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    lines: queue.Queue[tuple[float, str]] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put((time.perf_counter(), line.rstrip()))

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


def _wait_for(
    lines: queue.Queue[tuple[float, str]], pattern: str, timeout: float
) -> tuple[float, str] | None:
    deadline = time.perf_counter() + timeout
    while (left := deadline - time.perf_counter()) > 0:
        try:
            at, line = lines.get(timeout=left)
        except queue.Empty:
            return None
        if pattern in line:
            return at, line
    return None


def serve_rebuilds(project: Path, edits: list[Path], timeout: float = 60) -> list[Rebuild]:
    """Start serve, then append a YAML/Markdown comment-free blank line to each file in turn."""
    results = []
    with serving(project, free_port()) as lines:
        if _wait_for(lines, "Serving on", 300) is None:
            raise BenchError("mkdocs serve 在 5 分钟内没有启动。")
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


# --- 4. page weight ------------------------------------------------------------------------


@dataclass
class Weight:
    raw: int
    gzipped: int


def weigh(data: bytes) -> Weight:
    return Weight(len(data), len(gzip.compress(data, compresslevel=9, mtime=0)))


@dataclass
class PageWeight:
    quiz_js: Weight | None
    quiz_css: Weight | None
    lesson: str
    transfer: dict[str, Weight] = field(default_factory=dict)  # URL path -> bytes
    method: str = ""
    search_index: Weight | None = None

    def total(self) -> Weight:
        return Weight(
            sum(w.raw for w in self.transfer.values()),
            sum(w.gzipped for w in self.transfer.values()),
        )

    def quiz(self) -> Weight | None:
        if self.quiz_js is None and self.quiz_css is None:
            return None
        parts = [w for w in (self.quiz_js, self.quiz_css) if w]
        return Weight(sum(w.raw for w in parts), sum(w.gzipped for w in parts))


class _Assets(HTMLParser):
    """Files a page references: stylesheets, scripts, icons, images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "img") and a.get("src"):
            self.urls.append(str(a["src"]))
        elif tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").split()
            if {"stylesheet", "icon", "preload", "modulepreload"} & set(rel):
                self.urls.append(str(a["href"]))


def static_transfer(site: Path, page: Path) -> dict[str, Weight]:
    """The page and every file its HTML references directly (no requests made by scripts)."""
    html = page.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    out = {"/" + page.relative_to(site).as_posix(): weigh(html)}
    for url in parser.urls:
        if "://" in url or url.startswith("data:"):
            continue
        target = (page.parent / url.split("#")[0].split("?")[0]).resolve()
        if target.is_file():
            out["/" + target.relative_to(site.resolve()).as_posix()] = weigh(target.read_bytes())
    return out


def browser_transfer(site: Path, page: Path) -> dict[str, Weight]:
    """Every response Chromium receives while loading the page over HTTP until the network idles."""
    from playwright.sync_api import Response, sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out: dict[str, Weight] = {}
    outside: list[str] = []
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                ],
            )
            context = browser.new_context()
            pg = context.new_page()
            responses: list[Response] = []
            pg.on("response", lambda r: responses.append(r))  # needs a settable function
            pg.goto(f"{base}/{page.relative_to(site).as_posix()}", wait_until="networkidle")
            pg.wait_for_timeout(1500)  # the search worker loads its index after start-up
            for r in responses:
                if not r.url.startswith(base):
                    outside.append(r.url)
                    continue
                try:
                    body = r.body()
                except Exception:  # redirects and aborted requests have no body
                    continue
                out[r.url.removeprefix(base).split("?")[0]] = weigh(body)
            browser.close()
    finally:
        server.shutdown()
    if outside:
        raise BenchError("页面向站外发出了请求：" + "、".join(outside))
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def page_weight(site: Path, project: Path, browser: bool) -> PageWeight:
    def asset(rel: str) -> Weight | None:
        path = site / rel
        return weigh(path.read_bytes()) if path.is_file() else None

    page = first_lesson_html(site, project)
    result = PageWeight(asset(site_path("quiz/quiz.js")), asset(site_path("quiz/quiz.css")), "")
    result.lesson = page.relative_to(site).as_posix()
    result.search_index = asset("search/search_index.json") or asset("search/search_index.js")
    if browser:
        try:
            result.transfer = browser_transfer(site, page)
            result.method = "Chromium（Playwright）加载该页，记录全部响应，直到网络空闲"
        except BenchError:
            raise
        except Exception as exc:  # no Chromium here: say so and count the files instead
            result.method = f"浏览器不可用（{type(exc).__name__}），改为统计 HTML 直接引用的文件"
    if not result.transfer:
        result.transfer = static_transfer(site, page)
        result.method = result.method or "统计 HTML 直接引用的文件（不含脚本再加载的文件）"
    return result


# --- 5. PDF handouts -------------------------------------------------------------------------


@dataclass
class Handouts:
    available: bool
    seconds: float | None = None
    chapters: int = 0
    note: str = ""

    def per_chapter(self) -> float | None:
        if self.seconds is None or not self.chapters:
            return None
        return self.seconds / self.chapters


def time_handouts(project: Path, site: Path) -> Handouts:
    """``python -m peixun handouts --pdf`` on a built site, if handouts exist."""
    spec = importlib.util.find_spec("peixun.handouts")
    # Only this checkout's own handouts: an editable install elsewhere may also offer one.
    if spec is None or not str(spec.origin).startswith(str(PACKAGE_ROOT)):
        return Handouts(False, note="python -m peixun handouts 尚未实现（handouts 分支未合并）")
    chapters = len(load_course(project / "docs", project / "sources").chapters)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "peixun", "handouts", "--pdf", "--site", str(site)],
        cwd=project,
        env=_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-3:]
        return Handouts(True, None, chapters, f"失败（退出码 {proc.returncode}）：{' '.join(tail)}")
    return Handouts(True, seconds, chapters)


# --- profile ---------------------------------------------------------------------------------


def profile_build(project: Path, out: Path, top: int = 70) -> str:
    """Profile one build of ``project`` with pyinstrument (sampling, so little overhead).

    Writes the call tree to ``out`` and returns its first ``top`` lines (the costliest paths).
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    session = out.with_suffix(".pyisession")
    # A 10 ms interval keeps the profiler's own cost and memory small on a long build.
    cmd = [
        sys.executable,
        "-m",
        "pyinstrument",
        "-i",
        "0.01",
        "-r",
        "pyisession",
        "-o",
        str(session),
    ]
    mkdocs = ["-m", "mkdocs", "build", "-d", str(project / "site-profile"), "--no-strict"]
    proc = subprocess.run(
        [*cmd, *mkdocs], cwd=project, env=_env(), capture_output=True, text=True, check=False
    )
    shutil.rmtree(project / "site-profile", ignore_errors=True)
    if proc.returncode != 0:
        raise BenchError(f"剖析构建失败：{proc.stdout[-500:]}{proc.stderr[-500:]}")
    load = [sys.executable, "-m", "pyinstrument", "--load", str(session)]
    tree = [*load, "-r", "text", "-p", "show_all=false", "-o", str(out)]
    subprocess.run(tree, env=_env(), check=True, capture_output=True)
    session.unlink()
    lines = out.read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[:top])


# --- report ------------------------------------------------------------------------------------


@dataclass
class Results:
    machine: list[tuple[str, str]]
    comparison: Comparison | None = None
    scale: list[ScalePoint] = field(default_factory=list)
    rebuilds: list[Rebuild] = field(default_factory=list)
    weight: PageWeight | None = None
    handouts: Handouts | None = None
    profile_note: str = ""
    minutes: float = 0.0
    quick: bool = False


def describe_machine() -> list[tuple[str, str]]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return [
        ("CPU", f"{cpu}，{os.cpu_count()} 核（与同事共用）"),
        ("内存", memory),
        ("系统", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        ("MkDocs / Material", f"{version('mkdocs')} / {version('mkdocs-material')}"),
        ("测量时间", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("开始时负载", _load()),
    ]


def _load() -> str:
    """Load average: other work on this shared machine slows every build alike."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}（1/5/15 分钟平均）"


def _s(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def _kb(n: int | None) -> str:
    return "—" if n is None else f"{n / 1000:.1f} KB"


def _met(ok: bool | None) -> str:
    return "—" if ok is None else ("达到" if ok else "**未达到**")


def targets(r: Results) -> list[tuple[str, str, str]]:
    """(target, measured, met) for each target of the issue."""
    rows: list[tuple[str, str, str]] = []
    if r.comparison:
        ratio = r.comparison.ratio("cpu")
        rows.append(
            (
                "钩子使构建时间增加 ≤ 15%",
                f"+{(ratio - 1) * 100:.0f}%（CPU 时间中位数之比 {ratio:.2f}；"
                f"墙钟 {r.comparison.ratio():.2f}）",
                _met(ratio <= HOOKS_OVERHEAD),
            )
        )
    points = {p.lessons: p for p in r.scale}
    if len(r.scale) >= 2:
        small, large = r.scale[0], r.scale[-1]
        factor = large.lessons / small.lessons
        ratio = large.ours.cpu / small.ours.cpu
        plain = (
            f"；纯 Material {large.plain.cpu / small.plain.cpu:.1f} ×"
            if large.plain and small.plain
            else ""
        )
        rows.append(
            (
                f"N={large.lessons} 构建时间 ≤ {factor:.0f} × N={small.lessons}（无平方级步骤）",
                f"{ratio:.1f} ×（CPU 时间；墙钟 {large.ours.wall / small.ours.wall:.1f} ×{plain}）",
                _met(ratio <= factor),
            )
        )
    if points:
        large = r.scale[-1]
        rows.append(
            (
                f"N={large.lessons} 峰值内存 ≤ 1 GiB",
                f"{large.ours.max_rss / MIB:.0f} MiB",
                _met(large.ours.max_rss <= PEAK_MEMORY),
            )
        )
    if r.weight:
        quiz = r.weight.quiz()
        rows.append(
            (
                "测验 JS+CSS gzip 后 ≤ 8 KB",
                _kb(quiz.gzipped) if quiz else "（尚无测验资源）",
                _met(quiz.gzipped <= QUIZ_GZIP) if quiz else "—",
            )
        )
        total = r.weight.total()
        rows.append(
            (
                "一个课文页传输量 ≤ 300 KB",
                f"{_kb(total.raw)}（未压缩）；gzip 后 {_kb(total.gzipped)}",
                _met(total.raw <= LESSON_TRANSFER),
            )
        )
    return rows


def render(r: Results) -> str:
    """``bench/results.md``."""
    out = ["# 性能测量结果", ""]
    out.append(
        f"由 `python -m peixun bench{' --quick' if r.quick else ''}` 生成，用时 {r.minutes:.1f} 分钟。"
        "每次构建都是一个独立的 `python -m mkdocs build --no-strict` 子进程；"
        "墙钟时间含 Python 启动和导入（jieba 词典加载约 1 秒多），"
        "“MkDocs 计时”是 MkDocs 自己报告的“Documentation built in”。"
        "峰值内存是构建进程的最大常驻内存（`os.wait4` 的 `ru_maxrss`）。"
    )
    out += ["", "## 机器", "", "| 项目 | 情况 |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in r.machine]
    out += ["", "## 目标", "", "| 目标 | 测得 | 结论 |", "|---|---|---|"]
    out += [f"| {a} | {b} | {c} |" for a, b, c in targets(r)]
    if r.comparison:
        c = r.comparison
        out += [
            "",
            f"## 1. 本项目与纯 mkdocs-material（同一份 docs，交替构建，各 {len(c.ours)} 次）",
            "",
            "纯 mkdocs-material：同一个 mkdocs.yml 去掉 `hooks:`、`extra_css:`、`extra_javascript:`。",
            "",
            "| 构建 | CPU 中位数（秒） | 墙钟中位数（秒） | MkDocs 计时中位数（秒） | 峰值内存 "
            "| 各次 CPU（秒） | 各次墙钟（秒） |",
            "|---|---|---|---|---|---|---|",
        ]
        for which, builds in (("ours", c.ours), ("plain", c.plain)):
            cpus = "、".join(f"{b.cpu:.2f}" for b in builds)
            walls = "、".join(f"{b.wall:.2f}" for b in builds)
            rss = max(b.max_rss for b in builds) / MIB
            out.append(
                f"| {_which(which)} | {c.median(which, 'cpu'):.2f} | {c.median(which):.2f} "
                f"| {_s(c.median(which, 'built_in'))} | {rss:.0f} MiB | {cpus} | {walls} |"
            )
        out.append(
            f"| 比值 | {c.ratio('cpu'):.2f} | {c.ratio():.2f} | {c.ratio('built_in'):.2f} | | | |"
        )
    if r.scale:
        out += [
            "",
            "## 2. 合成课程的规模（`python -m peixun synth`，每章约 10 课、每课约 10 题）",
            "",
            "每课时间 = CPU 时间 ÷ 课数。内容检查与读入课程在本进程中单独计时。",
            "",
            "| 课数 N | 题数 | CPU（秒） | 墙钟（秒） | MkDocs 计时（秒） | 每课 CPU（毫秒） "
            "| 峰值内存 | 纯 Material CPU（秒） | 纯 Material 峰值内存 | 读入课程（秒） "
            "| 内容检查（秒） | 网站大小 | 一个课文页 HTML | 搜索索引 | 警告数 |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for p in r.scale:
            per = p.ours.cpu / p.lessons * 1000
            plain_rss = f"{p.plain.max_rss / MIB:.0f} MiB" if p.plain else "—"
            out.append(
                f"| {p.lessons} | {p.questions} | {p.ours.cpu:.1f} | {p.ours.wall:.1f} "
                f"| {_s(p.ours.built_in, 1)} | {per:.0f} | {p.ours.max_rss / MIB:.0f} MiB "
                f"| {_s(p.plain.cpu if p.plain else None, 1)} | {plain_rss} "
                f"| {p.load_seconds:.2f} | {p.check_seconds:.2f} | {p.site_bytes / MIB:.0f} MiB "
                f"| {_kb(p.lesson_html_bytes)} | {p.search_index_bytes / MIB:.1f} MiB "
                f"| {p.ours.warnings} |"
            )
    if r.rebuilds:
        out += [
            "",
            "## 3. `mkdocs serve` 修改后重建（真实课程）",
            "",
            "| 修改的文件 | 从保存到重建完成（秒） | MkDocs 计时（秒） |",
            "|---|---|---|",
        ]
        for b in r.rebuilds:
            seconds = _s(b.seconds) if b.seconds is not None else "**未触发重建**"
            out.append(f"| `{b.what}` | {seconds} | {_s(b.built_in)} |")
    if r.weight:
        w = r.weight
        out += ["", f"## 4. 页面体积（真实课程，课文页 `{w.lesson}`）", ""]
        out += ["| 内容 | 原始 | gzip -9 |", "|---|---|---|"]
        for name, weight in (("quiz.js", w.quiz_js), ("quiz.css", w.quiz_css)):
            if weight:
                out.append(f"| {name} | {_kb(weight.raw)} | {_kb(weight.gzipped)} |")
        if q := w.quiz():
            out.append(f"| 测验 JS+CSS 合计 | {_kb(q.raw)} | {_kb(q.gzipped)} |")
        if w.search_index:
            out.append(f"| 搜索索引 | {_kb(w.search_index.raw)} | {_kb(w.search_index.gzipped)} |")
        total = w.total()
        out.append(f"| **课文页传输合计** | **{_kb(total.raw)}** | **{_kb(total.gzipped)}** |")
        out += ["", f"测量方法：{w.method}。各文件：", ""]
        out += ["| 文件 | 原始 | gzip -9 |", "|---|---|---|"]
        for url, weight in sorted(w.transfer.items(), key=lambda kv: -kv[1].raw):
            out.append(f"| `{url}` | {_kb(weight.raw)} | {_kb(weight.gzipped)} |")
    if r.handouts:
        h = r.handouts
        out += ["", "## 5. PDF 讲义", ""]
        if h.seconds is not None:
            out.append(
                f"`python -m peixun handouts --pdf`：{h.chapters} 章共 {h.seconds:.1f} 秒，"
                f"每章 {_s(h.per_chapter())} 秒。"
            )
        else:
            out.append(h.note)
    if r.profile_note:
        out += ["", "## 剖析", "", r.profile_note.strip()]
    return "\n".join(out) + "\n"


# --- command ---------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quick",
        action="store_true",
        help="快速版（约 1～2 分钟）：交替构建各 3 次，合成课程 N=20 与 N=100，不跑 N=1000",
    )
    parser.add_argument("--runs", type=int, help="交替构建的次数（默认 5，--quick 为 3）")
    parser.add_argument(
        "--lessons",
        type=int,
        nargs="+",
        help="合成课程的课数（默认 100 1000，--quick 为 20 100）",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="另用 pyinstrument 剖析一次最大的合成课程的构建，调用树写入 bench/",
    )
    parser.add_argument("--no-browser", action="store_true", help="页面体积不用浏览器测量")
    parser.add_argument(
        "--output",
        type=Path,
        default=Path("bench/results.md"),
        help="结果文件，默认 bench/results.md",
    )
    parser.add_argument(
        "--project", type=Path, default=Path("."), help="项目文件夹，默认当前文件夹"
    )


def run(args: argparse.Namespace) -> int:
    source = args.project.resolve()
    if not (source / "mkdocs.yml").is_file():
        print(f"错误：{source} 中没有 mkdocs.yml，请在项目根目录运行。", file=sys.stderr)
        return 1
    runs = args.runs or (3 if args.quick else 5)
    sizes = sorted(args.lessons or ([20, 100] if args.quick else [100, 1000]))
    started = time.perf_counter()

    def say(text: str) -> None:
        elapsed = (time.perf_counter() - started) / 60
        print(f"[{elapsed:4.1f} 分] {text}", flush=True)

    results = Results(describe_machine(), quick=args.quick)
    try:
        with tempfile.TemporaryDirectory(prefix="peixun-bench-") as tmp:
            work = Path(tmp)
            project = copy_project(source, work / "course")
            say(f"1. 本项目与纯 mkdocs-material 交替构建，各 {runs} 次")
            results.comparison = compare(project, runs, say)
            say(f"   比值 {results.comparison.ratio():.2f}")
            say("2. 合成课程：" + "、".join(f"N={n}" for n in sizes))
            for n in sizes:
                results.scale.append(scale_point(source, work, n, True, say))
            say("3. mkdocs serve：修改题库与课文后的重建")
            edits = sorted((project / "quizzes").rglob("*.yml"))[:1]
            edits += [
                project
                / "docs"
                / load_course(project / "docs", project / "sources").lessons()[0].src_path
            ]
            results.rebuilds = serve_rebuilds(project, edits)
            for b in results.rebuilds:
                say(
                    f"   {b.what}：{f'{b.seconds:.2f} 秒' if b.seconds is not None else '未触发重建'}"
                )
            say("4. 页面体积")
            results.weight = page_weight(project / "site-ours", project, not args.no_browser)
            say("5. PDF 讲义")
            results.handouts = time_handouts(project, project / "site-ours")
            if args.profile:
                say(f"剖析 N={sizes[-1]} 的构建（cProfile）")
                out = args.output.resolve().parent / f"profile-N{sizes[-1]}.txt"
                out.parent.mkdir(parents=True, exist_ok=True)
                top = profile_build(work / f"synth-{sizes[-1]}", out)
                results.profile_note = (
                    f"pyinstrument 调用树全文见 `{out.name}`；开头部分：\n\n```\n"
                    + top.strip()
                    + "\n```"
                )
    except BenchError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    results.minutes = (time.perf_counter() - started) / 60
    results.machine.append(("结束时负载", _load()))
    report = render(results)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    notes = _kept_notes(args.output)
    args.output.write_text(report + notes, encoding="utf-8")
    print()
    print(report)
    print(f"已写入 {args.output}")
    return 0


NOTES_HEADING = "## 分析与说明"


def _kept_notes(path: Path) -> str:
    """The hand-written analysis at the end of an earlier results file, kept across runs."""
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8")
    at = text.find(NOTES_HEADING)
    return "\n" + text[at:] if at >= 0 else ""


if __name__ == "__main__":  # python -m peixun.bench, without the other commands
    _parser = argparse.ArgumentParser(prog="python -m peixun.bench")
    add_arguments(_parser)
    sys.exit(run(_parser.parse_args()))
