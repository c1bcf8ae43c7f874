"""A learner's first visit: elements per page, and layout shifts while the page starts.

Layout shifts are measured as Lighthouse does (CLS: the sum of every ``layout-shift`` entry a
``PerformanceObserver`` reports without recent input) in Chromium through Playwright, on a
phone-sized window, with the lesson opened at its top and at its quiz (``#zice``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from tests.browsing import launch, serve

PHONE = {"width": 360, "height": 740}
WATCH_SHIFTS = """window.__cls = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
}).observe({ type: "layout-shift", buffered: true });"""


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.count += 1


def element_count(html: str) -> int:
    """Elements in the page as built (before any script adds or removes some)."""
    parser = _Elements()
    parser.feed(html)
    return parser.count


@dataclass
class FirstVisit:
    lesson: str
    lesson_elements: int | None = None  # in Chromium, after the page's scripts ran
    largest: list[tuple[str, int]] = field(default_factory=list)  # the biggest pages as built
    pages: int = 0
    cls: dict[str, float] = field(default_factory=dict)  # where the lesson was opened -> CLS
    note: str = ""

    def largest_elements(self) -> int:
        return max((n for _, n in self.largest), default=0)


def first_visit(site: Path, lesson: Path, browser: bool = True) -> FirstVisit:
    """Element counts of every page, and the lesson's elements and CLS in Chromium."""
    counts = [
        (path.relative_to(site).as_posix(), element_count(path.read_text(encoding="utf-8")))
        for path in sorted(site.rglob("*.html"))
    ]
    counts.sort(key=lambda pair: -pair[1])
    result = FirstVisit(lesson.relative_to(site).as_posix(), largest=counts[:5], pages=len(counts))
    if not browser:
        return result
    try:
        from playwright.sync_api import sync_playwright

        with serve(site) as base, sync_playwright() as p:
            chromium = launch(p)
            for where in ("", "#zice"):
                context = chromium.new_context(viewport=PHONE)  # type: ignore[arg-type]
                page = context.new_page()
                page.add_init_script(WATCH_SHIFTS)
                page.goto(base + result.lesson + where, wait_until="networkidle")
                page.wait_for_timeout(1000)  # shifts are reported after the frame that made them
                result.cls["页首" if not where else "自测处（#zice）"] = float(
                    page.evaluate("window.__cls")
                )
                if not where:
                    result.lesson_elements = int(
                        page.evaluate("document.getElementsByTagName('*').length")
                    )
                context.close()
            chromium.close()
    except Exception as exc:  # no Chromium here: say so, keep the counts
        result.note = f"浏览器不可用（{type(exc).__name__}），未测布局偏移"
    return result
