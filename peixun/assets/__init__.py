"""The files every course's site needs at run time, shipped inside the package.

They reach a site at build time (``peixun.site.hooks.assets``), under ``SITE_FOLDER``, so a
course's ``docs/`` holds only its content and upgrading peixun upgrades every course.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
SITE_FOLDER = "assets/peixun"
"""Where the files are placed in the built site (relative to its root)."""

STYLESHEETS = (
    "stylesheets/site.css",
    "quiz/quiz.css",
    "record/record.css",
    "stylesheets/print.css",
)
"""Stylesheets every page uses, in order (the pages' own follow: :data:`PAGE_ASSETS`)."""
SCRIPTS = (
    "quiz/quiz.js",
    # after quiz.js (they use window.peixun.store and .quiz); the loader also brings a page's
    # own scripts (PAGE_ASSETS) when instant navigation shows it
    "exam/loader.js",
    "exam/review.js",
    "record/record.js",
    "scorm/scorm.js",  # last: it uses quiz.js's store (window.peixun.store)
)
"""Scripts every page runs, in order."""


@dataclass(frozen=True)
class PageAssets:
    """Files only the pages carrying ``marker`` (an HTML attribute) use."""

    marker: str
    scripts: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()


PAGE_ASSETS = (
    # 演示 (peixun.present); its link on lesson pages is styled by site.css
    PageAssets("data-present", ("present/present.js",), ("present/present.css",)),
    # 学习计划 and 学习记录 sheets (peixun.records)
    PageAssets("data-plan", ("records/plan.js",), ("records/records.css",)),
    PageAssets("data-record", styles=("records/records.css",)),
    # 学习进度 (chart, progress exchange), 学习档案, 支部汇总 (reads learners' files)
    PageAssets("data-px-exchange", ("record/record-exchange.js",)),
    PageAssets("data-px-summary", ("record/record-exchange.js", "record/record-pages.js")),
    PageAssets("data-px-chart", ("record/record-pages.js",)),
    PageAssets("data-px-dossier", ("record/record-pages.js",)),
    # 综合测评 and the chapter tests: draw, result display, exam, in this order
    PageAssets("data-exam", ("exam/draw.js", "exam/result.js", "exam/exam.js"), ("exam/exam.css",)),
    PageAssets("data-review", styles=("exam/exam.css",)),  # 错题本
)
"""Which pages need which of the remaining files: the one place that says so. The build names
them in those pages' ``<head>`` (``peixun.site.hooks.assets``); exam/loader.js runs the scripts
when instant navigation brings such a page."""


def _marker_pattern(attribute: str) -> re.Pattern[str]:
    """The attribute on a real tag: escaped text (``&lt;div data-plan``) never matches."""
    return re.compile(rf"<[a-zA-Z][^<>]*\s{re.escape(attribute)}(?=[\s=>/])")


_MARKERS = [(_marker_pattern(entry.marker), entry) for entry in PAGE_ASSETS]


def page_assets(html: str) -> tuple[list[str], list[str]]:
    """(scripts, stylesheets) a page's HTML needs beyond every page's, once each, in order."""
    scripts: list[str] = []
    styles: list[str] = []
    for pattern, entry in _MARKERS:
        # the plain substring test first: most pages carry no marker, and it is far cheaper
        if entry.marker in html and pattern.search(html):
            scripts += [name for name in entry.scripts if name not in scripts]
            styles += [name for name in entry.styles if name not in styles]
    return scripts, styles


POLYFILLS = ("vendor/iframe-worker-shim.js",)  # npm iframe-worker 1.0.4, MIT (licence beside it)
# vendor/ts-fsrs.umd.js: npm ts-fsrs 5.4.2 dist/index.umd.js, MIT (licence beside it); not on
# every page: exam/review.js loads it when a page has questions.
PRINT_CSS = "stylesheets/print.css"


def site_path(name: str) -> str:
    """The site-relative path of a shipped file, e.g. ``assets/peixun/quiz/quiz.js``."""
    return f"{SITE_FOLDER}/{name}"


def shipped_files() -> list[tuple[str, Path]]:
    """(site path, file in the package) for every shipped file, licences included."""
    return [
        (site_path(path.relative_to(PACKAGE_DIR).as_posix()), path)
        for path in sorted(PACKAGE_DIR.rglob("*"))
        if path.is_file() and path.suffix in {".css", ".js", ".txt"}
    ]
