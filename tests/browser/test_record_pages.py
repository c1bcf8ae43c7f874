"""学习档案 printed to PDF and read back, and 支部汇总 from several learners' files."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from peixun.record.pages import DEVICE_NOTE
from tests.browser.quizhelp import LESSON1, answer, ready
from tests.browser.recordhelp import LESSON1_ID, course_map, export_file, record_ready, seed

pytestmark = pytest.mark.usefixtures("no_script_errors")

RECORD = "xuexi-dangan.html"
SUMMARY = "zhibu-huizong.html"


def pdf_text(path: Path) -> str:
    """The PDF's text without line breaks and spaces (Chinese is split across lines), NFKC:
    the embedded fonts map some characters to Kangxi radicals (⽀ for 支)."""
    return flat("".join(page.extract_text() for page in PdfReader(path).pages))


def flat(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_record_prints_on_a4_with_name_scores_attempts_and_the_device_note(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.goto(site_url + LESSON1)
    ready(page)
    shown = page.locator("[data-question]:visible")
    for i in range(shown.count()):
        answer(shown.nth(i), correct=True)
    start = 1_767_225_600_000  # 2026-01-01 00:00 UTC
    seed(
        page,
        {
            f"_visit:{LESSON1_ID}": {"t": 1, "read": True, "opened": 1, "seconds": 300},
            f"_exam:attempt:zonghe:{start}": {
                "t": start + 600_000,
                "score": 85,
                "passed": True,
                "seconds": 600,
                "chapters": {},
            },
        },
    )
    map_ = course_map(page)
    first = map_["chapters"][0]["lessons"][0]
    page.goto(site_url + RECORD)
    record_ready(page)
    page.get_by_label("姓名").fill("张三")
    page.get_by_label("所在支部").fill("机关第一党支部")
    expect(page.locator("[data-px-saved]")).to_have_text("已保存在本机。")
    page.reload()  # kept on this device
    record_ready(page)
    expect(page.get_by_label("姓名")).to_have_value("张三")
    expect(page.locator('[data-fact="name"]')).to_have_text("张三")
    row = page.locator(f'tr[data-lesson="{LESSON1_ID}"]')
    expect(row.locator('[data-cell="state"]')).to_have_text("自测已完成")
    expect(row.locator('[data-cell="score"]')).to_have_text("100 分")
    pdf = tmp_path / "dangan.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)  # the page size the print style asks for
    box = PdfReader(pdf).pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5  # A4
    text = pdf_text(pdf)
    for expected in [
        "学习档案",
        "学员张三",
        "所在支部机关第一党支部",
        f"（完成 1 / {len(map_['chapters'][0]['lessons'])} 课）",
        first["title"],
        "自测已完成100分",
        "综合测评85分及格10分钟",
        DEVICE_NOTE,
    ]:
        assert flat(expected) in text, expected
    assert "打印学习档案" not in text  # the screen controls are not printed
    assert "填写后自动保存在本机" not in text


def learner(
    tmp_path: Path, name: str, wrong: list[str], score: int | None, lesson: dict[str, object]
) -> Path:
    """An exported file of a learner who read lesson 1, answered its questions (those in
    ``wrong`` wrongly) and, with a ``score``, sat the exam once."""
    ids = lesson["q"]
    assert isinstance(ids, list)
    records: dict[str, dict[str, object]] = {
        f"{LESSON1_ID}:{q}": {"s": "incorrect" if q in wrong else "correct", "r": ["0"], "t": 2}
        for q in ids
    }
    records[f"_visit:{LESSON1_ID}"] = {"t": 2, "read": True, "opened": 2, "seconds": 60}
    records["_profile:learner"] = {"t": 2, "name": name, "branch": "第一党支部"}
    if score is not None:
        records["_exam:attempt:zonghe:3"] = {"t": 3, "score": score, "passed": score >= 60}
    return export_file(tmp_path / f"{name}.json", records)


def test_branch_summary_reads_three_files_and_reports_a_bad_one_on_its_own(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.goto(site_url + SUMMARY)
    map_ = course_map(page)
    lesson = map_["chapters"][0]["lessons"][0]
    q = lesson["q"]
    files = [
        learner(tmp_path, "张三", [q[0], q[1]], 90, lesson),
        learner(tmp_path, "李四", [q[1]], 55, lesson),
        learner(tmp_path, "<img src=x onerror=alert(1)>", [q[1], q[2]], None, lesson),
        tmp_path / "坏文件.json",
    ]
    files[3].write_text("{", encoding="utf-8")
    page.locator("[data-px-files]").set_input_files([str(f) for f in files])
    status = page.locator("[data-px-file-status] li")
    expect(status).to_have_count(4)
    expect(status.nth(3)).to_have_text(
        "坏文件.json：文件已损坏，或者不是学习记录文件（内容不是完整的 JSON）。这个文件没有计入汇总。"
    )
    rows = page.locator("[data-px-people] tbody tr")
    expect(rows).to_have_count(3)
    first = rows.nth(0).locator("td").all_inner_texts()
    assert first[:2] == ["张三", "第一党支部"]
    total = sum(len(x["q"]) for c in map_["chapters"] for x in c["lessons"])
    assert first[2:5] == [
        f"1 / {sum(len(c['lessons']) for c in map_['chapters'])} 课",
        f"1 / {sum(1 for c in map_['chapters'] for x in c['lessons'] if x['q'])} 课",
        f"{len(q) - 2} / {total} 题",
    ]
    assert first[5] == "最好 90 分，共 1 次，已及格"
    assert rows.nth(1).locator("td").nth(5).inner_text() == "最好 55 分，共 1 次，未及格"
    assert rows.nth(2).locator("td").nth(0).inner_text() == "<img src=x onerror=alert(1)>"
    assert rows.nth(2).locator("td").nth(5).inner_text() == "未参加"
    assert page.locator("[data-px-summary] img").count() == 0
    wrong = page.locator("[data-px-wrong] li")
    expect(wrong.first).to_have_text(f"{lesson['title']} · 第 2 题：3 人答错")
    link = wrong.first.get_by_role("link")
    assert link.evaluate("a => a.href") == f"{site_url}{LESSON1}#{lesson['anchor']}{q[1]}"
    link.click()
    expect(page.locator(f"#{lesson['anchor']}{q[1]}")).to_be_visible()
