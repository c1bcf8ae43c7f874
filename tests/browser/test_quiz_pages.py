"""The generated quiz pages in Chromium: chapter test, 综合测评, 学习进度, 错题本."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from peixun.course.model import load_course
from tests.browser.quizhelp import LESSON1, answer, question, ready
from tests.sitebuild import ROOT

CHAPTER_TEST = "01-juese-renzhi/zhangjie-ceshi.html"
EXAM = "zonghe-ceping.html"
PROGRESS = "xuexi-jindu.html"
WRONG_BOOK = "cuoti-ben.html"


pytestmark = pytest.mark.usefixtures("no_script_errors")


def open_page(page: Page, site_url: str, path: str) -> Page:
    page.goto(site_url + path)
    ready(page)
    return page


def test_chapter_test_holds_every_question_of_the_chapter_and_shares_progress(
    page: Page, site_url: str
) -> None:
    open_page(page, site_url, LESSON1)
    lesson_count = page.locator("[data-question]").count()
    answer(question(page, "diwei-qiaoliang"), correct=False)
    open_page(page, site_url, CHAPTER_TEST)
    expect(page.locator("h1")).to_have_text("本章测验")
    assert page.locator("[data-question]").count() > lesson_count
    q = page.locator('[data-lesson="diwei-zuoyong"][data-question="diwei-qiaoliang"]')
    expect(q).to_have_attribute("data-state", "incorrect")
    expect(q.locator(".px-quiz__origin")).to_have_text(
        "出自：第一章 角色认知 · 党支部的地位与支部书记的关键作用"
    )
    link = q.get_by_role("status").get_by_role("link", name=re.compile("^回看原文"))
    href = link.evaluate("a => a.href")
    assert href == site_url + "01-juese-renzhi/01-diwei-zuoyong.html#zhibu-diwei"


def test_chapter_page_links_to_its_test(page: Page, site_url: str) -> None:
    page.goto(site_url + "01-juese-renzhi/index.html")
    page.get_by_role("link", name="本章测验").first.click()
    expect(page).to_have_url(re.compile(r"zhangjie-ceshi\.html$"))


def test_exam_draws_twenty_balanced_questions_and_scores_them(page: Page, site_url: str) -> None:
    open_page(page, site_url, EXAM)
    drawn = page.locator("[data-question]:visible")
    expect(drawn).to_have_count(20)
    numbers = [drawn.nth(i).locator(".px-quiz__no").inner_text() for i in range(20)]
    assert numbers == [str(n) for n in range(1, 21)]
    score = page.locator(".px-quiz__score")
    expect(score).to_have_text("已答 0 / 20 题，答对 0 题。")
    for i in range(20):
        answer(drawn.nth(i), correct=i != 0)
    expect(score).to_have_text("已答 20 / 20 题，答对 19 题，得分 95 分。")
    breakdown = page.locator(".px-quiz__breakdown tbody tr")
    chapters = load_course(ROOT / "docs", ROOT / "sources").chapters
    expect(breakdown).to_have_count(len(chapters))  # balanced: every chapter is drawn from
    rows = [breakdown.nth(i).locator("td").all_inner_texts() for i in range(len(chapters))]
    assert [row[0] for row in rows] == [c.title for c in chapters]
    per_chapter = 20 // len(chapters)
    assert all(row[1] == f"{per_chapter} / {per_chapter}" for row in rows)
    assert sum(int(row[2]) for row in rows) == 19
    first = drawn.nth(0).get_attribute("id")
    page.get_by_role("button", name="重新抽题").click()
    expect(score).to_have_text("已答 0 / 20 题，答对 0 题。")
    assert page.locator("[data-question][data-state]").count() == 0
    assert page.locator("[data-question]:visible").count() == 20
    assert first is not None


def test_exam_answers_count_in_the_wrong_book(page: Page, site_url: str) -> None:
    open_page(page, site_url, EXAM)
    q = page.locator("[data-question]:visible").first
    key = (q.get_attribute("data-lesson"), q.get_attribute("data-question"))
    answer(q, correct=False)
    open_page(page, site_url, WRONG_BOOK)
    shown = page.locator("[data-question]:visible")
    expect(shown).to_have_count(1)
    assert (shown.get_attribute("data-lesson"), shown.get_attribute("data-question")) == key


def test_progress_counts_per_lesson_and_chapter_and_can_be_cleared(
    page: Page, site_url: str
) -> None:
    open_page(page, site_url, LESSON1)
    total = page.locator("[data-question]").count()
    answer(question(page, "diwei-qiaoliang"), correct=True)
    answer(question(page, "diwei-zuzhi-jichu"), correct=False)
    open_page(page, site_url, PROGRESS)
    row = page.locator('tr[data-lesson="diwei-zuoyong"]')
    expect(row.locator("td")).to_have_text(
        ["党支部的地位与支部书记的关键作用", "2", "1", str(total)]
    )
    other = page.locator('tr[data-lesson="zhengzhi-juese"]')
    expect(other.locator("td").nth(1)).to_have_text("0")
    expect(page.locator("caption").first).to_contain_text("已答 2 / ")
    expect(page.locator("[data-cell=total]")).to_contain_text("全部课程：已答 2 / ")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="清除本机的全部答题记录").click()
    expect(row.locator("td").nth(1)).to_have_text("0")
    row.get_by_role("link").click()
    ready(page)
    assert page.locator("[data-question][data-state]").count() == 0


def test_wrong_book_lists_last_wrong_answers_and_lets_you_retry(page: Page, site_url: str) -> None:
    open_page(page, site_url, WRONG_BOOK)
    expect(page.get_by_text("暂无错题")).to_be_visible()
    open_page(page, site_url, LESSON1)
    answer(question(page, "diwei-qiaoliang"), correct=False)
    answer(question(page, "shuji-banzhang"), correct=False)
    answer(question(page, "diwei-zuzhi-jichu"), correct=True)
    open_page(page, site_url, WRONG_BOOK)
    expect(page.get_by_text("暂无错题")).to_be_hidden()
    shown = page.locator("[data-question]:visible")
    expect(shown).to_have_count(2)
    assert {shown.nth(i).get_attribute("data-question") for i in range(2)} == {
        "diwei-qiaoliang",
        "shuji-banzhang",
    }
    q = shown.first
    assert q.get_attribute("data-state") is None  # a fresh try, not the old answer
    answer(q, correct=True)
    expect(q).to_have_attribute("data-state", "correct")
    link = q.get_by_role("status").get_by_role("link", name=re.compile("^回看原文"))
    href = link.evaluate("a => a.href")
    assert href.startswith(site_url + "01-juese-renzhi/01-diwei-zuoyong.html#")
    page.reload()
    ready(page)
    expect(page.locator("[data-question]:visible")).to_have_count(1)
