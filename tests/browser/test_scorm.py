"""The SCORM package run by a real SCORM run-time (scorm-again, npm) in a test LMS page.

The LMS page (tests/scorm/lms.html) and the unzipped packages are served from one origin, as
an LMS serves its packages; the SCO runs in an iframe. Two events come from other branches and
are dispatched here as declared until their UI is merged: ``peixun:lesson-state`` (record:
lesson read and self-check done) and ``peixun:exam-submitted`` (exam: 交卷). Answers are given
through the quiz's own controls.
"""

from __future__ import annotations

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
from tests.browser.quizhelp import COURSE_PREFIX, LESSON1, answer, ready
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
    frame.wait_for_selector("[data-quiz][data-ready]", state="attached")


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


def dispatch(frame: Frame, event: str, detail: dict[str, Any]) -> None:
    frame.evaluate(
        "([e, d]) => document.dispatchEvent(new CustomEvent(e, { detail: d }))", [event, detail]
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_a_lesson_reports_completion_and_its_answers_come_back_on_another_device(
    page: Page, browser: Browser, lms_url: str, version: str
) -> None:
    frame = launch(page, lms_url, version, LESSON1)
    assert status(page, version) == "incomplete"
    questions = frame.locator("fieldset[data-question]")
    ids = [questions.nth(i).get_attribute("data-question") for i in range(questions.count())]
    assert len(ids) >= 5
    kinds = [questions.nth(i).get_attribute("data-type") for i in range(len(ids))]
    fill = kinds.index("fill")
    blanks = questions.nth(fill).locator("input[type=text]").count()
    for i in range(len(ids)):
        answer(questions.nth(i), correct=True)
    suspend = cmi(page)["suspend_data"]
    assert suspend.startswith("1.") and len(suspend) < 200  # the lesson's answers, compact
    assert status(page, version) == "incomplete"  # answered, but not yet read to the end
    # Dispatched: the record branch fires this when the lesson is read and its self-check done.
    dispatch(
        frame,
        "peixun:lesson-state",
        {"lesson": "diwei-zuoyong", "read": True, "done": True, "score": 100},
    )
    assert status(page, version) == "completed"
    assert score(page, version)["raw"] == "100"
    leave(page)
    data = cmi(page)
    assert (data["core"]["exit"] if version == "1.2" else data["exit"]) == "suspend"
    assert (data["core"]["session_time"] if version == "1.2" else data["session_time"]) not in (
        "",
        "PT0S",
    )

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
    finally:
        other.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_the_exam_reports_score_pass_and_time(page: Page, lms_url: str, version: str) -> None:
    frame = launch(page, lms_url, version, EXAM)
    # Dispatched: the exam branch fires this on 交卷.
    dispatch(
        frame,
        "peixun:exam-submitted",
        {"exam": "zonghe-ceping", "score": 75, "passed": True, "seconds": 95},
    )
    assert score(page, version) == {"raw": "75", "min": "0", "max": "100"} | (
        {"scaled": "0.75"} if version == "2004" else {}
    )
    data = cmi(page)
    if version == "1.2":
        assert data["core"]["lesson_status"] == "passed"
    else:
        assert (data["success_status"], data["completion_status"]) == ("passed", "completed")
    leave(page)
    data = cmi(page)
    assert (data["core"]["session_time"] if version == "1.2" else data["session_time"]) in (
        "00:01:35",
        "0000:01:35",
        "PT0H1M35S",
        "PT1M35S",
    )

    frame = launch(page, lms_url, version, EXAM)
    dispatch(
        frame,
        "peixun:exam-submitted",
        {"exam": "zonghe-ceping", "score": 40, "passed": False, "seconds": 60},
    )
    data = cmi(page)
    assert (
        data["core"]["lesson_status"] if version == "1.2" else data["success_status"]
    ) == "failed"


def _every_answer(long_text: bool = False) -> dict[str, dict[str, Any]]:
    """A saved answer for every question of the course, each as long as it can be: every option
    of a multiple choice, every item of an ordering, the longest accepted text of each blank
    (``long_text``: 20 characters typed into each blank instead)."""
    course = load_course(ROOT / "docs", ROOT / "sources")
    questions = course_questions(course, ROOT / "quizzes")
    records: dict[str, dict[str, Any]] = {}
    t = 1_790_000_000_000
    for lesson in course.lessons():
        for q in questions.get(lesson.slug, []):
            t += 61_000
            if q.type == "single":
                r = [str(len(q.options or []) - 1)]
            elif q.type == "multiple":
                r = [str(i) for i in range(len(q.options or []))]
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


def test_every_question_of_the_course_answered_fits_in_scorm_1_2_and_is_restored(
    page: Page, browser: Browser, lms_url: str
) -> None:
    records = _every_answer()
    assert len(records) > 500  # the whole course
    frame = launch(page, lms_url, "1.2", LESSON1)
    _store_all(frame, records)
    leave(page)
    suspend = cmi(page)["suspend_data"]
    assert len(suspend) <= 4096, len(suspend)
    print(f"suspend_data for {len(records)} answers: {len(suspend)} characters")

    other = browser.new_context(locale="zh-CN")
    try:
        again = other.new_page()
        restored = _stored(launch(again, lms_url, "1.2", LESSON1, {"suspend_data": suspend}))
    finally:
        other.close()
    assert restored.keys() == records.keys()
    for key, record in records.items():
        got = restored[key]
        assert (got["s"], got["r"], got["f"]) == (record["s"], record["r"], record["f"]), key
        assert record["t"] - 3_600_000 < got["t"] <= record["t"]  # kept to the hour


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
    kept = len(restored)
    assert 300 < kept < len(records)
    assert set(restored) == set(newest_first[:kept])  # the newest are kept, the oldest left out


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
    assert data["suspend_data"].startswith("1.")
