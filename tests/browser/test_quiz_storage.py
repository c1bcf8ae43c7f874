"""Saved answers in Chromium: records of older builds carried over, courses kept apart.

Older builds (before lesson ids) kept an answer under ``peixun:v1:<lesson path>:<question
id>``, the same for every course, with generated questions numbered by their list's place
(``auto-guanjian-zuoyong-1-paixu``). The keys below are written out as those builds wrote them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.quizhelp import COURSE_PREFIX, LESSON1, answer, question, ready
from tests.sitebuild import BuildResult, build, copy_project

V1 = "peixun:v1:01-juese-renzhi/01-diwei-zuoyong:"
PROGRESS = "xuexi-jindu.html"
ORDER = "auto-guanjian-zuoyong-0be762-paixu"  # was auto-guanjian-zuoyong-1-paixu


pytestmark = pytest.mark.usefixtures("no_script_errors")


def _record(r: list[str], state: str = "correct") -> str:
    return json.dumps({"s": state, "r": r, "t": 1_700_000_000_000})


def _seed(page: Page, url: str, records: dict[str, str]) -> None:
    """Open a page of the site (no quiz on it) and write ``records`` into its storage."""
    page.goto(url)
    page.evaluate(
        "(records) => Object.entries(records).forEach(([k, v]) => localStorage.setItem(k, v))",
        records,
    )


def _keys(page: Page) -> list[str]:
    """The saved answers' keys (not the other records, such as ``_visit:`` of a lesson opened)."""
    script = "Object.keys(localStorage).filter(k => k.startsWith('peixun:') && !/:v2:_/.test(k))"
    return sorted(page.evaluate(script))


def test_answers_saved_by_older_builds_reappear_and_move_to_the_new_keys(
    page: Page, site_url: str
) -> None:
    order_items = 4  # the lesson's 关键作用 list, in its own order: the right answer
    _seed(
        page,
        site_url + "glossary.html",
        {
            V1 + "diwei-qiaoliang": _record(["1"], "incorrect"),
            V1 + "auto-guanjian-zuoyong-1-paixu": _record([str(i) for i in range(order_items)]),
        },
    )
    page.goto(site_url + LESSON1)
    ready(page)
    expect(question(page, "diwei-qiaoliang")).to_have_attribute("data-state", "incorrect")
    order = question(page, ORDER)
    assert order.locator("li").count() == order_items
    expect(order).to_have_attribute("data-state", "correct")
    expect(page.locator(".px-quiz__score")).to_contain_text("已答 2 /")
    lesson = COURSE_PREFIX + "diwei-zuoyong:"
    assert _keys(page) == sorted([lesson + "diwei-qiaoliang", lesson + ORDER])


def test_a_newer_answer_wins_over_an_old_record(page: Page, site_url: str) -> None:
    new_key = COURSE_PREFIX + "diwei-zuoyong:diwei-zuzhi-jichu"
    _seed(
        page,
        site_url + "glossary.html",
        {V1 + "diwei-zuzhi-jichu": _record(["true"]), new_key: _record(["false"], "incorrect")},
    )
    page.goto(site_url + LESSON1)
    ready(page)
    q = question(page, "diwei-zuzhi-jichu")
    expect(q).to_have_attribute("data-state", "incorrect")
    expect(q.get_by_label("错误")).to_be_checked()
    assert json.loads(page.evaluate(f"localStorage.getItem('{new_key}')"))["r"] == ["false"]


def test_progress_page_counts_old_records_and_clearing_removes_them(
    page: Page, site_url: str
) -> None:
    _seed(
        page,
        site_url + "glossary.html",
        {
            V1 + "diwei-qiaoliang": _record(["0"]),
            V1 + "shuji-banzhang": _record(["不对"], "incorrect"),
            # a generated question, saved under its id of before stable ids (the course map's former)
            V1 + "auto-guanjian-zuoyong-1-tiankong": _record(["不对"], "incorrect"),
            "peixun:v1:99-qita/01-qita:qita": _record(["0"]),  # another course's: left alone
        },
    )
    page.goto(site_url + PROGRESS)
    ready(page)
    row = page.locator('tr[data-lesson="diwei-zuoyong"]')
    expect(row.locator("td").nth(1)).to_have_text("3")
    expect(row.locator("td").nth(2)).to_have_text("1")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="清除本机的全部答题记录").click()
    expect(row.locator("td").nth(1)).to_have_text("0")
    assert _keys(page) == ["peixun:v1:99-qita/01-qita:qita"]


