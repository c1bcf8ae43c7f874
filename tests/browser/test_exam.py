"""The exam (综合测评) and the chapter test taken as an exam, in Chromium, on the fixture course.

The fixture course is built once for this module with a one-minute time limit on the 综合测评;
Playwright's clock runs the countdown, so no test waits for real time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.quizhelp import choose
from tests.browsing import instant_navigation_here, serve
from tests.fixture import copy_fixture
from tests.sitebuild import build_here

EXAM = "zonghe-ceping.html"
CHAPTER_TEST = "01-diyi-zhang/zhangjie-ceshi.html"
SIZE = 4  # the fixture's exam size (mkdocs.yml)

pytestmark = pytest.mark.usefixtures("no_script_errors")


@pytest.fixture(scope="module")
def exam_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_fixture(tmp_path_factory.mktemp("exam"))
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(
        text.replace("      size: 4\n", "      size: 4\n      time_limit: 1\n"), "utf-8"
    )
    result = build_here(project)
    assert result.ok, result.messages()
    return result.site


@pytest.fixture(scope="module")
def exam_url(exam_site: Path) -> Iterator[str]:
    with serve(exam_site) as url:
        yield url


def start(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="开始考试").click()
    expect(page.locator("[data-answer-sheet] a")).to_have_count(SIZE)


def paper(page: Page) -> object:
    return page.locator(".px-exam__questions .px-quiz__q")


def test_full_exam_scores_passes_and_reviews_every_question(page: Page, exam_url: str) -> None:
    page.clock.install()
    start(page, exam_url + EXAM)
    root = page.locator("[data-exam]")
    expect(root).to_have_attribute("data-state", "answering")
    expect(page.get_by_role("timer")).to_have_text("剩余时间 01:00")
    sheet = page.locator("[data-answer-sheet] a")
    expect(sheet.first).to_have_attribute("data-state", "unanswered")
    questions = paper(page)
    assert [questions.nth(i).locator(".px-quiz__no").inner_text() for i in range(SIZE)] == [
        "1",
        "2",
        "3",
        "4",
    ]
    for i in range(SIZE):
        choose(questions.nth(i), correct=True)
        expect(sheet.nth(i)).to_have_attribute("data-state", "answered")
    expect(page.locator("[data-count]")).to_have_text(f"已答 {SIZE} / {SIZE} 题")
    page.evaluate(
        "document.addEventListener('peixun:exam-submitted', e => { window.submitted = e.detail })"
    )
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.get_by_role("button", name="交卷").click()
    assert dialogs == []  # nothing left blank: no question asked
    expect(root).to_have_attribute("data-state", "submitted")
    result = page.locator("[data-exam-result]")
    expect(result).to_have_attribute("data-score", "100")
    expect(result).to_have_attribute("data-passed", "true")
    expect(result).to_contain_text("100 分")
    expect(result).to_contain_text("及格")
    expect(result.locator(".px-exam__bar-value").first).to_contain_text("答对")
    detail = page.evaluate("window.submitted")
    assert detail["exam"] == "zonghe" and detail["score"] == 100 and detail["passed"] is True
    assert isinstance(detail["seconds"], int)
    for i in range(SIZE):
        q = questions.nth(i)
        expect(q).to_have_attribute("data-state", "correct")
        status = q.get_by_role("status")
        expect(status).to_contain_text("你的答案：")
        expect(status).to_contain_text("答案：")
        link = status.get_by_role("link", name=re.compile("^回看原文"))
        href = link.evaluate("a => a.href")
        assert re.fullmatch(re.escape(exam_url) + r"0[12]-[a-z-]+/[0-9a-z-]+\.html#[a-z-]+", href)
    history = page.locator(".px-exam__history tbody tr")
    expect(history).to_have_count(1)
    expect(history.first.locator("td").nth(1)).to_have_text("100 分")
    expect(history.first.locator("td").nth(2)).to_have_text("及格")
    key = page.evaluate("Object.keys(localStorage).find(k => k.includes(':_exam:attempt:zonghe:'))")
    saved = page.evaluate(f"JSON.parse(localStorage.getItem({key!r}))")
    assert saved["score"] == 100 and saved["passed"] is True and "t" in saved
    assert sum(c["total"] for c in saved["chapters"].values()) == SIZE
    # The handed-in paper stays for review after a reload, until the next attempt.
    page.reload()
    expect(root).to_have_attribute("data-state", "submitted")
    expect(page.locator("[data-exam-result]")).to_have_attribute("data-score", "100")
    page.get_by_role("button", name="再考一次").click()
    expect(root).to_have_attribute("data-state", "answering")
    expect(page.locator("[data-answer-sheet] a[data-state=answered]")).to_have_count(0)


def test_reload_mid_paper_keeps_it_and_blanks_are_asked_about(page: Page, exam_url: str) -> None:
    start(page, exam_url + EXAM)
    ids = paper(page).evaluate_all("qs => qs.map(q => q.id)")
    choose(paper(page).first, correct=False)
    page.reload()
    expect(page.locator("[data-answer-sheet] a")).to_have_count(SIZE)
    assert paper(page).evaluate_all("qs => qs.map(q => q.id)") == ids
    sheet = page.locator("[data-answer-sheet] a")
    assert sheet.evaluate_all("as => as.map(a => a.dataset.state)") == [
        "answered",
        "unanswered",
        "unanswered",
        "unanswered",
    ]
    sheet.nth(2).click()  # jumps to question 3 and puts the keyboard there
    focused = page.evaluate("document.activeElement.closest('.px-quiz__q').id")
    assert focused == ids[2]
    messages: list[str] = []
    page.once("dialog", lambda d: (messages.append(d.message), d.dismiss()))
    page.get_by_role("button", name="交卷").click()
    assert messages == ["还有 3 题未答，未答的题不得分。确定交卷吗？"]
    expect(page.locator("[data-exam]")).to_have_attribute("data-state", "answering")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="交卷").click()
    result = page.locator("[data-exam-result]")
    expect(result).to_have_attribute("data-score", "0")
    expect(result).to_have_attribute("data-passed", "false")
    expect(result).to_contain_text("不及格")
    blank = paper(page).nth(3)
    expect(blank).to_have_attribute("data-state", "incorrect")
    expect(blank.get_by_role("status")).to_contain_text("你的答案：未作答")


def test_time_limit_counts_down_and_hands_in_at_zero(page: Page, exam_url: str) -> None:
    page.clock.install()
    start(page, exam_url + EXAM)
    timer = page.get_by_role("timer")
    expect(timer).to_have_text("剩余时间 01:00")
    assert timer.get_attribute("aria-live") is None  # role=timer: not read out every second
    page.clock.run_for("00:30")
    expect(timer).to_have_text("剩余时间 00:30")
    choose(paper(page).first, correct=True)
    page.clock.run_for("00:31")
    root = page.locator("[data-exam]")
    expect(root).to_have_attribute("data-state", "submitted")
    expect(page.locator("[data-status]")).to_have_text("时间到，已自动交卷。")
    expect(page.locator("[data-exam-result]")).to_have_attribute("data-score", "25")
    expect(page.locator("[data-exam-result]")).to_contain_text("用时 1 分 0 秒")


def test_a_paper_left_running_is_handed_in_when_its_time_is_over(page: Page, exam_url: str) -> None:
    page.clock.install()
    start(page, exam_url + EXAM)
    page.goto(exam_url + "index.html")
    page.clock.run_for("02:00")
    page.goto(exam_url + EXAM)
    expect(page.locator("[data-exam]")).to_have_attribute("data-state", "submitted")
    expect(page.locator("[data-exam-result]")).to_have_attribute("data-score", "0")


def test_chapter_test_offers_practice_and_an_exam_of_the_whole_chapter(
    page: Page, exam_url: str
) -> None:
    page.goto(exam_url + CHAPTER_TEST)
    practice = page.locator("[data-quiz=chapter][data-ready] [data-question]")
    expect(practice.first).to_be_visible()
    count = practice.count()
    assert count > SIZE  # every question of the chapter, not the exam's size
    expect(page.locator("[data-rules]")).to_contain_text(f"本卷 {count} 题")
    expect(page.locator("[data-rules]")).to_contain_text("不限时")
    page.get_by_role("button", name="开始考试").click()
    expect(page.locator("[data-answer-sheet] a")).to_have_count(count)
    expect(page.locator("[data-quiz=chapter]")).to_have_count(0)  # one copy of each question
    assert page.get_by_role("timer").count() == 0
    questions = paper(page)
    for i in range(count):
        choose(questions.nth(i), correct=i != 0)
    page.get_by_role("button", name="交卷").click()
    result = page.locator("[data-exam-result]")
    expect(result).to_have_attribute("data-score", str(round(100 * (count - 1) / count)))
    expect(result).to_have_attribute("data-passed", "true")
    expect(questions.first).to_have_attribute("data-state", "incorrect")
    key = page.evaluate(
        "Object.keys(localStorage).find(k => k.includes(':_exam:attempt:01-diyi-zhang:'))"
    )
    assert key is not None
    page.get_by_role("button", name="逐题练习").click()
    expect(page.locator("[data-quiz=chapter][data-ready] [data-question]")).to_have_count(count)
    # answers given in the exam are the questions' saved answers, as in the lessons
    first = page.locator("[data-quiz=chapter] [data-question][data-state=incorrect]")
    expect(first).to_have_count(1)


def test_question_data_loads_on_demand_over_http_and_from_a_folder(
    page: Page, exam_url: str, exam_site: Path
) -> None:
    for name in (EXAM, CHAPTER_TEST, "cuoti-ben.html"):
        html = (exam_site / name).read_text("utf-8")
        assert "data-question=" not in html and "px-quiz__q" not in html, name
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url) if "/questions/" in r.url else None)
    page.goto(exam_url + EXAM)
    expect(page.get_by_role("button", name="开始考试")).to_be_visible()
    assert loaded == []  # nothing before the learner starts
    page.get_by_role("button", name="开始考试").click()
    expect(page.locator("[data-answer-sheet] a")).to_have_count(SIZE)
    assert loaded and all(re.search(r"/assets/peixun/questions/[0-9a-z-]+\.js$", u) for u in loaded)
    page.goto((exam_site / EXAM).as_uri())
    page.get_by_role("button", name="开始考试").click()
    expect(page.locator("[data-answer-sheet] a")).to_have_count(SIZE)
    href = paper(page).first.locator(".px-quiz__origin a").evaluate("a => a.href")
    assert href.startswith(exam_site.as_uri() + "/0")  # rebased onto the page's folder
    assert (exam_site / href.removeprefix(exam_site.as_uri() + "/")).is_file()


def test_exam_and_wrong_book_work_under_instant_navigation(page: Page, exam_url: str) -> None:
    """Material swaps the page without loading scripts again: the exam's scripts come on demand."""
    instant_navigation_here(page, exam_url)
    page.goto(exam_url + "01-diyi-zhang/01-xuexi-huanjie.html")
    page.wait_for_selector("[data-quiz][data-ready]", state="attached")
    page.evaluate("window.sameDocument = true")  # gone if the browser loads a new document
    nav = page.get_by_role("navigation", name="导航栏")
    nav.get_by_role("link", name="综合测评").click()
    page.get_by_role("button", name="开始考试").click()
    expect(page.locator("[data-answer-sheet] a")).to_have_count(SIZE)
    choose(paper(page).first, correct=False)
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="交卷").click()
    expect(page.locator("[data-exam]")).to_have_attribute("data-state", "submitted")
    nav.get_by_role("link", name="错题本").click()
    expect(page.locator("[data-quiz=review] [data-question]")).to_have_count(1)
    nav.get_by_role("link", name="综合测评").click()
    expect(page.locator("[data-exam]")).to_have_attribute("data-state", "submitted")
    assert page.evaluate("window.sameDocument") is True
