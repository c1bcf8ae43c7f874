"""Search benchmark: the site's own search against Pagefind, on the same built course.

    python -m bench.search            # from the project root, with the project's venv

Builds the course, indexes the same pages with Pagefind, runs the query set
(tests/search/queries.yml) through both in Debian's Chromium, and reports recall@1,
recall@3 and MRR, the index sizes and the query time in the browser (p50/p95).
The report is printed and written to bench/search-results.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from peixun.search.measure import (
    Answer,
    Engine,
    FirstSearch,
    first_search,
    material_search,
    pagefind_search,
)
from peixun.search.metrics import Scores, first_hit, percentile
from peixun.search.queryset import Query, load_queries
from peixun.search.split_index import indexed_documents, search_config
from tests.browsing import launch, serve
from tests.npm import npm_package
from tests.sitebuild import ROOT, build_env

QUERIES = ROOT / "tests" / "search" / "queries.yml"
PAGEFIND = "1.6.0"
REPORT = ROOT / "bench" / "search-results.md"
# Pagefind reads the same article body Material indexes, minus what Material leaves out.
PAGEFIND_ARGS = [
    "--root-selector", "article.md-content__inner",
    "--exclude-selectors", "[data-search-exclude]",
    "--exclude-selectors", ".headerlink",
    "--keep-index-url",
    "--quiet",
]  # fmt: skip
# The first search: a lesson opened cold, search opened and a query typed at once, with the
# page's CPU slowed 4× (Chromium's CDP throttling: the page and same-process frames, not Web
# Workers, so over HTTP Material's worker runs at full speed; from a folder it runs in an iframe).
FIRST_LESSON = "01-juese-renzhi/01-diwei-zuoyong.html"
FIRST_QUERY = "三会一课"
FIRST_RUNS = 10
CPU_SLOWDOWN = 4
FIRST_SEARCH_NOTE = [
    "目标是输入后 ≤ 400 ms。搜索在 peixun 自己的 worker 里运行（`peixun/assets/search/worker.js`），读构建时"
    "写好的分块索引：“worker 就绪”是从打开搜索到 worker 载入查询规则和索引的 meta（HTTP 下 worker 脚本这时"
    "才下载）；“worker 作答”是第一条查询从发出到答复，含载入查询里的字所在的词表块和要显示的页；“画出结果”"
    "是 Material 在减速的页面里画出结果列表，连同打开搜索框时页面的样式和布局计算，是现在最大的一段。"
    "机器负载高时三段都会变长。",
]
KINDS = {
    "term": "术语",
    "question": "问句",
    "partial": "半个词",
    "lay": "学员说法",
    "pinyin": "拼音",
}


@dataclass
class EngineRun:
    name: str
    answers: list[Answer]  # from the first timed pass
    times: list[float]  # every timed query, all passes (pass after pass, in query order)
    index_bytes: int
    index_gzip_bytes: int
    index_note: str


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_site(site: Path) -> None:
    log(f"构建站点 → {site}")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    proc = subprocess.run(
        cmd, cwd=ROOT, env=build_env(), capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        sys.exit(f"站点构建失败：\n{proc.stdout}{proc.stderr}")


def indexed_pages(site: Path) -> set[str]:
    """Pages that Material's search indexes (pages excluded from search are not in it)."""
    docs = indexed_documents(site)
    return {doc["location"].partition("#")[0] or "index.html" for doc in docs}


def run_pagefind(site: Path) -> None:
    """Index with Pagefind the pages Material indexes; other pages are taken out of the copy."""
    keep = indexed_pages(site)
    for page in site.rglob("*.html"):
        if page.relative_to(site).as_posix() not in keep:
            page.unlink()
    log(f"Pagefind {PAGEFIND} 建索引")
    cmd = [str(pagefind_binary()), "--site", str(site), "--output-subdir", "pagefind"]
    proc = subprocess.run(cmd + PAGEFIND_ARGS, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"Pagefind 失败：\n{proc.stdout}{proc.stderr}")


def pagefind_binary() -> Path:
    """Pagefind's extended build (Chinese segmentation) from npm: PyPI's ``pagefind`` stops
    at 1.5.2. Installed once per machine by tests.npm, like the other npm tools."""
    folder = npm_package(f"pagefind@{PAGEFIND}", "搜索评测的 Pagefind")
    found = sorted(folder.glob("node_modules/@pagefind/*/bin/pagefind_extended"))
    if not found:
        sys.exit(f"npm 的 pagefind@{PAGEFIND} 没有带 pagefind_extended（本机平台不受支持？）")
    return found[0]


def additions(site: Path) -> str:
    """What peixun adds to Material's index for the query side, and what it costs."""
    from peixun.search.pinyin import CONFIG_KEY as PINYIN_KEY
    from peixun.search.variants import CONFIG_KEY as VARIANTS_KEY

    config = search_config(site)
    table = config.get(PINYIN_KEY, [])
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode()
    variants = config.get(VARIANTS_KEY, [])
    return (
        f"本站索引里的拼音表（术语表的术语和各页标题，共 {len(table)} 条）占 {len(text) / 1024:.1f} KB"
        f"（gzip {len(gzip.compress(text, 9)) / 1024:.1f} KB），术语表的全称变体 {len(variants)} 对。"
    )


