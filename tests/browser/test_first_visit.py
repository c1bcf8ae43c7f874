"""A learner's first visit: the lesson is readable before any script, and nothing moves after.

The quiz's layout is the same with and without JavaScript (the score line, the submit row
and the order buttons have their room before quiz.js fills it), so the page does not shift
when quiz.js starts, wherever the learner is on the page.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.quizhelp import LESSON1, LESSON2, ready

# Lesson pages carry their questions; the chapter tests and the exam load theirs per chapter
# when the learner starts (issue 12's page weight), so they have no quiz before scripts.
PAGES = [LESSON1, LESSON2]
PHONE = {"width": 360, "height": 740}
BOXES = """() => Array.from(document.querySelectorAll('.px-quiz > *'), (e) => {
  const box = e.getBoundingClientRect();
  return [e.className, Math.round(box.top + scrollY), Math.round(box.height)];
})"""
# Every layout shift the page makes without the learner's input, summed as CLS is.
WATCH_SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
}).observe({ type: "layout-shift", buffered: true });"""


def _boxes(browser: Browser, url: str, javascript: bool) -> list[Any]:
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        if javascript:
            ready(page)
        boxes: list[Any] = page.evaluate(BOXES)
        return boxes
    finally:
        context.close()


def test_lesson_text_and_questions_are_readable_without_javascript(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + LESSON1)
    assert page.locator("article h1").first.is_visible()
    assert page.locator("article p").first.is_visible()
    stems = page.locator(".px-quiz__stem")
    assert stems.count() > 0
    for i in range(stems.count()):
        assert stems.nth(i).is_visible(), f"question {i + 1} is not shown before scripts"
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_the_quiz_keeps_its_layout_when_its_script_starts(
    browser: Browser, site_url: str, path: str
) -> None:
    before = _boxes(browser, site_url + path, javascript=False)
    after = _boxes(browser, site_url + path, javascript=True)
    assert before, "no quiz on the page"
    assert after == before


def test_opening_a_lesson_at_its_quiz_shifts_nothing(page: Page, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.add_init_script(WATCH_SHIFTS)
    page.goto(site_url + LESSON1 + "#zice", wait_until="networkidle")
    ready(page)
    page.wait_for_timeout(500)  # shifts are reported after the frame that made them
    assert page.evaluate("window.__shifts") == []
