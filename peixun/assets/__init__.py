"""The files every course's site needs at run time, shipped inside the package.

They reach a site at build time (``peixun.site.hooks.assets``), under ``SITE_FOLDER``, so a
course's ``docs/`` holds only its content and upgrading peixun upgrades every course.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
SITE_FOLDER = "assets/peixun"
"""Where the files are placed in the built site (relative to its root)."""

STYLESHEETS = (
    "stylesheets/site.css",
    "quiz/quiz.css",
    "record/record.css",
    "exam/exam.css",
    "stylesheets/print.css",
    "present/present.css",  # 演示 (peixun.present)
    "records/records.css",  # 学习记录 sheets and 学习计划 (peixun.records)
)
SCRIPTS = (
    "quiz/quiz.js",
    # after quiz.js (they use window.peixun.store and .quiz); the loader brings the exam's
    # own scripts (exam/draw.js, result.js, exam.js) to the pages that have an exam
    "exam/loader.js",
    "exam/review.js",
    "record/record.js",
    "record/record-exchange.js",
    "record/record-pages.js",
    "search/search-zh.js",
    "present/present.js",
    "records/plan.js",
    "scorm/scorm.js",  # last: it uses quiz.js's store (window.peixun.store)
)
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
