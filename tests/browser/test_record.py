"""The learner's record in Chromium: lesson states in the navigation and the chapter's list,
继续学习 and 今日复习 on the home page, export and import of progress (peixun.record)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from peixun.record import exchange
from tests.browser.quizhelp import COURSE_PREFIX, LESSON1, LESSON2, answer, ready
from tests.browser.recordhelp import (
    LESSON1_ID,
    NAMESPACE,
    course_map,
    export_file,
    record_ready,
    seed,
    stored,
)
from tests.browsing import instant_navigation_here

pytestmark = pytest.mark.usefixtures("no_script_errors")

PROGRESS = "xuexi-jindu.html"


def nav_badge(page: Page, lesson_url: str) -> Any:
    """The state mark after a lesson's link in Material's sidebar."""
    name = lesson_url.rsplit("/", 1)[-1]
    return page.locator(f'.md-nav--primary a.md-nav__link[href$="{name}"] .px-state').first


def test_lessons_show_unread_read_and_done_in_nav_and_chapter_list(
    page: Page, site_url: str
) -> None:
    page.clock.install()
    page.goto(site_url + LESSON1)
    ready(page)
    page.evaluate(
        "window.__states = []; document.addEventListener('peixun:lesson-state',"
        " (e) => window.__states.push(e.detail))"
    )
    mine, other = nav_badge(page, LESSON1), nav_badge(page, LESSON2)
    expect(mine).to_have_attribute("data-px-state", "unread")
    expect(mine).to_contain_text("未学")
    expect(other.locator(".px-sr-only")).to_have_text("（未学）")
    page.locator("[data-px-read-end]").scroll_into_view_if_needed()
    page.wait_for_timeout(200)  # the IntersectionObserver reports on the next frame
    page.clock.run_for(20_000)
    expect(mine).to_have_attribute("data-px-state", "unread")  # too soon to count as read
    page.clock.run_for(12_000)
    expect(mine).to_have_attribute("data-px-state", "read")
    expect(mine.locator(".px-sr-only")).to_have_text("（已读）")
    shown = page.locator("[data-question]:visible")
    for i in range(shown.count()):
        answer(shown.nth(i), correct=i != 0)
    total = shown.count()
    score = round(100 * (total - 1) / total)
    expect(mine).to_have_attribute("data-px-state", "done")
    expect(mine.locator(".px-sr-only")).to_have_text(f"（自测已完成，{score} 分）")
    states = page.evaluate("window.__states")
    assert states[0] == {"lesson": LESSON1_ID, "read": True, "done": False, "score": None}
    assert states[-1] == {"lesson": LESSON1_ID, "read": True, "done": True, "score": score}
    visit = stored(page, "_visit:" + LESSON1_ID)
    assert visit["read"] is True and visit["seconds"] >= 30 and visit["opened"] > 0
    page.goto(site_url + "01-juese-renzhi/index.html")
    items = page.locator(".px-lessons li")
    expect(items.nth(0).locator(".px-state")).to_have_attribute("data-px-state", "done")
    expect(items.nth(0)).to_contain_text(f"✓ {score} 分")
    expect(items.nth(1).locator(".px-state")).to_have_text("未学（未学）")


def test_reaching_the_end_without_the_time_is_not_read(page: Page, site_url: str) -> None:
    page.clock.install()
    page.goto(site_url + LESSON1)
    record_ready(page)
    page.clock.run_for(40_000)  # long enough, but the end of the text was never in view
    expect(nav_badge(page, LESSON1)).to_have_attribute("data-px-state", "unread")


def test_home_continues_with_the_last_lesson_opened_and_counts_reviews_due(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "index.html")
    record_ready(page)
    cont = page.locator("[data-px-continue]")
    expect(cont).to_contain_text("从第一课开始")
    map_ = course_map(page)
    second = map_["chapters"][0]["lessons"][1]
    page.goto(site_url + LESSON2)
    record_ready(page)
    now = page.evaluate("Date.now()")
    seed(
        page,
        {
            f"_review:{LESSON1_ID}:a": {"t": now, "due": now - 60_000},
            f"_review:{LESSON1_ID}:b": {"t": now, "due": now - 1},
            f"_review:{LESSON1_ID}:c": {"t": now, "due": now + 86_400_000},
        },
    )
    page.goto(site_url + "index.html")
    record_ready(page)
    expect(cont).to_have_text(f"{map_['chapters'][0]['title']} · {second['title']}")
    assert cont.evaluate("a => a.href") == site_url + LESSON2
    review = page.locator("[data-px-review]")
    expect(review).to_have_text("2 道题到期，去错题本复习")
    review.click()
    expect(page).to_have_url(re.compile(r"cuoti-ben\.html$"))


def test_export_writes_every_record_of_the_course_in_one_versioned_file(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.goto(site_url + LESSON1)
    ready(page)
    answer(page.locator("[data-question]:visible").first, correct=True)
    seed(page, {"_exam:attempt:zonghe:1": {"t": 5, "score": 80}})
    page.evaluate("localStorage.setItem('peixun:other-course:v2:x:y', '{\"t\": 1}')")
    page.goto(site_url + PROGRESS)
    record_ready(page)
    with page.expect_download() as caught:
        page.get_by_role("button", name="导出学习记录").click()
    saved = tmp_path / "export.json"
    caught.value.save_as(saved)
    assert caught.value.suggested_filename.startswith("学习记录-党支部书记履职能力培训-")
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == exchange.FORMAT and data["version"] == exchange.VERSION
    assert data["course"] == NAMESPACE
    keys = set(data["records"])
    assert f"_visit:{LESSON1_ID}" in keys and "_exam:attempt:zonghe:1" in keys
    assert any(k.startswith(LESSON1_ID + ":") for k in keys)
    assert not any("other-course" in k for k in keys)
    expect(page.locator("[data-px-status]")).to_contain_text(f"已导出 {len(keys)} 条学习记录")


def import_file(page: Page, path: Path) -> Any:
    """Import ``path`` on 学习进度 through the page's own control; returns the status line."""
    page.locator("[data-px-import]").set_input_files(str(path))
    return page.locator("[data-px-status]")


