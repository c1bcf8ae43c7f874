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
    "stylesheets/print.css",
    "present/present.css",  # 演示 (peixun.present)
    "records/records.css",  # 学习记录 sheets and 学习计划 (peixun.records)
)
SCRIPTS = ("quiz/quiz.js", "search/search-zh.js", "present/present.js", "records/plan.js")
POLYFILLS = ("vendor/iframe-worker-shim.js",)  # npm iframe-worker 1.0.4, MIT (licence beside it)
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
