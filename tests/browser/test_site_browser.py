"""The course in a real browser: Chinese home page, search, offline behaviour, file:// use."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

LESSON_TITLE = "党支部的地位与支部书记的关键作用"


def search(page: Page, query: str) -> None:
    box = page.get_by_role("textbox", name="搜索").first
    box.fill(query)
    # Material reads the box on key up (and once when its worker is ready): a fill alone is
    # searched only if the worker becomes ready after it, as a learner's typing always is.
    box.press("End")


def open_search(page: Page) -> None:
    # The search box sits behind a toggle label on narrow screens; the keyboard works anywhere.
    page.keyboard.press("/")
    expect(page.get_by_role("textbox", name="搜索").first).to_be_focused()


def test_home_page_renders_in_chinese(page: Page, site_url: str) -> None:
    page.goto(site_url)
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    expect(page.get_by_role("heading", level=1)).to_contain_text("党支部书记履职能力培训")
    expect(page.get_by_role("link", name="第一章 角色认知").first).to_be_visible()


def test_search_finds_a_lesson_by_a_word_of_its_text(page: Page, site_url: str) -> None:
    page.goto(site_url)
    open_search(page)
    search(page, "桥梁与纽带")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result")).to_contain_text(LESSON_TITLE)


def test_no_page_requests_anything_outside_the_site(
    page: Page, site_url: str, built_site: Path, outside_requests: list[str]
) -> None:
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    for path in pages:
        page.goto(site_url + path, wait_until="networkidle")
    assert len(pages) > 3
    assert outside_requests == []


def test_site_opened_from_a_folder_still_searches(page: Page, built_site: Path) -> None:
    page.goto((built_site / "index.html").as_uri())
    expect(page.get_by_role("heading", level=1)).to_contain_text("党支部书记履职能力培训")
    open_search(page)
    search(page, "桥梁与纽带")
    expect(page.locator(".md-search-result")).to_contain_text(LESSON_TITLE)
