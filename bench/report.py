"""``bench/results.md``: the machine, the targets met or missed, and every figure measured."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from bench.builds import Comparison, ScalePoint, which_name
from bench.common import MIB
from bench.firstvisit import FirstVisit
from bench.pdf import Handouts
from bench.serve import Rebuild
from bench.targets import targets
from bench.weight import PageWeight

NOTES_HEADING = "## 分析与说明"


@dataclass
class Results:
    machine: list[tuple[str, str]]
    comparison: Comparison | None = None
    scale: list[ScalePoint] = field(default_factory=list)
    rebuilds: list[Rebuild] = field(default_factory=list)
    weight: PageWeight | None = None
    visit: FirstVisit | None = None
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
        ("开始时负载", load_average()),
    ]


def load_average() -> str:
    """Load average: other work on this shared machine slows every build alike."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}（1/5/15 分钟平均）"


def _s(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def _kb(n: int) -> str:
    return f"{n / 1000:.1f} KB"


def _comparison(c: Comparison) -> list[str]:
    out = [
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
            f"| {which_name(which)} | {c.median(which, 'cpu'):.2f} | {c.median(which):.2f} "
            f"| {_s(c.median(which, 'built_in'))} | {rss:.0f} MiB | {cpus} | {walls} |"
        )
    out.append(
        f"| 比值 | {c.ratio('cpu'):.2f} | {c.ratio():.2f} | {c.ratio('built_in'):.2f} | | | |"
    )
    return out


def _scale(points: list[ScalePoint]) -> list[str]:
    out = [
        "",
        "## 2. 合成课程的规模（`python -m bench.synth`，每章约 10 课、每课约 10 题）",
        "",
        "每课时间 = CPU 时间 ÷ 课数。内容检查与读入课程在本进程中单独计时。",
        "",
        "| 课数 N | 题数 | CPU（秒） | 墙钟（秒） | MkDocs 计时（秒） | 每课 CPU（毫秒） "
        "| 峰值内存 | 纯 Material CPU（秒） | 纯 Material 峰值内存 | 读入课程（秒） "
        "| 内容检查（秒） | 网站大小 | 纯 Material 网站 | 一个课文页 HTML | 搜索索引 "
        "| 第一次搜索下载 | 警告数 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for p in points:
        per = p.ours.cpu / p.lessons * 1000
        out.append(
            f"| {p.lessons} | {p.questions} | {p.ours.cpu:.1f} | {p.ours.wall:.1f} "
            f"| {_s(p.ours.built_in, 1)} | {per:.0f} | {p.ours.max_rss / MIB:.0f} MiB "
            f"| {p.plain.cpu:.1f} | {p.plain.max_rss / MIB:.0f} MiB "
            f"| {p.load_seconds:.2f} | {p.check_seconds:.2f} | {p.site_bytes / MIB:.0f} MiB "
            f"| {p.plain_site_bytes / MIB:.0f} MiB "
            f"| {_kb(p.lesson_html_bytes)} | {p.search_index_bytes / MIB:.1f} MiB "
            f"| {_kb(max(d.bytes for d in p.first_searches)) if p.first_searches else '—'} "
            f"| {p.ours.warnings} |"
        )
    return out


def _rebuilds(rebuilds: list[Rebuild]) -> list[str]:
    out = [
        "",
        "## 3. `mkdocs serve` 修改后重建（真实课程）",
        "",
        "课文加一段标记文字，反复取页面直到它出现；题库加一个空行（页面上看不出），"
        "计到 MkDocs 报告重建完成（随后 livereload 让浏览器重新载入）。"
        "纯 Material 一行是同一份 docs 不带钩子时 serve 的重建，作为下限。",
        "",
        "| 配置 | 修改的文件 | 从保存到页面显示（秒） | 从保存到重建完成（秒） | MkDocs 计时（秒） "
        "| serve 进程 CPU（秒） |",
        "|---|---|---|---|---|---|",
    ]
    for b in rebuilds:
        seconds = _s(b.seconds) if b.seconds is not None else "**未触发重建**"
        which = "纯 Material" if b.config != "mkdocs.yml" else "本项目"
        out.append(
            f"| {which} | `{b.what}` | {_s(b.shown)} | {seconds} | {_s(b.built_in)} | {_s(b.cpu)} |"
        )
    return out


def _visit(v: FirstVisit) -> list[str]:
    out = ["", f"## 4b. 首次访问：元素数与布局偏移（`{v.lesson}`）", ""]
    if v.lesson_elements is not None:
        out.append(f"课文页在 Chromium 中脚本运行后共 {v.lesson_elements:,} 个元素。")
    for where, value in v.cls.items():
        out.append(f"- 打开在{where}：CLS {value:.3f}（360×740 窗口，PerformanceObserver）")
    if v.note:
        out.append(v.note + "。")
    out += ["", f"构建出的 {v.pages} 页中元素最多的（未运行脚本）：", ""]
    out += ["| 页面 | 元素 |", "|---|---|"]
    out += [f"| `{page}` | {n:,} |" for page, n in v.largest]
    return out


def _weight(w: PageWeight) -> list[str]:
    out = ["", f"## 4. 页面体积（真实课程，课文页 `{w.lesson}`）", ""]
    out += ["| 内容（网站中的文件，JS/CSS 已压缩） | 原始 | gzip -9 |", "|---|---|---|"]
    for name, weight in (("quiz.js", w.quiz_js), ("quiz.css", w.quiz_css)):
        out.append(f"| {name} | {_kb(weight.raw)} | {_kb(weight.gzipped)} |")
    q = w.quiz()
    out.append(f"| 测验 JS+CSS 合计 | {_kb(q.raw)} | {_kb(q.gzipped)} |")
    if w.search_index:
        out.append(f"| 搜索索引 | {_kb(w.search_index.raw)} | {_kb(w.search_index.gzipped)} |")
    total = w.total()
    out.append(f"| **课文页传输合计** | **{_kb(total.raw)}** | **{_kb(total.gzipped)}** |")
    out += ["", f"测量方法：{w.method}。各文件：", ""]
    out += ["| 文件 | 原始 | gzip -9 |", "|---|---|---|"]
    for url, weight in sorted(w.transfer.items(), key=lambda kv: -kv[1].raw):
        out.append(f"| `{url}` | {_kb(weight.raw)} | {_kb(weight.gzipped)} |")
    return out


def _handouts(h: Handouts) -> list[str]:
    out = ["", "## 5. PDF 讲义", ""]
    if h.seconds is not None:
        out.append(
            f"`python -m peixun handouts --pdf`：{h.chapters} 章共 {h.seconds:.1f} 秒，"
            f"每章 {_s(h.per_chapter())} 秒。"
        )
    else:
        out.append(h.note)
    return out


def render(r: Results) -> str:
    """``bench/results.md`` without the hand-written notes."""
    out = ["# 性能测量结果", ""]
    out.append(
        f"由 `python -m bench{' --quick' if r.quick else ''}` 生成，用时 {r.minutes:.1f} 分钟。"
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
        out += _comparison(r.comparison)
    if r.scale:
        out += _scale(r.scale)
    if r.rebuilds:
        out += _rebuilds(r.rebuilds)
    if r.weight:
        out += _weight(r.weight)
    if r.visit:
        out += _visit(r.visit)
    if r.handouts:
        out += _handouts(r.handouts)
    if r.profile_note:
        out += ["", "## 剖析", "", r.profile_note.strip()]
    return "\n".join(out) + "\n"


def kept_notes(path: Path) -> str:
    """The hand-written analysis at the end of an earlier results file, kept across runs."""
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8")
    at = text.find(NOTES_HEADING)
    return "\n" + text[at:] if at >= 0 else ""
