"""The SCORM package run by a real SCORM run-time (scorm-again, npm) in a test LMS page.

The LMS page (tests/scorm/lms.html) and the unzipped packages are served from one origin, as
an LMS serves its packages; the SCO runs in an iframe. Everything is done through the site's
own controls: answers through the quiz, the lesson read by keeping its end in view for
``READ_SECONDS`` (Playwright's clock runs the time), the exam through 开始考试 and 交卷.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Frame, Page

from peixun.course.model import load_course
from peixun.quiz import course_questions
from peixun.quiz.answers import fingerprint
from peixun.record.coursemap import READ_SECONDS
from tests.browser.quizhelp import COURSE_PREFIX, LESSON1, answer, choose, ready
from tests.browsing import serve
from tests.npm import npm_package
from tests.sitebuild import ROOT, run_peixun

SCORM_AGAIN = "scorm-again@3.4.3"
EXAM = "zonghe-ceping.html"
VERSIONS = ["1.2", "2004"]
STATUS = {"1.2": ("core", "lesson_status"), "2004": ("completion_status",)}


@pytest.fixture(scope="session")
def lms_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test LMS page beside both packages (``pkg-1.2/``, ``pkg-2004/``), served."""
    root = tmp_path_factory.mktemp("lms")
    runtime = npm_package(SCORM_AGAIN, "SCORM 测试平台") / "node_modules" / "scorm-again"
    shutil.copy(runtime / "dist" / "scorm-again.js", root)
    shutil.copy(ROOT / "tests" / "scorm" / "lms.html", root)
    for version in VERSIONS:
        out = root / f"{version}.zip"
        proc = run_peixun(
            "export",
            "scorm",
            "--version",
            version,
            "--site",
            str(built_site),
            "--out",
            str(out),
            cwd=ROOT,
        )
        assert proc.returncode == 0, proc.stderr
        with zipfile.ZipFile(out) as archive:
            archive.extractall(root / f"pkg-{version}")
    with serve(root) as url:
        yield url


def launch(
    page: Page, lms_url: str, version: str, sco: str, saved: dict[str, Any] | None = None
) -> Frame:
    page.goto(lms_url + "lms.html")
    page.evaluate("([v, s, d]) => launch(v, s, d)", [version, f"pkg-{version}/{sco}", saved])
    handle = page.locator("#sco").element_handle()
    assert handle is not None
    frame = handle.content_frame()
    assert frame is not None
    frame.wait_for_load_state()
    ready_frame(frame)
    return frame


def ready_frame(frame: Frame) -> None:
    frame.wait_for_selector("[data-quiz][data-ready], [data-exam][data-ready]", state="attached")


def cmi(page: Page) -> dict[str, Any]:
    data: dict[str, Any] = page.evaluate("cmi()")
    return data


def status(page: Page, version: str) -> str:
    value: Any = cmi(page)
    for name in STATUS[version]:
        value = value[name]
    return str(value)


def score(page: Page, version: str) -> dict[str, str]:
    data = cmi(page)
    found: dict[str, str] = (data["core"] if version == "1.2" else data)["score"]
    return found


def leave(page: Page) -> None:
    """The LMS closes the SCO (as a player does on moving to another item): pagehide."""
    page.evaluate("document.getElementById('sco').remove()")
    page.wait_for_function("terminated()")


def session_seconds(page: Page, version: str) -> int:
    """``cmi.core.session_time`` (1.2, HHHH:MM:SS) or ``cmi.session_time`` (2004, PTnHnMnS)."""
    data = cmi(page)
    text = data["core"]["session_time"] if version == "1.2" else data["session_time"]
    if version == "1.2":
        h, m, sec = (int(x) for x in text.split(":"))
        return h * 3600 + m * 60 + sec
    found = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?", text)
    assert found, text
    h, m, sec = (float(x or 0) for x in found.groups())
    return round(h * 3600 + m * 60 + sec)


def stored(frame: Frame, key: str) -> Any:
    """A record of this course as the site's own store reads it."""
    return frame.evaluate(
        "(k) => window.peixun.store.load(window.peixun.settings().storage + k)", key
    )