def sizes(files: list[Path]) -> tuple[int, int]:
    raw = sum(f.stat().st_size for f in files)
    zipped = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
    return raw, zipped


def run_engine(ask: Engine, queries: list[Query], passes: int) -> tuple[list[Answer], list[float]]:
    for query in queries:  # warm-up: the index is loaded, caches are filled
        ask(query.query)
    answers: list[Answer] = []
    times: list[float] = []
    for n in range(passes):
        for query in queries:
            answer = ask(query.query)
            times.append(answer.ms)
            if n == 0:
                answers.append(answer)
    return answers, times


def measure(site: Path, queries: list[Query], passes: int, only: str | None) -> list[EngineRun]:
    from playwright.sync_api import sync_playwright

    material_files = [
        f for f in (site / "search").rglob("*") if f.suffix in (".js", ".json") and f.is_file()
    ]
    pagefind_files = [f for f in (site / "pagefind").rglob("*") if f.is_file()]  # may be none
    runs: list[EngineRun] = []
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
        for name, make, files, note in (
            ("本站搜索（jieba 分词 + peixun 的搜索 worker）", material_search, material_files,
             "search/ 下全部文件：分块索引 search/peixun/（一次查询只载入其中一部分）和只剩 config 的 "
             "search_index.json、search_index.js"),
            (f"Pagefind {PAGEFIND}（extended，中文分词）", pagefind_search, pagefind_files,
             "pagefind/ 目录全部文件（按需加载其中一部分）"),
        ):  # fmt: skip
            if only and only not in make.__name__:
                continue
            log(f"查询：{name}")
            page = context.new_page()
            page.set_default_timeout(15_000)
            answers, times = run_engine(make(page, base_url), queries, passes)
            page.close()
            raw, zipped = sizes(files)
            runs.append(EngineRun(name, answers, times, raw, zipped, note))
        browser.close()
    return runs


def measure_first_searches(site: Path, runs: int) -> dict[str, list[FirstSearch]]:
    """``runs`` first searches over HTTP and from the folder, each in a fresh browser profile."""
    from playwright.sync_api import sync_playwright

    found: dict[str, list[FirstSearch]] = {"HTTP": [], "file://": []}
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = launch(playwright)
        for name, url in (
            ("HTTP", base_url + FIRST_LESSON),
            ("file://", (site / FIRST_LESSON).as_uri()),
        ):
            log(f"首次搜索：{name}，{runs} 次，CPU 减速 {CPU_SLOWDOWN}×")
            for _ in range(runs):
                context = browser.new_context(
                    locale="zh-CN", viewport={"width": 1280, "height": 900}
                )
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
                found[name].append(first_search(page, url, FIRST_QUERY))
                context.close()
        browser.close()
    return found


def first_search_report(found: dict[str, list[FirstSearch]]) -> list[str]:
    lines = [
        "## 首次搜索（索引按需加载）",
        "",
        f"打开课文 `{FIRST_LESSON}`（每次新的浏览器配置，无缓存），不碰搜索时不下载索引（HTTP 下也不下载"
        f"搜索 worker）；按 `/` 打开搜索后立即输入“{FIRST_QUERY}”，这时才下载索引里要用的部分。Chromium 经 CDP "
        f"`Emulation.setCPUThrottlingRate` 把页面的 CPU 减速 {CPU_SLOWDOWN}×（只作用于页面和同进程的 "
        "iframe，不作用于 Web Worker：HTTP 下搜索 worker 以全速运行，从文件夹打开时它在 iframe 里运行，"
        "一同减速）。",
        "",
        "| 打开方式 | 次数 | 打开页面时请求索引 / worker | 输入后到第一条结果 p50 / p95 | 打开搜索到第一条结果 p50 / p95 "
        "| 其中：worker 就绪 / worker 作答 / 画出结果（p50） |",
        "|---|---|---|---|---|---|",
    ]
    for name, runs in found.items():
        typing = [r.after_typing_ms for r in runs]
        opening = [r.after_opening_ms for r in runs]
        loads = sum(r.index_loads_before for r in runs)
        workers = sum(r.worker_loads_before for r in runs)
        lines.append(
            f"| {name} | {len(runs)} | {loads} / {workers} 次 | "
            f"{percentile(typing, 50):.0f} ms / {percentile(typing, 95):.0f} ms | "
            f"{percentile(opening, 50):.0f} ms / {percentile(opening, 95):.0f} ms | "
            + " / ".join(
                f"{percentile([getattr(r, phase) for r in runs], 50):.0f} ms"
                for phase in ("loading_ms", "answering_ms", "drawing_ms")
            )
            + " |"
        )
    return [*lines, "", *FIRST_SEARCH_NOTE, ""]


def kb(n: int) -> str:
    return f"{n / 1024:.0f} KB"


