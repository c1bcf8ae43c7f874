"""axe-core over every page type, light and dark: no serious or critical violation.

axe-core (MPL-2.0, on npm) is installed once per machine into a cache folder outside the
repository, like gift-pegjs for the GIFT tests, and injected into each page after it is set up.
The moderate and minor findings that remain are listed in README (无障碍).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.quizhelp import LESSON1, answer, choose, question, ready
from tests.browser.recordhelp import record_ready, summary_with_files
from tests.npm import npm_package

AXE_CORE = "axe-core@4.14.1"
SCHEMES = {"light": "default", "dark": "slate"}
"""prefers-color-scheme → the Material scheme the page must then show (mkdocs.yml palette)."""

EXCLUDED: dict[str, str] = {}
"""rule id → CSS selector prefix of a node inside Material's own markup that no CSS or template
override can fix (each one explained in README, 无障碍). Never our own markup."""

pytestmark = pytest.mark.usefixtures("no_script_errors")


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe.min.js from the npm cache folder."""
    return npm_package(AXE_CORE, "无障碍测试") / "node_modules" / "axe-core" / "axe.min.js"


def visit(page: Page, url: str) -> None:
    page.goto(url)
    if page.locator("[data-quiz], [data-progress]").count():
        ready(page)
    if page.locator("[data-exam][data-kind=chapter], [data-review]").count():
        page.wait_for_selector("[data-quiz][data-ready]", state="attached")  # loaded on demand
    record_ready(page)  # the lesson states in the nav, the record pages filled in


def exam(page: Page, url: str, count: int | None = None) -> None:
    """The exam started and the first ``count`` questions answered; all of them and handed
    in when ``count`` is None."""
    page.goto(url)
    page.get_by_role("button", name="开始考试").click()
    page.wait_for_selector("[data-answer-sheet]")
    shown = page.locator(".px-exam__questions [data-question]")
    for i in range(shown.count() if count is None else count):
        choose(shown.nth(i), correct=i % 2 == 0)
    if count is None:
        page.get_by_role("button", name="交卷").click()
        page.wait_for_selector("[data-exam][data-state=submitted]")


def answer_all(page: Page, url: str, count: int | None = None) -> None:
    """Answer the visible questions (the first ``count``), alternately right and wrong."""
    visit(page, url)
    shown = page.locator("[data-question]:visible")
    for i in range(shown.count() if count is None else count):
        answer(shown.nth(i), correct=i % 2 == 0)


def lesson_answered(page: Page, site: str) -> None:
    """Lesson 1 after answering each of its questions, which cover every question type."""
    answer_all(page, site + LESSON1)
    kinds = page.eval_on_selector_all("[data-question]", "qs => qs.map(q => q.dataset.type)")
    assert set(kinds) == {"single", "multiple", "truefalse", "fill", "order"}


def wrong_book_full(page: Page, site: str) -> None:
    visit(page, site + LESSON1)
    answer(question(page, "diwei-qiaoliang"), correct=False)
    visit(page, site + "cuoti-ben.html")


def presenting(page: Page, url: str, kind: str = "", dark: bool = False) -> None:
    """The 演示 view on its first screen of ``kind`` (a quiz with its answer shown), light or dark."""
    page.goto(url)
    page.wait_for_selector("[data-present][data-ready]", state="attached")
    if dark:
        page.get_by_role("button", name="深色").click()
    if kind:
        n = page.evaluate(
            "k => 1 + Array.from(document.querySelectorAll('[data-slide]'))"
            ".findIndex(s => s.classList.contains('px-present__slide--' + k))",
            kind,
        )
        page.goto(f"{url}#{n}")
        page.reload()
        page.wait_for_selector("[data-present][data-ready]", state="attached")
    if kind == "quiz":
        page.get_by_role("button", name="显示答案").click()


PRESENT = "present/01-juese-renzhi/01-diwei-zuoyong.html"

PAGES: dict[str, Callable[[Page, str], None]] = {
    "home": lambda p, s: visit(p, s + "index.html"),
    "chapter": lambda p, s: visit(p, s + "01-juese-renzhi/index.html"),
    "lesson": lambda p, s: visit(p, s + LESSON1),
    "lesson-answered": lesson_answered,
    "chapter-test": lambda p, s: visit(p, s + "01-juese-renzhi/zhangjie-ceshi.html"),
    "exam-in-progress": lambda p, s: exam(p, s + "zonghe-ceping.html", count=3),
    "exam-submitted": lambda p, s: exam(p, s + "zonghe-ceping.html"),
    "chapter-test-submitted": lambda p, s: exam(p, s + "01-juese-renzhi/zhangjie-ceshi.html"),
    "progress": lambda p, s: visit(p, s + "xuexi-jindu.html"),
    "wrong-book-empty": lambda p, s: visit(p, s + "cuoti-ben.html"),
    "wrong-book-full": wrong_book_full,
    "record": lambda p, s: visit(p, s + "xuexi-dangan.html"),
    "branch-summary": lambda p, s: visit(p, s + "zhibu-huizong.html"),
    "branch-summary-filled": summary_with_files,
    "glossary": lambda p, s: visit(p, s + "glossary.html"),
    "sources": lambda p, s: visit(p, s + "sources.html"),
    "handout-student": lambda p, s: visit(p, s + "handouts/01-juese-renzhi-student.html"),
    "handout-teacher": lambda p, s: visit(p, s + "handouts/01-juese-renzhi-teacher.html"),
    "present": lambda p, s: presenting(p, s + PRESENT, "points"),
    "present-discussion": lambda p, s: presenting(p, s + PRESENT, "question"),
    "present-answer-dark": lambda p, s: presenting(p, s + PRESENT, "quiz", dark=True),
    "present-chapter": lambda p, s: presenting(p, s + "present/01-juese-renzhi.html"),
    "record-lesson": lambda p, s: visit(p, s + "records/01-juese-renzhi/01-diwei-zuoyong.html"),
    "record-chapter": lambda p, s: visit(p, s + "records/01-juese-renzhi.html"),
    "plan": lambda p, s: visit(p, s + "xuexi-jihua.html"),
}


def serious(results: dict[str, Any]) -> list[str]:
    """One line per serious or critical violation node not excused in EXCLUDED."""
    lines = []
    for rule in results["violations"]:
        if rule["impact"] not in ("serious", "critical"):
            continue
        for node in rule["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            prefix = EXCLUDED.get(rule["id"])
            if prefix is not None and target.startswith(prefix):
                continue
            lines.append(f"{rule['id']} ({rule['impact']}): {target} — {node['failureSummary']}")
    return lines


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_or_critical_axe_violation(
    page: Page, site_url: str, axe_script: Path, kind: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    PAGES[kind](page, site_url)
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert shown == SCHEMES[scheme]
    page.add_script_tag(path=axe_script)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = serious(results)
    assert found == [], f"{kind} ({scheme}, {page.url}):\n" + "\n".join(found)
