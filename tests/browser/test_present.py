"""演示: keys and clickers, steps, answers, the discussion countdown, file://, and type size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from peixun.search.split_index import indexed_documents
from tests.browser.quizhelp import LESSON1

pytestmark = pytest.mark.usefixtures("no_script_errors")

PRESENT = "present/01-juese-renzhi/01-diwei-zuoyong.html"
CHAPTER_PRESENT = "present/01-juese-renzhi.html"
SHOWING = '[data-slide][aria-current="step"]'
# The first screen of each kind, counted in the page (1-based).
INDEX_OF = """kind => 1 + Array.from(document.querySelectorAll('[data-slide]'))
  .findIndex(s => s.classList.contains('px-present__slide--' + kind))"""


def open_view(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-present][data-ready]", state="attached")


def progress(page: Page) -> str:
    return page.locator("[data-progress-text]").inner_text()


def shown_steps(page: Page) -> int:
    return page.locator(f"{SHOWING} [data-step][data-shown]").count()


def go_to(page: Page, kind: str) -> int:
    n = page.evaluate(INDEX_OF, kind)
    assert n > 0, kind
    page.keyboard.press("Home")
    for _ in range(n - 1):
        page.keyboard.press("PageDown")
        while page.locator(f"{SHOWING} [data-step]:not([data-shown])").count():
            page.keyboard.press("PageDown")
    assert progress(page).startswith(f"{n} /")
    return n


def test_the_lesson_page_has_a_present_link_that_opens_the_view(page: Page, site_url: str) -> None:
    page.goto(site_url + LESSON1)
    page.get_by_role("link", name="演示", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(PRESENT) + "(#1)?$"))
    expect(page.locator("[data-present]")).to_have_count(1)
    expect(page.locator(SHOWING)).to_have_count(1)
    expect(page.locator(SHOWING + " h1")).to_have_text("党支部的地位与支部书记的关键作用")
    total = page.locator("[data-slide]").count()
    assert progress(page) == f"1 / {total}"
    expect(page.locator(".md-header")).to_be_hidden()
    # reached by the theme's instant navigation: the keys work all the same, and once only
    page.keyboard.press("ArrowRight")
    assert progress(page) == f"2 / {total}"
    page.get_by_role("link", name="退出演示").click()
    expect(page).to_have_url(re.compile(re.escape(LESSON1) + "$"))
    expect(page.locator(".md-header")).to_be_visible()


def test_the_chapter_page_has_a_present_link(page: Page, site_url: str) -> None:
    page.goto(site_url + "01-juese-renzhi/index.html")
    page.get_by_role("link", name="演示", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(CHAPTER_PRESENT) + "(#1)?$"))
    expect(page.locator(SHOWING + " h1")).to_have_text("第一章 角色认知")
    titles = page.locator("[data-slide] .px-present__title").all_inner_texts()
    assert "新形势新要求" in titles  # every lesson has its title screen


def test_forward_keys_reveal_points_one_by_one_then_turn_the_screen(
    page: Page, site_url: str
) -> None:
    open_view(page, site_url + PRESENT)
    page.keyboard.press("ArrowRight")  # to 学习目标, nothing revealed yet
    expect(page.locator(SHOWING + " .px-present__title")).to_have_text("学习目标")
    steps = page.locator(f"{SHOWING} [data-step]").count()
    assert steps == 3 and shown_steps(page) == 0
    assert (
        page.locator(f"{SHOWING} [data-step]").first.evaluate("e => getComputedStyle(e).visibility")
        == "hidden"
    )
    for n, key in enumerate(["ArrowDown", "Space", "PageDown"], start=1):
        page.keyboard.press(key)
        assert shown_steps(page) == n
    expect(page.locator(f"{SHOWING} [data-step]").first).to_be_visible()
    page.keyboard.press("ArrowRight")
    assert progress(page).startswith("3 /")
    # back: to the previous screen with everything shown, then hide its points one by one
    page.keyboard.press("ArrowLeft")
    assert progress(page).startswith("2 /") and shown_steps(page) == 3
    page.keyboard.press("ArrowUp")
    page.keyboard.press("PageUp")
    assert shown_steps(page) == 1
    page.keyboard.press("End")
    total = page.locator("[data-slide]").count()
    assert progress(page) == f"{total} / {total}"
    page.keyboard.press("Home")
    assert progress(page) == f"1 / {total}"
    expect(page.locator("[aria-current='step']")).to_have_count(1)
    # the theme's own keys (next page, search) and a clicker's blank-screen key do not leave
    for key in ("n", ".", "p", "s", "b"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    expect(page).to_have_url(re.compile(re.escape(PRESENT) + "#1$"))
    expect(page.locator(".md-search__input")).not_to_be_focused()


def test_the_buttons_step_too_and_the_screen_reader_hears_each_screen(
    page: Page, site_url: str
) -> None:
    open_view(page, site_url + PRESENT)
    page.get_by_role("button", name="下一步").click()
    expect(page.locator("[data-announce]")).to_contain_text("第 2 / ")
    expect(page.locator("[data-announce]")).to_contain_text("学习目标")
    page.get_by_role("button", name="下一步").click()
    assert shown_steps(page) == 1
    page.get_by_role("button", name="上一步").click()
    assert shown_steps(page) == 0


def test_self_check_questions_one_at_a_time_with_the_answer_on_request(
    page: Page, site_url: str
) -> None:
    open_view(page, site_url + PRESENT)
    go_to(page, "quiz")
    answer = page.locator(f"{SHOWING} [data-reveal]")
    expect(answer).to_have_attribute("data-state", "hidden")
    expect(answer).to_be_hidden()
    show = page.get_by_role("button", name="显示答案")
    expect(show).to_have_attribute("aria-expanded", "false")
    show.click()
    expect(answer).to_have_attribute("data-state", "shown")
    expect(answer).to_contain_text("答案：")
    expect(answer).to_contain_text("解析：")
    expect(page.get_by_role("button", name="隐藏答案")).to_have_attribute("aria-expanded", "true")
    # a clicker's forward key goes to the next question, whose answer is hidden again
    page.get_by_role("button", name="隐藏答案").click()
    page.locator("[data-present]").focus()
    page.keyboard.press("ArrowRight")  # reveals
    expect(answer).to_have_attribute("data-state", "shown")
    page.keyboard.press("ArrowRight")  # next question
    expect(page.locator(f"{SHOWING} [data-reveal]")).to_have_attribute("data-state", "hidden")
    assert page.locator(f"{SHOWING} .px-present__title").inner_text().startswith("自测题（2/")


def test_a_discussion_question_a_screen_with_a_countdown(page: Page, site_url: str) -> None:
    page.clock.install()
    open_view(page, site_url + PRESENT)
    go_to(page, "question")
    expect(page.locator(SHOWING + " .px-present__title")).to_have_text("思考与讨论（1/3）")
    clock = page.locator(f"{SHOWING} [role='timer']")
    expect(clock).to_have_text("05:00")
    page.locator(SHOWING).get_by_role("button", name="开始计时").click()
    page.clock.run_for(60_000)
    expect(clock).to_have_text("04:00")
    page.locator(SHOWING).get_by_role("button", name="暂停计时").click()
    page.clock.run_for(120_000)
    expect(clock).to_have_text("04:00")
    page.locator(SHOWING).get_by_role("button", name="继续计时").click()
    page.clock.run_for(180_000)
    expect(page.locator(f"{SHOWING} [data-timer-status]")).to_have_text("还剩 1 分钟")
    page.clock.run_for(61_000)
    expect(clock).to_have_text("00:00")
    expect(page.locator(f"{SHOWING} [data-timer-status]")).to_have_text("时间到")
    expect(page.locator(f"{SHOWING} [data-timer]")).to_have_attribute("data-state", "done")
    # another length, chosen before starting
    page.locator(SHOWING).get_by_role("button", name="重新计时").click()
    page.locator(SHOWING).get_by_label("讨论计时").select_option("10")
    expect(clock).to_have_text("10:00")


def test_the_countdown_does_not_move_under_reduced_motion(page: Page, site_url: str) -> None:
    page.emulate_media(reduced_motion="reduce")
    open_view(page, site_url + PRESENT)
    go_to(page, "question")
    bar = page.locator(f"{SHOWING} [data-timer-bar]")
    # no visible movement: the site's reduced-motion rule leaves at most 0.01 ms
    assert float(bar.evaluate("e => getComputedStyle(e).transitionDuration").rstrip("s")) < 0.001
    clock = page.locator(f"{SHOWING} [data-timer-clock]")
    page.evaluate(
        "document.querySelector('[aria-current=step] [data-timer]').dataset.state = 'done'"
    )
    assert clock.evaluate("e => getComputedStyle(e).animationName") == "none"
    page.emulate_media(reduced_motion="no-preference")
    assert bar.evaluate("e => getComputedStyle(e).transitionDuration") == "1s"


def test_type_is_large_enough_for_a_meeting_room_at_1920_by_1080(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1920, "height": 1080})
    for url in (PRESENT, CHAPTER_PRESENT):
        open_view(page, site_url + url)
        total = page.locator("[data-slide]").count()
        sizes = page.evaluate(
            """() => Array.from(document.querySelectorAll('[data-slide]')).map(s => {
                const px = e => parseFloat(getComputedStyle(e).fontSize);
                const title = s.querySelector('.px-present__title');
                const body = Array.from(s.querySelectorAll(
                  '.px-present__point, .px-present__question, .px-present__stem, .px-present__choices li, .px-present__answer p, .px-present__subtitle'));
                return [px(title), Math.min(...body.map(px))];
            })"""
        )
        assert len(sizes) == total
        for n, (title, body) in enumerate(sizes, start=1):
            assert title >= 48, f"{url} screen {n}: title {title}px"
            assert body >= 28, f"{url} screen {n}: body {body}px"
        # and each screen, with all its points and its answer shown, fits without scrolling
        overflowing = page.evaluate(
            """() => Array.from(document.querySelectorAll('[data-slide]')).flatMap((s, i, all) => {
                all.forEach(o => o.removeAttribute('aria-current'));
                s.setAttribute('aria-current', 'step');
                s.querySelectorAll('[data-step]').forEach(e => e.setAttribute('data-shown', ''));
                s.querySelectorAll('[data-reveal]').forEach(e => { e.dataset.state = 'shown'; });
                return s.scrollHeight > s.clientHeight + 1 ? [i + 1] : [];
            })"""
        )
        assert overflowing == [], f"{url}: screens that overflow at 1920×1080: {overflowing}"


def test_works_from_a_folder_and_esc_goes_back_to_the_lesson(page: Page, built_site: Path) -> None:
    page.goto((built_site / PRESENT).as_uri())
    page.wait_for_selector("[data-present][data-ready]", state="attached")
    page.keyboard.press("PageDown")
    assert progress(page).startswith("2 /")
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement !== null")
    assert page.evaluate("document.fullscreenElement.hasAttribute('data-present')")
    expect(page.get_by_role("button", name="退出全屏")).to_be_attached()
    page.evaluate("document.exitFullscreen()")
    page.wait_for_function("document.fullscreenElement === null")
    page.keyboard.press("Escape")
    expect(page).to_have_url((built_site / LESSON1).as_uri())
    expect(page.get_by_role("link", name="演示", exact=True)).to_be_visible()


def test_light_by_default_and_dark_on_request_remembered(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="dark")  # the room's laptop is dark: the projector is not
    open_view(page, site_url + PRESENT)
    root = page.locator("[data-present]")
    expect(root).to_have_attribute("data-scheme", "light")
    assert root.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 255, 255)"
    page.get_by_role("button", name="深色").click()
    expect(root).to_have_attribute("data-scheme", "dark")
    expect(page.get_by_role("button", name="深色")).to_have_attribute("aria-pressed", "true")
    page.reload()
    page.wait_for_selector("[data-present][data-ready]", state="attached")
    expect(page.locator("[data-present]")).to_have_attribute("data-scheme", "dark")
    assert (
        page.locator("[data-present]").evaluate("e => getComputedStyle(e).backgroundColor")
        == "rgb(18, 18, 18)"
    )
    keys = page.evaluate("window.peixun.store.keys()")
    assert "_present:scheme" in keys


def test_the_presentation_is_not_in_the_search_index_or_the_navigation(
    page: Page, site_url: str, built_site: Path
) -> None:
    locations = [doc["location"] for doc in indexed_documents(built_site)]
    assert locations and not any("present/" in location for location in locations)
    page.goto(site_url + LESSON1)
    assert page.locator(".md-nav a[href*='present/']").count() == 0
