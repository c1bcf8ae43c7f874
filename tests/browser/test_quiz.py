"""The in-page quiz on lesson pages, in Chromium: every type, retry, storage, navigation, a11y."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from peixun.quiz.contract import config_html
from peixun.quiz.model import Option, Question
from peixun.quiz.render import Entry, quiz_html
from tests.browser.quizhelp import (
    LESSON1,
    LESSON2,
    STORAGE_PREFIX,
    answer,
    question,
    ready,
)
from tests.browsing import instant_navigation_here
from tests.sitebuild import ROOT

QUIZ_JS = ROOT / "peixun" / "assets" / "quiz" / "quiz.js"


@pytest.fixture
def errors(page: Page) -> Iterator[list[str]]:
    """Script errors on the page; a quiz must never throw."""
    found: list[str] = []
    page.on("pageerror", lambda exc: found.append(str(exc)))
    yield found
    assert found == []


@pytest.fixture
def lesson(page: Page, site_url: str, errors: list[str]) -> Page:
    page.goto(site_url + LESSON1)
    ready(page)
    return page


CASES = [
    ("diwei-qiaoliang", "single"),
    ("shuji-shenfen", "multiple"),
    ("diwei-zuzhi-jichu", "truefalse"),
    ("diwei-yingxiangyuan", "fill"),
]


@pytest.mark.parametrize(("qid", "kind"), CASES)
def test_right_answer_is_marked_correct_with_explanation_and_link(
    lesson: Page, qid: str, kind: str
) -> None:
    q = question(lesson, qid)
    assert q.get_attribute("data-type") == kind
    answer(q, correct=True)
    expect(q).to_have_attribute("data-state", "correct")
    status = q.get_by_role("status")
    expect(status).to_contain_text("回答正确")
    expect(status.get_by_role("link", name=re.compile("^回看原文"))).to_be_visible()


@pytest.mark.parametrize(("qid", "kind"), CASES)
def test_wrong_answer_is_marked_incorrect_and_shows_the_answer(
    lesson: Page, qid: str, kind: str
) -> None:
    q = question(lesson, qid)
    answer(q, correct=False)
    expect(q).to_have_attribute("data-state", "incorrect")
    expect(q.get_by_role("status")).to_contain_text("回答错误")
    expect(q.get_by_role("status")).to_contain_text("答案：")


def test_order_question_right_and_wrong(page: Page, site_url: str, errors: list[str]) -> None:
    page.goto(site_url + LESSON2)
    ready(page)
    q = question(page, "chengwei-order")
    answer(q, correct=False)  # as shuffled: never already in order
    expect(q).to_have_attribute("data-state", "incorrect")
    q.get_by_role("button", name="重做").click()
    answer(q, correct=True)
    expect(q).to_have_attribute("data-state", "correct")
    expect(q.get_by_role("status")).to_contain_text("党代表 → 主心骨 → 领头雁 → 粘合剂 → 接班人")


def test_option_feedback_is_shown_for_the_option_picked(lesson: Page) -> None:
    q = question(lesson, "diwei-qiaoliang")
    q.get_by_label("战斗堡垒").check()
    q.get_by_role("button", name="提交").click()
    expect(q.get_by_role("status")).to_contain_text("“战斗堡垒”说的是党支部的作用")


def test_fill_accepts_full_width_spaces_and_quotes(lesson: Page) -> None:
    q = question(lesson, "diwei-yingxiangyuan")
    q.get_by_label("第 1 空").fill(" “影响源” ")
    q.get_by_label("第 2 空").fill("反馈点　")  # ideographic space
    q.get_by_label("第 2 空").press("Enter")  # Enter submits
    expect(q).to_have_attribute("data-state", "correct")


def test_submitting_nothing_asks_for_an_answer(lesson: Page) -> None:
    q = question(lesson, "diwei-qiaoliang")
    q.get_by_role("button", name="提交").click()
    expect(q.get_by_role("status")).to_have_text("请先作答。")
    assert q.get_attribute("data-state") is None


def test_retry_resets_the_question(lesson: Page) -> None:
    q = question(lesson, "diwei-qiaoliang")
    answer(q, correct=False)
    expect(q.get_by_role("button", name="提交")).to_be_hidden()
    q.get_by_role("button", name="重做").click()
    assert q.get_attribute("data-state") is None
    expect(q.get_by_role("status")).to_have_text("")
    expect(q.get_by_role("button", name="提交")).to_be_visible()
    assert q.locator("input:checked").count() == 0
    answer(q, correct=True)
    expect(q).to_have_attribute("data-state", "correct")


def test_score_summary_counts_answers(lesson: Page) -> None:
    total = lesson.locator("[data-question]").count()
    answer(question(lesson, "diwei-qiaoliang"), correct=True)
    answer(question(lesson, "diwei-zuzhi-jichu"), correct=False)
    expect(lesson.locator(".px-quiz__score")).to_have_text(f"已答 2 / {total} 题，答对 1 题。")


def test_reload_restores_answers_and_state(lesson: Page) -> None:
    answer(question(lesson, "diwei-qiaoliang"), correct=True)
    answer(question(lesson, "diwei-yingxiangyuan"), correct=False)
    lesson.reload()
    ready(lesson)
    q = question(lesson, "diwei-qiaoliang")
    expect(q).to_have_attribute("data-state", "correct")
    expect(q.get_by_label("桥梁与纽带")).to_be_checked()
    fill = question(lesson, "diwei-yingxiangyuan")
    expect(fill).to_have_attribute("data-state", "incorrect")
    expect(fill.get_by_label("第 1 空")).to_have_value("不对")
    expect(lesson.locator(".px-quiz__score")).to_contain_text("已答 2 /")
    answers = "Object.keys(localStorage).filter(k => k.startsWith('peixun:') && !/:v2:_/.test(k))"
    stored = lesson.evaluate(answers)  # the saved answers (the lesson's _visit: is another record)
    assert sorted(stored) == [
        STORAGE_PREFIX + "diwei-qiaoliang",
        STORAGE_PREFIX + "diwei-yingxiangyuan",
    ]


def test_corrupt_storage_is_ignored(lesson: Page) -> None:
    lesson.evaluate(
        """([p]) => {
            localStorage.setItem(p + 'diwei-qiaoliang', '{not json');
            localStorage.setItem(p + 'shuji-shenfen', '{"s":"correct","r":"0"}');
            localStorage.setItem(p + 'diwei-zuzhi-jichu', '{"s":"correct","r":["maybe"]}');
            localStorage.setItem(p + 'diwei-yingxiangyuan', 'null');
        }""",
        [STORAGE_PREFIX],
    )
    lesson.reload()
    ready(lesson)
    assert lesson.locator("[data-question][data-state]").count() == 0
    q = question(lesson, "diwei-qiaoliang")
    answer(q, correct=True)
    expect(q).to_have_attribute("data-state", "correct")


def test_unavailable_storage_never_breaks_the_page(page: Page, site_url: str) -> None:
    # Material's own bundle throws when storage is denied; quiz.js must not.
    quiz_errors: list[str] = []
    page.on(
        "pageerror",
        lambda exc: quiz_errors.append(str(exc)) if "quiz.js" in (exc.stack or "") else None,
    )
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', "
        "{get() { throw new DOMException('denied', 'SecurityError'); }});"
    )
    page.goto(site_url + LESSON1)
    ready(page)
    q = question(page, "diwei-zuzhi-jichu")
    answer(q, correct=True)
    expect(q).to_have_attribute("data-state", "correct")
    expect(page.locator(".px-quiz__score")).to_contain_text("已答 1 /")
    assert quiz_errors == []


@pytest.fixture
def instant(page: Page, site_url: str) -> Page:
    instant_navigation_here(page, site_url)
    return page


def lesson_url(path: str) -> re.Pattern[str]:
    """The lesson's address, with or without a section: Material's navigation.tracking may add
    the section in view (``#laiyuan``) as soon as the new page is shown."""
    return re.compile(re.escape(path) + r"(#[^/]*)?$")


def test_instant_navigation_to_another_lesson_and_back(
    instant: Page, site_url: str, errors: list[str]
) -> None:
    page = instant
    page.goto(site_url + LESSON1)
    ready(page)
    answer(question(page, "diwei-qiaoliang"), correct=True)
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("navigation", name="导航栏").get_by_role(
        "link", name="支部书记是政治角色"
    ).click()
    page.wait_for_url(lesson_url(LESSON2), wait_until="commit")
    page.wait_for_selector('[data-ready] [data-question="chengwei-order"] [data-move]')
    assert page.evaluate("window.__sameDocument") is True  # no reload: instant navigation
    q = question(page, "chengwei-order")
    assert q.locator("[data-move]").count() == 10  # two buttons per item, bound once
    answer(q, correct=True)
    expect(q).to_have_attribute("data-state", "correct")
    page.get_by_role("navigation", name="导航栏").get_by_role(
        "link", name="党支部的地位与支部书记的关键作用"
    ).click()
    page.wait_for_url(lesson_url(LESSON1), wait_until="commit")
    page.wait_for_selector('[data-ready] [data-question="diwei-qiaoliang"]')
    assert page.evaluate("window.__sameDocument") is True
    expect(question(page, "diwei-qiaoliang")).to_have_attribute("data-state", "correct")
    q = question(page, "shuji-banzhang")
    answer(q, correct=True)  # one click, one result: handlers are not bound twice
    expect(q).to_have_attribute("data-state", "correct")
    expect(page.locator(".px-quiz__score")).to_contain_text("已答 2 /")


def test_keyboard_alone(lesson: Page) -> None:
    page = lesson
    q = question(page, "diwei-qiaoliang")
    q.locator("input").first.focus()  # as if tabbed into the quiz
    page.keyboard.press("Space")
    for _ in range(4):
        if q.get_by_label("桥梁与纽带").is_checked():
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    expect(q.get_by_role("button", name="提交")).to_be_focused()
    page.keyboard.press("Enter")
    expect(q).to_have_attribute("data-state", "correct")
    expect(q.get_by_role("button", name="重做")).to_be_focused()
    page.keyboard.press("Enter")
    assert q.get_attribute("data-state") is None
    assert page.evaluate("document.activeElement.closest('[data-question]') !== null")


def test_order_by_keyboard(page: Page, site_url: str, errors: list[str]) -> None:
    page.goto(site_url + LESSON2)
    ready(page)
    q = question(page, "chengwei-order")
    items = q.locator("li")
    n = items.count()
    labels = q.locator("[data-move]").evaluate_all(
        "bs => bs.map(b => b.getAttribute('aria-label'))"
    )
    assert all(re.match(r"^把“.+”(上移|下移)一位$", x or "") for x in labels), labels
    # The ends are disabled, not silent.
    expect(items.first.locator('[data-move="up"]')).to_be_disabled()
    expect(items.last.locator('[data-move="down"]')).to_be_disabled()
    live = q.locator("[aria-live=polite]")
    for target in range(n):
        order = [items.nth(i).get_attribute("data-item") for i in range(n)]
        current = order.index(str(target))
        if current == target:
            continue
        item = q.locator(f'li[data-item="{target}"]')
        item.focus()  # a focused item moves with the arrow keys
        name = item.locator(".px-quiz__item").inner_text()
        for step in range(current - target):
            page.keyboard.press("ArrowUp")
            expect(live).to_have_text(f"{name} 移到第 {current - step} 位，共 {n} 项")
        expect(item).to_be_focused()
    for _ in range(4 * n):  # on through the list to the submit button
        if q.get_by_role("button", name="提交").evaluate("b => b === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(q.get_by_role("button", name="提交")).to_be_focused()
    page.keyboard.press("Enter")
    expect(q).to_have_attribute("data-state", "correct")


def test_move_buttons_keep_focus_and_announce(page: Page, site_url: str) -> None:
    page.goto(site_url + LESSON2)
    ready(page)
    q = question(page, "chengwei-order")
    moved = q.locator("li").nth(1).get_attribute("data-item") or ""
    q.locator(f'li[data-item="{moved}"] [data-move="up"]').focus()
    page.keyboard.press("Enter")  # now first: its 上移 is disabled, focus goes to 下移
    expect(q.locator("li").first).to_have_attribute("data-item", moved)
    expect(q.locator("li").first.locator('[data-move="down"]')).to_be_focused()
    expect(q.locator("[aria-live=polite]")).to_contain_text("移到第 1 位")


def test_screen_reader_structure(lesson: Page) -> None:
    q = question(lesson, "diwei-qiaoliang")
    assert q.evaluate("q => q.tagName") == "FIELDSET"
    expect(q.locator("legend")).to_contain_text("党支部作为党的基层组织")
    expect(q.get_by_role("status")).to_have_attribute("role", "status")
    expect(lesson.get_by_role("group", name=re.compile("党支部作为党的基层组织"))).to_have_count(1)


def test_without_javascript_questions_are_readable_and_answers_collapsed(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if "127.0.0.1" in route.request.url
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    page.goto(site_url + LESSON1)
    q = page.locator('[data-question="diwei-qiaoliang"]')
    expect(q.locator("legend")).to_be_visible()
    expect(q.get_by_text("桥梁与纽带", exact=True)).to_be_visible()
    expect(q.get_by_role("button", name="提交")).to_be_hidden()
    details = q.locator("details")
    expect(details.locator("summary")).to_have_text("答案与解析")
    assert details.get_attribute("open") is None
    expect(details.get_by_text("答案：")).to_be_hidden()
    details.locator("summary").click()
    expect(details.get_by_text("答案：")).to_be_visible()
    context.close()
    assert outside == []


def test_printing_a_lesson_prints_questions_without_answers(lesson: Page) -> None:
    answer(question(lesson, "diwei-qiaoliang"), correct=True)
    lesson.emulate_media(media="print")
    # Material opens every <details> before printing; do the same, JS hiding undone.
    lesson.evaluate(
        "document.querySelectorAll('details').forEach(d => { d.hidden = false; d.open = true; })"
    )
    q = question(lesson, "diwei-zuzhi-jichu")
    expect(q.locator("legend")).to_be_visible()
    expect(lesson.locator(".px-quiz__answer").first).to_be_hidden()
    expect(lesson.locator(".px-quiz__feedback").first).to_be_hidden()
    expect(lesson.get_by_role("button", name="提交").first).to_be_hidden()
    answers = lesson.locator(".px-quiz__solution")
    assert all(not answers.nth(i).is_visible() for i in range(answers.count()))


def test_phone_width_and_dark_mode(page: Page, site_url: str, errors: list[str]) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + LESSON1)
    ready(page)
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.px-quiz *')]"
        ".map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= 360
    field = question(page, "diwei-yingxiangyuan").get_by_label("第 1 空")
    background = field.evaluate("e => getComputedStyle(e).backgroundColor")
    channels = [int(x) for x in re.findall(r"\d+", background)[:3]]
    assert max(channels) < 80, background  # a dark field on the slate scheme, not white


def test_script_in_bank_text_shows_as_text(page: Page, errors: list[str]) -> None:
    evil = "<script>window.__pwned = true</script><img src=x onerror='window.__pwned = true'>"
    q = Question(
        id="xss",
        type="single",
        stem=f"题干{evil}",
        options=[Option(text=f"选项{evil}", correct=True), Option(text="乙"), Option(text="丙")],
        explanation=f"解析{evil}",
        source="s",
    )
    entry = Entry(q, "l", "c/l", "课", "章", "#s", f"节{evil}")
    head = config_html("ceshi")
    body = quiz_html([entry], "lesson")
    page.set_content(f"<!doctype html><html><head>{head}</head><body>{body}</body></html>")
    page.add_script_tag(path=str(QUIZ_JS))
    ready(page)
    box = page.locator('[data-question="xss"]')
    expect(box.locator("legend")).to_contain_text("<script>window.__pwned = true</script>")
    box.get_by_role("radio", name=re.compile("^选项")).check()
    box.get_by_role("button", name="提交").click()
    expect(box.get_by_role("status")).to_contain_text(f"解析{evil}")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0


def test_quiz_assets_are_small(built_site: Path) -> None:
    """What the site ships (minified at build time), gzipped as a server sends it."""
    import gzip

    shipped = [built_site / "assets/peixun/quiz" / name for name in ("quiz.js", "quiz.css")]
    size = sum(len(gzip.compress(path.read_bytes(), 9)) for path in shipped)
    assert size <= 8 * 1024, size


def test_quiz_works_from_a_folder(page: Page, built_site: Path, errors: list[str]) -> None:
    url = built_site.as_uri() + "/" + LESSON1
    page.goto(url)
    ready(page)
    q = question(page, "diwei-zuzhi-jichu")
    answer(q, correct=True)
    expect(q).to_have_attribute("data-state", "correct")
    page.reload()
    ready(page)
    expect(question(page, "diwei-zuzhi-jichu")).to_have_attribute("data-state", "correct")


def test_after_submit_the_learners_choice_and_the_right_one_are_said_in_words(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + LESSON1)
    ready(page)
    q = page.locator('[data-quiz] .px-quiz__q[data-type="single"]:visible').first
    right = str(json.loads(q.get_attribute("data-key") or "{}")["c"][0])
    wrong = q.locator(f'input:not([value="{right}"])').first
    wrong_value = wrong.get_attribute("value")

    def option(value: str | None) -> Any:
        return q.locator("label.px-quiz__option", has=page.locator(f'input[value="{value}"]'))

    wrong.check()
    q.get_by_role("button", name="提交").click()
    expect(q).to_have_attribute("data-state", "incorrect")
    expect(option(wrong_value)).to_contain_text("你的答案")
    expect(option(right)).to_contain_text("正确答案")
    expect(q.locator(".px-quiz__feedback")).to_contain_text("你的答案：")
    # Locked, but still reachable for reading, and a click changes nothing.
    assert wrong.evaluate("el => !el.disabled")  # a disabled input is skipped by Tab
    wrong.focus()
    expect(wrong).to_be_focused()
    expect(wrong).to_have_attribute("aria-disabled", "true")
    option(right).locator("input").click(force=True)  # as a learner clicking it would
    expect(wrong).to_be_checked()
    # 重做 clears the marks.
    q.get_by_role("button", name="重做").click()
    expect(q.locator(".px-quiz__tag")).to_have_count(0)