def test_import_merges_keeping_the_newer_record_per_key(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.goto(site_url + PROGRESS)
    record_ready(page)
    map_ = course_map(page)
    lesson = map_["chapters"][0]["lessons"][0]
    q1, q2 = lesson["q"][0], lesson["q"][1]
    seed(
        page,
        {
            f"{LESSON1_ID}:{q1}": {"s": "correct", "r": ["0"], "t": 9_000},
            f"{LESSON1_ID}:{q2}": {"s": "correct", "r": ["0"], "t": 1_000},
        },
    )
    path = export_file(
        tmp_path / "in.json",
        {
            f"{LESSON1_ID}:{q1}": {"s": "incorrect", "r": ["1"], "t": 5_000},  # older: ignored
            f"{LESSON1_ID}:{q2}": {"s": "incorrect", "r": ["1"], "t": 2_000},  # newer: taken
            f"_visit:{LESSON1_ID}": {"t": 3_000, "read": True, "opened": 3_000, "seconds": 90},
            "_exam:attempt:zonghe:7": {"t": 7, "score": 75, "passed": True},
        },
    )
    page.reload()
    record_ready(page)
    status = import_file(page, path)
    expect(status).to_have_text("导入完成：新增 2 条记录，更新 1 条；本机较新的 1 条保持不变。")
    assert stored(page, f"{LESSON1_ID}:{q1}")["s"] == "correct"
    assert stored(page, f"{LESSON1_ID}:{q2}")["s"] == "incorrect"
    assert stored(page, "_exam:attempt:zonghe:7")["score"] == 75
    row = page.locator(f'tr[data-lesson="{LESSON1_ID}"]')
    expect(row.locator('[data-cell="done"]')).to_have_text("2")  # the tables count again
    expect(row.locator('[data-cell="right"]')).to_have_text("1")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "peixun-progress", "version": 1, "rec', "文件已损坏，或者不是学习记录文件"),
        (
            json.dumps(
                {"format": exchange.FORMAT, "version": 0, "course": NAMESPACE, "records": {}}
            ),
            "这份学习记录是旧版本的课程网站导出的（文件格式第 0 版）",
        ),
        (
            json.dumps(
                {"format": exchange.FORMAT, "version": 1, "course": "x", "title": "<b>别的课</b>"}
            ),
            "这份学习记录属于另一门课程《<b>别的课</b>》",
        ),
        (
            json.dumps(
                {
                    "format": exchange.FORMAT,
                    "version": 1,
                    "course": NAMESPACE,
                    "records": {"a:b": {"t": 1, "s": "correct", "r": ["0"]}, "c:d": {"t": "x"}},
                }
            ),
            "文件已损坏：第 2 条记录的格式不对。",
        ),
        (
            json.dumps(
                {
                    "format": exchange.FORMAT,
                    "version": 1,
                    "course": NAMESPACE,
                    "records": {"__proto__": {"t": 1, "polluted": True}},
                }
            ),
            "文件已损坏：第 1 条记录的格式不对。",
        ),
        ('["not", "an", "export"]', "这不是从本课程网站“学习进度”页导出的学习记录文件。"),
    ],
    ids=["damaged", "older-version", "other-course", "bad-record", "proto-key", "not-an-export"],
)
def test_a_bad_file_gets_one_message_and_changes_nothing(
    page: Page, site_url: str, tmp_path: Path, content: str, message: str
) -> None:
    page.goto(site_url + LESSON1)
    ready(page)
    answer(page.locator("[data-question]:visible").first, correct=True)
    page.goto(site_url + PROGRESS)
    record_ready(page)
    before = page.evaluate("JSON.stringify(Object.entries(localStorage).sort())")
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    status = import_file(page, path)
    expect(status).to_contain_text(message)
    expect(status).to_contain_text("没有导入任何记录，本机已有的记录没有改动。")
    assert status.locator("b").count() == 0  # the file's text is text, never markup
    assert page.evaluate("JSON.stringify(Object.entries(localStorage).sort())") == before


