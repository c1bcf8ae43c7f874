"""Page weight: the quiz's own files and everything a lesson page transfers."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from bench.builds import first_lesson_html
from bench.common import BenchError
from peixun.assets import site_path
from tests.browsing import launch, serve


@dataclass
class Weight:
    raw: int
    gzipped: int


def weigh(data: bytes) -> Weight:
    return Weight(len(data), len(gzip.compress(data, compresslevel=9, mtime=0)))


@dataclass
class PageWeight:
    quiz_js: Weight
    quiz_css: Weight
    lesson: str
    transfer: dict[str, Weight] = field(default_factory=dict)  # URL path -> bytes
    method: str = ""
    search_index: Weight | None = None

    def total(self) -> Weight:
        return Weight(
            sum(w.raw for w in self.transfer.values()),
            sum(w.gzipped for w in self.transfer.values()),
        )

    def quiz(self) -> Weight:
        return Weight(
            self.quiz_js.raw + self.quiz_css.raw, self.quiz_js.gzipped + self.quiz_css.gzipped
        )


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

    out: dict[str, Weight] = {}
    outside: list[str] = []
    with serve(site) as base_url, sync_playwright() as p:
        base = base_url.rstrip("/")
        browser = launch(p)
        pg = browser.new_context().new_page()
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
    if outside:
        raise BenchError("页面向站外发出了请求：" + "、".join(outside))
    return out


def page_weight(site: Path, project: Path, browser: bool) -> PageWeight:
    """The first lesson's weight, measured in Chromium or, with ``browser=False``, from its HTML."""

    def asset(rel: str) -> Weight | None:
        path = site / rel
        return weigh(path.read_bytes()) if path.is_file() else None

    def required(rel: str) -> Weight:
        weight = asset(rel)
        if weight is None:
            raise BenchError(f"网站中没有 {rel}：构建没有带入测验的脚本和样式。")
        return weight

    page = first_lesson_html(site, project)
    result = PageWeight(
        required(site_path("quiz/quiz.js")),
        required(site_path("quiz/quiz.css")),
        page.relative_to(site).as_posix(),
    )
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