def read_to_the_end(page: Page, frame: Frame) -> None:
    """The learner scrolls to the lesson's end and stays: record.js marks it read."""
    frame.locator("[data-px-read-end]").scroll_into_view_if_needed()
    page.clock.run_for((READ_SECONDS + 2) * 1000)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_lesson_reports_completion_and_its_answers_come_back_on_another_device(
    page: Page, browser: Browser, lms_url: str, version: str
) -> None:
    page.clock.install()
    frame = launch(page, lms_url, version, LESSON1)
    assert status(page, version) == "incomplete"
    questions = frame.locator("fieldset[data-question]")
    ids = [questions.nth(i).get_attribute("data-question") for i in range(questions.count())]
    assert len(ids) >= 5
    kinds = [questions.nth(i).get_attribute("data-type") for i in range(len(ids))]
    assert {"single", "multiple"} <= set(kinds)
    fill = kinds.index("fill")
    blanks = questions.nth(fill).locator("input[type=text]").count()
    for i in range(len(ids)):
        answer(questions.nth(i), correct=True)
    assert status(page, version) == "incomplete"  # answered, but not yet read to the end
    read_to_the_end(page, frame)
    assert stored(frame, "_visit:diwei-zuoyong")["read"] is True
    assert status(page, version) == "completed"
    assert score(page, version)["raw"] == "100"
    leave(page)
    data = cmi(page)
    assert (data["core"]["exit"] if version == "1.2" else data["exit"]) == "suspend"
    assert session_seconds(page, version) >= READ_SECONDS

    # Another device: empty storage, one newer answer of its own; the LMS hands back suspend_data.
    other = browser.new_context(locale="zh-CN")
    try:
        again = other.new_page()
        again.goto(lms_url + "lms.html")
        mine = {"s": "incorrect", "r": ["不对"] * blanks, "t": 4102444800000}  # 2100: newer
        again.evaluate(
            "([k, v]) => localStorage.setItem(k, JSON.stringify(v))",
            [COURSE_PREFIX + f"diwei-zuoyong:{ids[fill]}", mine],
        )
        restored = launch(again, lms_url, version, LESSON1, {"suspend_data": data["suspend_data"]})
        states = [
            restored.locator(f'fieldset[data-question="{qid}"]').get_attribute("data-state")
            for qid in ids
        ]
        assert states[fill] == "incorrect"  # this device's newer answer wins
        assert states[:fill] + states[fill + 1 :] == ["correct"] * (len(ids) - 1)
        assert restored.get_by_text(f"已答 {len(ids)} / {len(ids)} 题").is_visible()
        # The choices come back as the options the learner picked, by their keys.
        for i, kind in enumerate(kinds):
            if kind in ("single", "multiple"):
                q = restored.locator(f'fieldset[data-question="{ids[i]}"]')
                assert q.locator("input:checked").count() >= 1
        # record.js writes this lesson's visit on opening: read survives only because scorm.js
        # restored suspend_data before record.js (and quiz.js) first read storage.
        visit = stored(restored, "_visit:diwei-zuoyong")
        assert visit["read"] is True and visit["seconds"] >= READ_SECONDS  # read on the first
    finally:
        other.close()


def take_exam(page: Page, frame: Frame, right: int, seconds: int) -> None:
    """开始考试 (or 再考一次), the first ``right`` questions answered right, the rest wrong,
    ``seconds`` spent, 交卷."""
    frame.get_by_role("button", name=re.compile("^(开始考试|再考一次)$")).click()
    frame.wait_for_selector("[data-answer-sheet]")
    shown = frame.locator(".px-exam__questions [data-question]")
    for i in range(shown.count()):
        choose(shown.nth(i), correct=i < right)
    page.clock.run_for(seconds * 1000)
    frame.get_by_role("button", name="交卷").click()
    frame.wait_for_selector("[data-exam][data-state=submitted]")