def test_progress_page_charts_each_chapter_with_values_in_words(page: Page, site_url: str) -> None:
    page.goto(site_url + LESSON1)
    ready(page)
    shown = page.locator("[data-question]:visible")
    n = shown.count()
    for i in range(n):
        answer(shown.nth(i), correct=True)
    map_ = course_map(page)
    lessons = map_["chapters"][0]["lessons"]
    seed(page, {f"_visit:{LESSON1_ID}": {"t": 1, "read": True, "opened": 1, "seconds": 40}})
    seed(page, {"_quiztime:zonghe-ceping.html": {"t": 1, "seconds": 600}})
    page.goto(site_url + PROGRESS)
    record_ready(page)
    row = page.locator('li[data-chapter="01-juese-renzhi"]')
    done = round(100 / len(lessons))
    expect(row.locator('[data-value="done"]')).to_have_text(f"1 / {len(lessons)} 课（{done}%）")
    chapter_q = sum(len(x["q"]) for x in lessons)
    expect(row.locator('[data-value="score"]')).to_have_text(
        f"{round(100 * n / chapter_q)} 分（已答 {n} / {chapter_q} 题，答对 {n} 题）"
    )
    width = row.locator('[data-fill="done"]').evaluate("e => e.style.width")
    assert width == f"{done}%"
    minutes = lessons[0]["minutes"]
    expect(page.locator("[data-px-hours]")).to_have_text(
        f"约 {minutes + 10} 分钟（读完的课文按阅读时间计 {minutes} 分钟，测验页面上 10 分钟）"
    )


def test_time_on_quiz_pages_is_kept(page: Page, site_url: str) -> None:
    page.clock.install()
    page.goto(site_url + "zonghe-ceping.html")
    record_ready(page)
    page.clock.run_for(25_000)
    page.goto(site_url + PROGRESS)
    assert stored(page, "_quiztime:zonghe-ceping.html")["seconds"] >= 20


def test_states_and_continue_work_from_a_folder(page: Page, built_site: Path) -> None:
    """Opened from file:// the course map still loads (a script, not fetch)."""
    page.goto(built_site.as_uri() + "/" + LESSON1)
    record_ready(page)
    expect(nav_badge(page, LESSON2)).to_have_attribute("data-px-state", "unread")
    title = course_map(page)["chapters"][0]["lessons"][0]["title"]
    page.goto(built_site.as_uri() + "/index.html")
    record_ready(page)
    expect(page.locator("[data-px-continue]")).to_contain_text(title)
    assert page.locator("[data-px-continue]").evaluate("a => a.href").endswith(LESSON1)


def test_instant_navigation_marks_the_new_page_once_and_records_its_opening(
    page: Page, site_url: str
) -> None:
    instant_navigation_here(page, site_url)
    page.goto(site_url + LESSON1)
    record_ready(page)
    page.evaluate("window.__sameDocument = true")
    nav = page.get_by_role("navigation", name="导航栏")
    nav.get_by_role("link", name="支部书记是政治角色").click()
    page.wait_for_url("**/" + LESSON2, wait_until="commit")
    page.wait_for_function(
        "() => (JSON.parse(localStorage.getItem("
        f"'{COURSE_PREFIX}_visit:zhengzhi-juese')) || {{}}).opened > 0"
    )
    assert page.evaluate("window.__sameDocument") is True
    links = page.locator(".md-nav--primary a.md-nav__link:has(.px-state)")
    assert links.count() >= 5
    for i in range(links.count()):
        assert links.nth(i).locator(".px-state").count() == 1  # marked once
