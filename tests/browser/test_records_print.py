"""学习记录 sheets and the 学习计划 page as a secretary uses them: found, filled in, printed."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from playwright.sync_api import Page, expect

from peixun.records.fields import DEFAULT_FIELDS
from tests.browser.quizhelp import COURSE_PREFIX
from tests.browser.test_handouts_print import CHROME_TEXT, _flat, _print

pytestmark = pytest.mark.usefixtures("no_script_errors")

CHAPTER_PAGE = "01-juese-renzhi/index.html"
LESSON_SHEETS = (
    "records/01-juese-renzhi/01-diwei-zuoyong.html",
    "records/01-juese-renzhi/05-xin-xingshi.html",
)
CHAPTER_SHEET = "records/01-juese-renzhi.html"
PLAN = "xuexi-jihua.html"
LABELS = [f.label for f in DEFAULT_FIELDS]
SPOKEN_ONLY = "留空待填"  # said to screen readers at each blank, not printed


def printed_lines(field_text: str) -> list[str]:
    """The lines of a field as printed: without what only screen readers hear."""
    return [_flat(line) for line in field_text.splitlines() if line.strip() and line != SPOKEN_ONLY]


def test_the_chapter_page_links_its_sheets_beside_the_handouts(page: Page, site_url: str) -> None:
    page.goto(site_url + CHAPTER_PAGE)
    section = page.locator("h2#jiangyi ~ ul").last
    section.get_by_role("link", name="学习记录", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(CHAPTER_SHEET) + "$"))
    expect(page.locator("[data-field]")).to_have_count(len(LABELS))
    page.go_back()
    page.get_by_role("link", name="第 1 课", exact=True).last.click()
    expect(page).to_have_url(re.compile(re.escape(LESSON_SHEETS[0]) + "$"))
    expect(page.locator("[data-field='学习主题']")).to_contain_text(
        "党支部的地位与支部书记的关键作用"
    )


@pytest.mark.parametrize("path", LESSON_SHEETS)
def test_a_lesson_sheet_prints_every_field_and_none_across_two_pages(
    page: Page, site_url: str, path: str
) -> None:
    sheets = [_flat(s) for s in _print(page, site_url + path)]
    assert 1 <= len(sheets) <= 3
    text = "".join(sheets)
    for word in (*CHROME_TEXT, "打印学习记录"):
        assert word not in text
    order = [text.index(_flat(label)) for label in LABELS]
    assert order == sorted(order), "fields out of order"
    fields = page.locator("[data-field]")
    assert fields.first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    for text_of_field in fields.all_inner_texts():
        lines = printed_lines(text_of_field)
        assert any(all(line in sheet for line in lines) for sheet in sheets), (
            f"split across pages: {text_of_field[:30]}"
        )


def test_the_chapter_sheet_keeps_each_blank_field_on_one_page(page: Page, site_url: str) -> None:
    sheets = [_flat(s) for s in _print(page, site_url + CHAPTER_SHEET)]
    assert "第5课新形势新要求" in "".join(sheets)
    blank = page.locator("[data-field]:not(.px-record__field--filled)")
    assert blank.count() == len(
        [f for f in DEFAULT_FIELDS if f.kind not in ("topic", "points", "questions")]
    )
    for text_of_field in blank.all_inner_texts():
        lines = printed_lines(text_of_field)
        assert any(all(line in sheet for line in lines) for sheet in sheets)
    # a long pre-filled field may run over, but never leaves its label alone at a page's foot
    for label in ("学习内容", "研讨题目"):
        first = _flat(page.locator(f"[data-field='{label}'] li").first.inner_text())
        assert any(label in sheet and first in sheet for sheet in sheets), label


def test_the_plan_lays_one_chapter_a_month_saves_and_prints(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(datetime.datetime(2027, 1, 15, 10, 0))
    page.goto(site_url + PLAN)
    rows = page.locator("[data-plan-rows] tr")
    expect(rows).to_have_count(10)
    expect(rows.first).to_contain_text("2027年1月")
    page.get_by_label("起始月份").fill("2027-03")
    page.get_by_label("第二章 素质要求").uncheck()
    expect(rows).to_have_count(9)
    expect(rows.nth(0)).to_contain_text("2027年3月第一章 角色认知")
    expect(rows.nth(1)).to_contain_text("2027年4月第三章 四种意识与五种能力")
    expect(rows.nth(8)).to_contain_text("2027年11月第十章 案例与体会")
    expect(page.locator("[data-plan-heading]")).to_have_text(
        "主题党日学习计划（2027年3月—2027年11月）"
    )
    expect(page.locator("[data-plan-status]")).to_have_text("已保存在本机")
    saved = json.loads(
        page.evaluate(f"localStorage.getItem({json.dumps(COURSE_PREFIX + '_plan:year')})")
    )
    assert saved["start"] == "2027-03" and "02-suzhi-yaoqiu" not in saved["chapters"]
    assert isinstance(saved["t"], int)
    page.reload()
    expect(page.get_by_label("起始月份")).to_have_value("2027-03")
    expect(page.get_by_label("第二章 素质要求")).not_to_be_checked()
    expect(rows).to_have_count(9)
    # printed: the plan with blank columns to fill, without the chooser
    page.emulate_media(media="print")
    expect(page.locator(".px-plan__form")).to_be_hidden()
    sheets = _print(page, page.url)
    text = _flat("".join(sheets))
    assert "主题党日学习计划（2027年3月—2027年11月）" in text
    assert "2027年3月第一章角色认知" in text and "第二章素质要求" not in text
    assert "日期地点主持人" in text
    for word in ("全选", "起始月份", "打印学习计划"):
        assert word not in text
