"""错题本 as a spaced review queue (FSRS), in Chromium on the fixture course, with the clock
controlled: a wrong answer comes back when due, right answers push it further out, and after
enough spaced right answers it leaves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from peixun.quiz.contract import REVIEWS_TO_LEAVE
from tests.browser.quizhelp import answer, ready
from tests.browsing import serve

LESSON = "01-diyi-zhang/01-xuexi-huanjie.html"
WRONG_BOOK = "cuoti-ben.html"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

pytestmark = pytest.mark.usefixtures("no_script_errors")


@pytest.fixture(scope="module")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    with serve(fixture_site) as url:
        yield url


def book(page: Page, url: str) -> None:
    page.goto(url + WRONG_BOOK)
    page.wait_for_selector("[data-quiz=review][data-ready]", state="attached")


def shown(page: Page) -> object:
    return page.locator("[data-quiz=review] [data-question]")


def card(page: Page) -> dict[str, object]:
    """The one review card in storage."""
    records = page.evaluate(
        "Object.keys(localStorage).filter(k => k.includes(':_review:'))"
        ".map(k => [k, JSON.parse(localStorage.getItem(k))])"
    )
    assert len(records) == 1, records
    key, value = records[0]
    assert key.endswith(":_review:xuexi-huanjie:huanjie-diyi")
    assert isinstance(value, dict)
    return value


def test_a_wrong_answer_returns_on_schedule_and_leaves_after_spaced_right_answers(
    page: Page, fixture_url: str
) -> None:
    page.clock.install(time=START)
    book(page, fixture_url)
    expect(page.get_by_text("暂无错题")).to_be_visible()
    expect(page.get_by_role("button", name="全部重做")).to_be_hidden()
    page.goto(fixture_url + LESSON)
    ready(page)
    answer(page.locator('[data-question="huanjie-diyi"]'), correct=False)
    page.wait_for_function("Object.keys(localStorage).some(k => k.includes(':_review:'))")
    first = card(page)
    due_ms = int(first["due"])  # type: ignore[call-overload]
    assert 0 <= due_ms - START.timestamp() * 1000 < 60_000  # due at once (the clock runs on)
    book(page, fixture_url)
    page.wait_for_function("window.FSRS !== undefined")  # the vendored ts-fsrs, loaded on demand
    fresh = page.evaluate(
        "d => { const c = FSRS.createEmptyCard(new Date(d)); return {...c, due: +c.due} }", due_ms
    )
    assert {k: first[k] for k in fresh} == fresh  # written at once, as ts-fsrs would make it
    now = START
    for n in range(1, REVIEWS_TO_LEAVE + 1):
        book(page, fixture_url)
        expect(page.locator("[data-summary]")).to_contain_text("今日复习 1 题")
        q = shown(page)
        expect(q).to_have_count(1)
        assert q.get_attribute("data-state") is None  # a fresh try
        answer(q, correct=True)
        if n == REVIEWS_TO_LEAVE:
            page.wait_for_function("!Object.keys(localStorage).some(k => k.includes(':_review:'))")
            break
        page.wait_for_function(
            f"Object.keys(localStorage).filter(k => k.includes(':_review:'))"
            f".some(k => JSON.parse(localStorage.getItem(k)).streak === {n})"
        )
        due = datetime.fromtimestamp(int(card(page)["due"]) / 1000, UTC)  # type: ignore[arg-type]
        assert due >= now + timedelta(days=1)  # spaced, not again today
        book(page, fixture_url)
        expect(page.locator("[data-summary]")).to_contain_text("今天没有到复习时间的错题")
        expect(page.locator("[data-summary]")).to_contain_text("另有 1 题未到复习时间")
        expect(shown(page)).to_have_count(0)
        page.clock.set_system_time(due + timedelta(minutes=1))
        now = due + timedelta(minutes=1)
    book(page, fixture_url)
    expect(page.get_by_text("暂无错题")).to_be_visible()


def test_a_wrong_review_starts_over_and_retry_all_shows_questions_not_yet_due(
    page: Page, fixture_url: str
) -> None:
    page.clock.install(time=START)
    page.goto(fixture_url + LESSON)
    ready(page)
    answer(page.locator('[data-question="huanjie-diyi"]'), correct=False)
    book(page, fixture_url)
    answer(shown(page), correct=True)
    page.wait_for_function(
        "Object.keys(localStorage).filter(k => k.includes(':_review:'))"
        ".some(k => JSON.parse(localStorage.getItem(k)).streak === 1)"
    )
    book(page, fixture_url)
    expect(shown(page)).to_have_count(0)
    page.get_by_role("button", name="全部重做").click()
    expect(page.locator("[data-summary]")).to_have_text("全部重做：共 1 题。")
    expect(shown(page)).to_have_count(1)
    page.clock.set_system_time(START + timedelta(days=30))
    book(page, fixture_url)
    answer(shown(page), correct=False)
    page.wait_for_function(
        "Object.keys(localStorage).filter(k => k.includes(':_review:'))"
        ".some(k => JSON.parse(localStorage.getItem(k)).lapses === 1)"
    )
    value = card(page)
    assert value["streak"] == 0
    assert int(value["due"]) > int((START + timedelta(days=30)).timestamp() * 1000)  # type: ignore[call-overload]


def test_wrong_answers_from_before_the_review_queue_are_kept(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + LESSON)
    ready(page)
    answer(page.locator('[data-question="huanjie-diyi"]'), correct=False)
    page.evaluate(
        "Object.keys(localStorage).filter(k => k.includes(':_review:'))"
        ".forEach(k => localStorage.removeItem(k))"
    )
    book(page, fixture_url)
    expect(shown(page)).to_have_count(1)
    card(page)


def test_the_list_prints_with_answers(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + LESSON)
    ready(page)
    answer(page.locator('[data-question="huanjie-diyi"]'), correct=False)
    book(page, fixture_url)
    page.evaluate("window.print = () => { window.printed = true }")
    page.get_by_role("button", name="打印错题清单").click()
    page.wait_for_function("window.printed === true")
    page.emulate_media(media="print")
    item = page.locator(".px-review__print li.px-review__item")
    expect(item).to_have_count(1)
    expect(item).to_be_visible()
    expect(item).to_contain_text("学习的第一个环节是什么？")
    expect(item).to_contain_text("答案：")
    expect(page.locator(".px-review__list")).to_be_hidden()


def test_the_scheduler_is_fetched_only_where_a_card_needs_it(page: Page, fixture_url: str) -> None:
    """A learner with nothing to review does not download ts-fsrs with each lesson; once a
    question of the lesson has a card, the lesson page has it ready."""
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "ts-fsrs" in r.url else None)
    page.goto(fixture_url + LESSON)
    ready(page)
    page.wait_for_load_state("networkidle")
    assert fetched == []
    answer(
        page.locator("[data-question=huanjie-diyi]"), correct=False
    )  # a new card, written at once
    page.reload()
    ready(page)
    page.wait_for_load_state("networkidle")
    assert len(fetched) == 1
