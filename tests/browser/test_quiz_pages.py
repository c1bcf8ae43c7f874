"""The generated quiz pages of this course in Chromium: chapter test, 综合测评, 学习进度, 错题本.

The exam mode itself is tested on the small fixture course (test_exam.py, test_review.py)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from playwright.sync_api import Page, expect

from peixun.course.model import load_course
from tests.browser.quizhelp import LESSON1, answer, choose, question, ready
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


def start_exam(page: Page, site_url: str) -> object:
    page.goto(site_url + EXAM)
    page.get_by_role("button", name="开始考试").click()
    drawn = page.locator(".px-exam__questions [data-question]")
    expect(page.locator("[data-answer-sheet] a")).to_have_count(20)
    return drawn


def test_exam_draws_twenty_balanced_questions_and_scores_them(page: Page, site_url: str) -> None:
    drawn = start_exam(page, site_url)
    expect(drawn).to_have_count(20)
    numbers = [drawn.nth(i).locator(".px-quiz__no").inner_text() for i in range(20)]
    assert numbers == [str(n) for n in range(1, 21)]
    chapters = load_course(ROOT / "docs", ROOT / "sources").chapters
    per_chapter = Counter(drawn.evaluate_all("qs => qs.map(q => q.dataset.chapter)"))
    assert set(per_chapter) == {c.title for c in chapters}  # balanced: every chapter is drawn from
    assert set(per_chapter.values()) == {20 // len(chapters)}
    kinds = drawn.evaluate_all("qs => qs.map(q => q.dataset.type)")
    order = ["single", "multiple", "truefalse", "fill", "order"]
    assert kinds == sorted(kinds, key=order.index)  # the paper is laid out by type
    for i in range(20):
        choose(drawn.nth(i), correct=i != 0)
    page.get_by_role("button", name="交卷").click()
    result = page.locator("[data-exam-result]")
    expect(result).to_have_attribute("data-score", "95")
    expect(result).to_have_attribute("data-passed", "true")
    bars = result.locator(".px-exam__bar-row")
    expect(bars).to_have_count(len(chapters))
    assert bars.locator(".px-exam__bar-label").all_inner_texts() == [c.title for c in chapters]
    values = bars.locator(".px-exam__bar-value").all_inner_texts()
    assert sum(int(re.match(r"答对 (\d+) /", v)[1]) for v in values) == 19  # type: ignore[index]
    first = {drawn.nth(i).get_attribute("id") for i in range(20)}
    page.get_by_role("button", name="再考一次").click()
    expect(page.locator("[data-answer-sheet] a")).to_have_count(20)
    again = {drawn.nth(i).get_attribute("id") for i in range(20)}
    assert page.locator(".px-exam__questions [data-question][data-state]").count() == 0
    assert again != first  # a new draw


def test_exam_answers_count_in_the_wrong_book(page: Page, site_url: str) -> None:
    drawn = start_exam(page, site_url)
    q = drawn.first
    key = (q.get_attribute("data-lesson"), q.get_attribute("data-question"))
    choose(q, correct=False)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="交卷").click()
    expect(page.locator("[data-exam-result]")).to_have_attribute("data-score", "0")
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