def report(
    runs: list[EngineRun],
    queries: list[Query],
    passes: int,
    took: float,
    load: str,
    first: dict[str, list[FirstSearch]],
    extra: str = "",
) -> str:
    lines = [
        "# 搜索评测结果",
        "",
        f"- 时间：{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}；"
        f"查询集：{len(queries)} 条（tests/search/queries.yml）；"
        f"计时：每条查询 {passes} 轮（先预热一轮不计）；用时 {took:.0f} 秒",
        f"- 机器：{os.cpu_count()} 核；测量期间的平均负载（1 分钟）：{load}",
        "- 排名：本站搜索按 Material 给每条结果的得分（结果列表按页分组，回车打开得分最高的一条；"
        "只作分组标题、得分为 0 的页面链接不算）；Pagefind 按它的页面顺序，页内各部分按命中词数"
        "（Pagefind 界面挑选小节的依据）。命中查询集里列出的任一小节即为找到。",
        "- 用时：本站搜索从松开按键到结果列表画好（含 worker 往返和渲染）；Pagefind 从调用 "
        "search() 到取回前 10 个页面的数据（不含渲染）。机器负载会明显影响用时；"
        "“每条取最快一轮”取每条查询几轮中最快的一次，较接近空闲机器上的用时。",
        f"- Pagefind {PAGEFIND}（npm 包的 extended 版，建索引时切中文词）按它的默认用法测量，"
        "没有为本课程调参；拼音查询它不支持。",
        "",
        "| 引擎 | recall@1 | recall@3 | MRR | 索引大小（gzip） | 查询用时 p50 / p95 "
        "| 每条取最快一轮 p50 / p95 |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        ranks = [
            first_hit(a.ranked, q.locations()) for a, q in zip(run.answers, queries, strict=True)
        ]
        s = Scores.of(ranks)
        best = [min(run.times[i :: len(queries)]) for i in range(len(queries))]
        lines.append(
            f"| {run.name} | {s.recall_at_1:.1%} | {s.recall_at_3:.1%} | {s.mrr:.3f} | "
            f"{kb(run.index_bytes)}（{kb(run.index_gzip_bytes)}） | "
            f"{percentile(run.times, 50):.1f} ms / {percentile(run.times, 95):.1f} ms | "
            f"{percentile(best, 50):.1f} ms / {percentile(best, 95):.1f} ms |"
        )
    lines += ["", "索引大小指：" + "；".join(f"{r.name}：{r.index_note}" for r in runs), ""]
    if extra:
        lines += [extra, ""]
    if first:
        lines += first_search_report(first)
    lines += [
        "## 按查询类型（recall@3）",
        "",
        "| 类型 | 条数 | " + " | ".join(r.name for r in runs) + " |",
    ]
    lines.append("|---|---|" + "---|" * len(runs))
    for kind, label in KINDS.items():
        picked = [i for i, q in enumerate(queries) if q.kind == kind]
        cells = []
        for run in runs:
            ranks = [first_hit(run.answers[i].ranked, queries[i].locations()) for i in picked]
            cells.append(f"{Scores.of(ranks).recall_at_3:.0%}")
        lines.append(f"| {label} | {len(picked)} | " + " | ".join(cells) + " |")
    for run in runs:
        misses = []
        for answer, query in zip(run.answers, queries, strict=True):
            rank = first_hit(answer.ranked, query.locations())
            if rank is None or rank > 1:
                top = "、".join(answer.ranked[:3]) or "（无结果）"
                misses.append(f"| {query.query} | {rank or '—'} | {top} |")
        lines += ["", f"## {run.name}：没有排在第 1 的查询", ""]
        lines += (
            ["| 查询 | 名次 | 前三个结果 |", "|---|---|---|", *misses] if misses else ["（无）"]
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passes", type=int, default=3, help="timed passes over the query set")
    parser.add_argument("--site", type=Path, help="use this built site instead of building one")
    parser.add_argument("--only", choices=["material", "pagefind"], help="run one engine only")
    parser.add_argument(
        "--first-runs",
        type=int,
        default=FIRST_RUNS,
        help="first searches per way of opening (0: none)",
    )
    args = parser.parse_args()
    started = time.monotonic()
    queries = load_queries(QUERIES)
    with tempfile.TemporaryDirectory(prefix="peixun-search-bench-") as tmp:
        site = Path(tmp) / "site"
        if args.site:
            shutil.copytree(args.site, site)
        else:
            build_site(site)
        note = additions(site)
        load_before = os.getloadavg()[0]
        first = measure_first_searches(site, args.first_runs) if args.first_runs else {}
        if args.only != "material":
            run_pagefind(site)  # takes the pages Material does not index out of the copy
        runs = measure(site, queries, args.passes, args.only)
        load = f"开始 {load_before:.1f}，结束 {os.getloadavg()[0]:.1f}"
    text = report(runs, queries, args.passes, time.monotonic() - started, load, first, note)
    REPORT.write_text(text, encoding="utf-8")
    print(text)
    log(f"已写入 {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
