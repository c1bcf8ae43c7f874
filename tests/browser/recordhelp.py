"""Helpers for the record browser tests: the course map, seeded records, exported files."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from peixun.course.settings import CourseSettings
from peixun.record import exchange
from tests.browser.quizhelp import COURSE_PREFIX

NAMESPACE = CourseSettings().storage_namespace("党支部书记履职能力培训")
LESSON1_ID = "diwei-zuoyong"


def record_ready(page: Any) -> None:
    """Wait until record.js has loaded the course map and set up this page."""
    page.wait_for_function(
        "() => window.peixunCourseMap && document.querySelector('article[data-px-tracked]')"
    )


def course_map(page: Any) -> dict[str, Any]:
    """The whole course map as record.js gives it (built by peixun.record.coursemap, in two
    parts: most pages load only the first)."""
    record_ready(page)
    data: dict[str, Any] = page.evaluate("window.peixun.record.courseMap()")
    return data


def seed(page: Any, records: dict[str, dict[str, Any]]) -> None:
    """Write records of this course into the page's localStorage (keys without the prefix)."""
    page.evaluate(
        "([prefix, records]) => Object.entries(records).forEach(([k, v]) =>"
        " localStorage.setItem(prefix + k, JSON.stringify(v)))",
        [COURSE_PREFIX, records],
    )


def stored(page: Any, key: str) -> Any:
    """One record of this course as saved, parsed."""
    return page.evaluate("(k) => JSON.parse(localStorage.getItem(k))", COURSE_PREFIX + key)


def export_file(path: Path, records: dict[str, dict[str, Any]], **fields: Any) -> Path:
    """A file as 导出学习记录 writes it, holding ``records``."""
    data = {
        "format": exchange.FORMAT,
        "version": exchange.VERSION,
        "course": NAMESPACE,
        "title": "党支部书记履职能力培训",
        "exported": 1,
        "records": records,
        **fields,
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def summary_with_files(page: Any, site: str) -> None:
    """支部汇总 after reading two learners' files and a damaged one (the page filled in)."""
    page.goto(site + "zhibu-huizong.html")
    lesson = course_map(page)["chapters"][0]["lessons"][0]
    folder = Path(tempfile.mkdtemp(prefix="px-summary-"))
    paths = []
    for n, name in enumerate(["张三", "李四"]):
        records: dict[str, dict[str, Any]] = {
            f"{LESSON1_ID}:{q}": {"s": "incorrect" if i <= n else "correct", "r": ["0"], "t": 1}
            for i, q in enumerate(lesson["q"])
        }
        records["_profile:learner"] = {"t": 1, "name": name, "branch": "第一党支部"}
        records[f"_exam:attempt:zonghe:{n}"] = {"t": 1, "score": 70 + n, "passed": True}
        paths.append(str(export_file(folder / f"{name}.json", records)))
    (folder / "坏.json").write_text("{", encoding="utf-8")
    paths.append(str(folder / "坏.json"))
    page.locator("[data-px-files]").set_input_files(paths)
    page.wait_for_selector("[data-px-summary-result]:not([hidden])")