@pytest.mark.parametrize("version", VERSIONS)
def test_the_exam_reports_score_pass_and_time(
    page: Page, browser: Browser, lms_url: str, version: str
) -> None:
    page.clock.install()
    frame = launch(page, lms_url, version, EXAM)
    take_exam(page, frame, right=15, seconds=95)
    shown = frame.locator(".px-exam__questions [data-question]").count()
    expected = round(100 * 15 / shown)
    assert frame.locator("[data-exam-result]").get_attribute("data-score") == str(expected)
    assert score(page, version) == {"raw": str(expected), "min": "0", "max": "100"} | (
        {"scaled": str(expected / 100)} if version == "2004" else {}
    )
    data = cmi(page)
    if version == "1.2":
        assert data["core"]["lesson_status"] == "passed"
    else:
        assert (data["success_status"], data["completion_status"]) == ("passed", "completed")
    leave(page)
    assert 95 <= session_seconds(page, version) < 110

    saved = cmi(page)["suspend_data"]
    frame = launch(page, lms_url, version, EXAM, {"suspend_data": saved})
    take_exam(page, frame, right=0, seconds=60)
    data = cmi(page)
    assert score(page, version)["raw"] == "0"
    assert (
        data["core"]["lesson_status"] if version == "1.2" else data["success_status"]
    ) == "failed"
    leave(page)

    # Both attempts follow the learner to another device (restored before exam.js reads them).
    other = browser.new_context(locale="zh-CN")
    try:
        again = other.new_page()
        saved = cmi(page)["suspend_data"]
        restored = launch(again, lms_url, version, EXAM, {"suspend_data": saved})
        history = restored.locator(".px-exam__history tbody tr")
        history.first.wait_for()
        assert history.count() == 2
        assert [history.nth(i).locator("td").nth(1).inner_text() for i in range(2)] == [
            "0 分",
            f"{expected} 分",
        ]
    finally:
        other.close()


def _every_answer(long_text: bool = False) -> dict[str, dict[str, Any]]:
    """A saved answer for every question of the course, each as long as it can be (options by
    their keys, as quiz.js saves them): every option of a multiple choice, every item of an ordering, the longest accepted text of each blank
    (``long_text``: 20 characters typed into each blank instead)."""
    course = load_course(ROOT / "docs", ROOT / "sources")
    questions = course_questions(course, ROOT / "quizzes")
    records: dict[str, dict[str, Any]] = {}
    t = 1_790_000_000_000
    for lesson in course.lessons():
        for q in questions.get(lesson.slug, []):
            t += 61_000
            if q.type == "single":
                r = [(q.options or [])[-1].key]
            elif q.type == "multiple":
                r = [o.key for o in q.options or []]
            elif q.type == "truefalse":
                r = ["false"]
            elif q.type == "order":
                r = [str(i) for i in reversed(range(len(q.items or [])))]
            else:
                r = ["长" * 20 if long_text else max(b, key=len) for b in q.blanks or []]
            records[f"{lesson.meta.id}:{q.id}"] = {
                "s": "correct",
                "r": r,
                "t": t,
                "f": fingerprint(q),
            }
    return records


def _store_all(frame: Frame, records: dict[str, dict[str, Any]]) -> None:
    frame.evaluate(
        """(records) => {
            const prefix = window.peixun.settings().storage;
            Object.entries(records).forEach(([k, v]) => window.peixun.store.set(prefix + k, v));
        }""",
        records,
    )


def _stored(frame: Frame) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = frame.evaluate(
        """() => {
            const prefix = window.peixun.settings().storage;
            return Object.fromEntries(window.peixun.store.keys().map((k) => [k, window.peixun.store.load(prefix + k)]));
        }"""
    )
    return found


def _every_visit_and_attempts(attempts: int) -> dict[str, dict[str, Any]]:
    """Every lesson of the course read (as record.js keeps it) and ``attempts`` handed-in
    exams (as exam.js keeps them, a score for every chapter)."""
    course = load_course(ROOT / "docs", ROOT / "sources")
    records: dict[str, dict[str, Any]] = {}
    t = 1_790_000_000_000
    for i, lesson in enumerate(course.lessons()):
        t += 600_000
        records[f"_visit:{lesson.meta.id}"] = {
            "read": True,
            "seconds": 300 + i,
            "opened": t - 1_200_000,
            "t": t,
        }
    chapters = sorted({lesson.slug.split("/")[0] for lesson in course.lessons()})
    for n in range(attempts):
        start = 1_791_000_000_000 + n * 86_400_000
        records[f"_exam:attempt:zonghe:{start}"] = {
            "t": start + 1_500_000,
            "score": 75,
            "passed": True,
            "seconds": 1500,
            "chapters": {c: {"right": 2, "total": 3} for c in chapters},
            "total": 3 * len(chapters),
            "right": 2 * len(chapters),
        }
    return records


ATTEMPTS = 3
"""Handed-in exams that must follow the learner along with the whole course's answers."""