@pytest.fixture(scope="module")
def other_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same course under another course id: what a second course opened from file:// is."""
    project = copy_project(tmp_path_factory.mktemp("other"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nextra:\n" in text
    config.write_text(
        text.replace("\nextra:\n", "\nextra:\n  peixun:\n    course_id: qita-kecheng\n", 1),
        encoding="utf-8",
    )
    result: BuildResult = build(project)
    assert result.returncode == 0, result.output
    return result.site


def test_two_courses_opened_from_folders_keep_their_answers_apart(
    page: Page, built_site: Path, other_course: Path
) -> None:
    page.goto(built_site.as_uri() + "/" + LESSON1)
    ready(page)
    answer(question(page, "diwei-qiaoliang"), correct=True)
    page.goto(other_course.as_uri() + "/" + LESSON1)
    ready(page)
    assert page.locator("[data-question][data-state]").count() == 0
    answer(question(page, "shuji-shenfen"), correct=False)
    page.goto(built_site.as_uri() + "/" + LESSON1)
    ready(page)
    expect(question(page, "diwei-qiaoliang")).to_have_attribute("data-state", "correct")
    assert page.locator("[data-question][data-state]").count() == 1
    assert _keys(page) == sorted(
        [
            COURSE_PREFIX + "diwei-zuoyong:diwei-qiaoliang",
            "peixun:qita-kecheng:v2:diwei-zuoyong:shuji-shenfen",
        ]
    )


def test_an_answer_to_an_earlier_version_of_a_question_is_not_re_applied(
    page: Page, site_url: str
) -> None:
    key = COURSE_PREFIX + "diwei-zuoyong:diwei-zuzhi-jichu"
    stale = json.dumps({"s": "correct", "r": ["true"], "t": 1, "f": "0000000000"})
    _seed(page, site_url + "glossary.html", {key: stale})
    page.goto(site_url + LESSON1)
    ready(page)
    q = question(page, "diwei-zuzhi-jichu")
    expect(q).not_to_have_attribute("data-state", "correct")
    expect(q.get_by_label("正确")).not_to_be_checked()
    # The progress page agrees: the stale record counts as not answered.
    page.goto(site_url + PROGRESS)
    row = page.locator('tr[data-lesson="diwei-zuoyong"]')
    expect(row.locator('[data-cell="done"]')).to_have_text("0")


def test_a_damaged_record_affects_only_its_own_question(page: Page, site_url: str) -> None:
    lesson = COURSE_PREFIX + "diwei-zuoyong:"
    _seed(page, site_url + "glossary.html", {lesson + ORDER: _record(['1"]', "0", "2", "3"])})
    page.goto(site_url + LESSON1)
    ready(page)
    expect(question(page, ORDER)).not_to_have_attribute("data-state", "correct")
    other = question(page, "diwei-zuzhi-jichu")
    answer(other, correct=True)
    expect(other).to_have_attribute("data-state", "correct")


def test_an_answer_saved_by_the_option_s_place_ticks_the_same_option(
    page: Page, site_url: str
) -> None:
    """Older builds saved a choice as its place in the bank ("1": the bank's second option);
    the page now shows the options shuffled and saves option keys, and still ticks that one."""
    _seed(page, site_url + "glossary.html", {V1 + "diwei-qiaoliang": _record(["1"], "incorrect")})
    page.goto(site_url + LESSON1)
    ready(page)
    q = question(page, "diwei-qiaoliang")
    expect(q).to_have_attribute("data-state", "incorrect")
    expect(q.get_by_label("战斗堡垒")).to_be_checked()  # the bank's second option
    expect(q.get_by_role("status")).to_contain_text("你的答案：战斗堡垒")
    q.get_by_role("button", name="重做").click()
    q.get_by_label("桥梁与纽带").check()
    q.get_by_role("button", name="提交").click()
    expect(q).to_have_attribute("data-state", "correct")
    key = COURSE_PREFIX + "diwei-zuoyong:diwei-qiaoliang"
    saved = json.loads(page.evaluate(f"localStorage.getItem('{key}')"))
    value = q.get_by_label("桥梁与纽带").get_attribute("value")
    assert saved["r"] == [value] and not value.isdigit()  # the option's key, not a place
