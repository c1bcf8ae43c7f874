"""Files only some pages use (peixun.assets.PAGE_ASSETS) reach those pages only, and those
pages still work when the learner comes to them from a lesson by instant navigation."""

from __future__ import annotations

import posixpath
import re

import pytest
from playwright.sync_api import Page, expect

from peixun.assets import PAGE_ASSETS, site_path
from peixun.record.coursemap import part_path
from tests.browser.quizhelp import LESSON1, ready
from tests.browsing import instant_navigation_here

pytestmark = pytest.mark.usefixtures("no_script_errors")

PAGE_ONLY = sorted({site_path(n) for e in PAGE_ASSETS for n in (*e.scripts, *e.styles)})
"""Every page-only file: 演示, 学习计划, 学习档案 and progress exchange, exam scripts…"""


def test_a_lesson_page_loads_none_of_the_other_pages_files(page: Page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url.split("?")[0]))
    page.goto(site_url + LESSON1, wait_until="networkidle")
    ready(page)
    assert site_url + site_path("quiz/quiz.js") in requested  # every page's files do come
    assert site_url + site_path("record/course-map.js") in requested
    for name in ("present/present.js", "records/plan.js", "record/record-pages.js"):
        assert site_path(name) in PAGE_ONLY
    loaded = [url for url in requested if url.removeprefix(site_url) in PAGE_ONLY]
    assert loaded == []
    # of the course map, the outline and the questions of this lesson's chapter only
    folder = site_url + posixpath.dirname(part_path("01-juese-renzhi")) + "/"
    parts = [u for u in requested if u.startswith(folder)]
    assert parts == [site_url + part_path("01-juese-renzhi")]
    # the lesson's own 演示 link keeps its look (site.css, not the 演示 page's present.css)
    link = page.locator(".px-present-link .md-button")
    assert link.evaluate("a => getComputedStyle(a).marginTop") == "0px"


@pytest.fixture
def instant(page: Page, site_url: str) -> Page:
    instant_navigation_here(page, site_url)
    return page


def go(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="导航栏").get_by_role("link", name=name, exact=True).click()


def test_from_a_lesson_each_page_kind_works_under_instant_navigation(
    instant: Page, site_url: str
) -> None:
    page = instant
    page.goto(site_url + LESSON1)
    ready(page)

    # 演示 is a view of its own, out of the sitemap: the link loads it afresh; its keys step
    page.get_by_role("link", name="演示", exact=True).click()
    showing = page.locator('[data-slide][aria-current="step"]')
    expect(showing.locator("h1")).to_have_text("党支部的地位与支部书记的关键作用")
    expect(page.locator(".md-header")).to_be_hidden()  # present.css
    page.keyboard.press("ArrowRight")
    expect(page.locator("[data-progress-text]")).to_contain_text(re.compile(r"^2 /"))
    page.get_by_role("link", name="退出演示").click()  # back to the lesson, instantly
    expect(page.locator(".md-header")).to_be_visible()
    ready(page)
    page.evaluate("window.__sameDocument = true")  # gone if the browser loads a new document

    go(page, "学习计划")  # the form appears and the months are laid out
    expect(page.locator(".px-plan__form")).to_be_visible()
    expect(page.locator("[data-plan-rows] tr").first).to_be_visible()

    go(page, "学习进度")  # progress exchange: export says how many records it wrote
    page.wait_for_selector("[data-px-exchange][data-ready]", state="attached")
    with page.expect_download():
        page.get_by_role("button", name="导出学习记录").click()
    expect(page.locator("[data-px-status]")).to_contain_text("已导出")

    for name in ("学习档案", "支部汇总"):  # their no-JavaScript note gives way to the page
        go(page, name)
        expect(page.locator("article .px-quiz__nojs").first).to_be_hidden()

    go(page, "综合测评")  # exam scripts and styles
    page.wait_for_selector("[data-exam][data-ready]", state="attached")
    page.get_by_role("button", name="开始考试").click()
    expect(page.locator("[data-answer-sheet] a").first).to_be_visible()

    assert page.evaluate("window.__sameDocument") is True