def test_every_question_of_the_course_answered_fits_in_scorm_1_2_and_is_restored(
    page: Page, browser: Browser, lms_url: str
) -> None:
    answers = _every_answer()
    others = _every_visit_and_attempts(ATTEMPTS)
    assert len(answers) > 500  # the whole course
    frame = launch(page, lms_url, "1.2", LESSON1)
    _store_all(frame, answers | others)
    leave(page)
    suspend = cmi(page)["suspend_data"]
    assert len(suspend) <= 4096, len(suspend)
    print(
        f"suspend_data for {len(answers)} answers, every lesson read and {ATTEMPTS} exams: "
        f"{len(suspend)} characters"
    )

    other = browser.new_context(locale="zh-CN")
    try:
        again = other.new_page()
        restored = _stored(launch(again, lms_url, "1.2", LESSON1, {"suspend_data": suspend}))
    finally:
        other.close()
    assert restored.keys() >= answers.keys() | others.keys()
    for key, record in answers.items():
        got = restored[key]
        assert (got["s"], got["r"], got["f"]) == (record["s"], record["r"], record["f"]), key
        assert record["t"] - 86_400_000 < got["t"] <= record["t"]  # kept to the day
    here = "_visit:diwei-zuoyong"  # opened on both devices since: only its state is compared
    assert restored[here]["read"] is True
    for key, record in others.items():
        got = restored[key]
        if key.startswith("_visit:") and key != here:
            assert (got["read"], got["seconds"]) == (record["read"], record["seconds"]), key
            assert record["t"] - 60_000 < got["t"] <= record["t"]  # kept to the minute
            assert record["opened"] <= got["opened"] <= record["t"]  # 继续学习 still finds it
        elif key.startswith("_exam:"):
            assert got == record, key


def test_beyond_the_limit_the_oldest_answers_stay_on_the_device_only(
    page: Page, browser: Browser, lms_url: str
) -> None:
    records = _every_answer(long_text=True)
    frame = launch(page, lms_url, "1.2", LESSON1)
    _store_all(frame, records)
    leave(page)
    suspend = cmi(page)["suspend_data"]
    assert 3900 < len(suspend) <= 4096

    other = browser.new_context(locale="zh-CN")
    try:
        again = other.new_page()
        restored = _stored(launch(again, lms_url, "1.2", LESSON1, {"suspend_data": suspend}))
    finally:
        other.close()
    newest_first = sorted(records, key=lambda k: records[k]["t"], reverse=True)
    answers = {key for key in restored if not key.startswith("_")}  # not the page's _visit
    kept = len(answers)
    assert 300 < kept < len(records)
    assert answers == set(newest_first[:kept])  # the newest are kept, the oldest left out


def test_outside_an_lms_nothing_is_reported_and_nothing_goes_wrong(
    context: BrowserContext, site_url: str, built_site: Path
) -> None:
    page = context.new_page()
    messages: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    page.on("pageerror", lambda e: messages.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    for url in (site_url + LESSON1, (built_site / LESSON1).as_uri()):
        page.goto(url)
        ready(page)
        answer(page.locator("fieldset[data-question]").first, correct=True)
        assert page.evaluate("window.peixun.scormApi === undefined")
    # In a frame of a page that is no LMS, too.
    page.set_content(
        f'<iframe src="{site_url + LESSON1}" style="width:900px;height:600px"></iframe>'
    )
    frame = page.frame_locator("iframe")
    frame.locator("[data-quiz][data-ready]").wait_for(state="attached")
    answer(frame.locator("fieldset[data-question]").first, correct=True)
    assert messages == []
    assert not [u for u in requests if "scorm-runtime.js" in u or "table.js" in u]


def test_moving_to_another_page_inside_the_sco_ends_its_session_quietly(
    page: Page, lms_url: str, no_script_errors: None
) -> None:
    """Outside the site's own address instant navigation is off, so a link inside the SCO loads
    a new page: the session is committed and ended on pagehide, the next page reports nothing."""
    frame = launch(page, lms_url, "1.2", LESSON1)
    answer(frame.locator("fieldset[data-question]").first, correct=True)
    frame.locator("a.md-footer__link--next").click()
    page.wait_for_function("terminated()")
    after = page.frame_locator("#sco")
    after.locator("[data-quiz][data-ready]").wait_for(state="attached")
    assert after.locator("h1").first.inner_text() == "支部书记是政治角色"
    data = cmi(page)
    assert data["core"]["exit"] == "suspend"
    assert data["suspend_data"].startswith("2.")  # version 2 of the encoding (suspend.js)
