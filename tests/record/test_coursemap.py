"""The course map record.js reads, the record pages' names and their place in the build."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from peixun.course.model import load_course
from peixun.course.settings import CourseSettings
from peixun.generated import generated_paths
from peixun.quiz import course_questions
from peixun.quiz.answers import fingerprint
from peixun.quiz.render import legacy_of
from peixun.record import coursemap, exchange
from peixun.record import pages as record_pages
from tests.fixture import COURSE


def fixture_map() -> dict[str, object]:
    course = load_course(COURSE / "docs", COURSE / "sources")
    questions = course_questions(course, COURSE / "quizzes")
    return coursemap.course_map(
        course,
        questions,
        CourseSettings(),
        "ceshi",
        "示例课程",
        lambda src: src.removesuffix(".md") + ".html",
    )


def test_map_lists_every_lesson_in_order_with_its_questions() -> None:
    course = load_course(COURSE / "docs", COURSE / "sources")
    questions = course_questions(course, COURSE / "quizzes")
    data = fixture_map()
    chapters = data["chapters"]
    assert isinstance(chapters, list)
    assert [c["id"] for c in chapters] == [c.folder for c in course.chapters]
    first = course.chapters[0].lessons[0]
    entry = chapters[0]["lessons"][0]
    assert entry["id"] == first.meta.id and entry["title"] == first.title
    assert entry["url"] == first.slug + ".html" and entry["minutes"] == first.minutes
    assert entry["q"] == [q.id for q in questions[first.slug]]
    assert entry["fp"] == [fingerprint(q) for q in questions[first.slug]]
    assert entry["anchor"] == "q-" + first.slug.replace("/", "--") + "--"
    assert entry["slug"] == first.slug


def _legacy(lesson: dict[str, Any], qid: str) -> str:
    """The key quiz.js makes from the map for 学习进度 (its formerId and legacyKeys)."""
    for pair in lesson["former"]:
        now, old = pair.split("=")
        if qid == now or (now.endswith("-") and qid.startswith(now)):
            return f"{lesson['slug']}:{old}{qid[len(now) :]}"
    return f"{lesson['slug']}:{qid}"


def test_map_gives_every_question_the_key_older_builds_saved_it_under() -> None:
    course = load_course(COURSE / "docs", COURSE / "sources")
    questions = course_questions(course, COURSE / "quizzes")
    chapters = fixture_map()["chapters"]
    assert isinstance(chapters, list)
    lessons = {entry["id"]: entry for c in chapters for entry in c["lessons"]}
    renamed = 0
    for chapter in course.chapters:
        for lesson in chapter.lessons:
            entry = lessons[lesson.meta.id]
            for q in questions.get(lesson.slug, []):
                assert _legacy(entry, q.id) == legacy_of(lesson.slug, q)
                renamed += q.former_id is not None
    assert renamed  # the fixture has generated questions whose id changed


def test_progress_rows_name_only_their_lesson(fixture_site: Path) -> None:
    html = (fixture_site / "xuexi-jindu.html").read_text(encoding="utf-8")
    assert re.search(r'<tr data-lesson="[^"]+"><td>', html)
    for attr in ("data-ids", "data-fps", "data-slug", "data-former"):
        assert attr not in html  # the course map has them, once


def test_map_names_the_pages_the_rules_and_the_file_format() -> None:
    data = fixture_map()
    assert data["course"] == "ceshi" and data["readSeconds"] == coursemap.READ_SECONDS
    assert data["file"] == exchange.schema()
    pages = data["pages"]
    assert isinstance(pages, dict)
    assert pages["record"] == "xuexi-dangan.html" and pages["summary"] == "zhibu-huizong.html"
    assert "zonghe-ceping.html" in data["timed"]  # type: ignore[operator]


def test_map_script_cannot_end_its_element_and_its_address_follows_its_content() -> None:
    data = {"title": "</script><b>"}
    script = coursemap.map_script(data)
    assert "<" not in script
    assert json.loads(script.split("=", 1)[1].rstrip(";\n")) == data
    assert coursemap.map_address(script) != coursemap.map_address(coursemap.map_script({}))
    assert coursemap.map_address(script).startswith(coursemap.MAP_FILE + "?v=")


def test_the_outline_and_the_chapters_parts_merge_back_into_the_whole_map() -> None:
    lesson = {"id": "l1", "title": "课", "url": "c1/l1.html", "minutes": 5, "q": ["a"]}
    data = {
        "course": "ceshi",
        "chapters": [
            {"id": "c1", "title": "第一章", "url": "c1/index.html", "lessons": [lesson]},
            {"id": "c2", "title": "第二章", "url": "c2/index.html", "lessons": []},
        ],
    }
    outline, parts = coursemap.split(data)
    assert set(outline["chapters"][0]["lessons"][0]) == set(coursemap.OUTLINE_KEYS)
    assert parts == {"c1": [{"title": "课", "minutes": 5, "q": ["a"]}], "c2": []}
    merged = [  # as record.js merges them
        {**c, "lessons": [{**a, **b} for a, b in zip(c["lessons"], parts[c["id"]], strict=True)]}
        for c in outline["chapters"]
    ]
    assert {**outline, "chapters": merged} == data
    files = coursemap.map_files(data)
    assert list(files) == [coursemap.MAP_FILE, *map(coursemap.part_path, ["c1", "c2"])]
    assert "<" not in files[coursemap.part_path("c1")]


def test_record_pages_are_generated_and_kept_out_of_search() -> None:
    course = load_course(COURSE / "docs", COURSE / "sources")
    questions = course_questions(course, COURSE / "quizzes")
    settings = CourseSettings.model_validate({"pages": {"record": "dangan.md"}})
    paths = generated_paths(course, questions, settings)
    assert {"dangan.md", "zhibu-huizong.md"} <= paths
    for text in record_pages.generated_pages(settings).values():
        assert "search:\n  exclude: true" in text and record_pages.MARKER in text
    assert settings.nav_order().index("dangan.md") == 3


def test_fixture_site_has_the_map_and_names_it_in_every_page(fixture_site: Path) -> None:
    script = (fixture_site / coursemap.MAP_FILE).read_text(encoding="utf-8")
    assert script.startswith(f"window.{coursemap.MAP_GLOBAL}=")
    outline = json.loads(script.split("=", 1)[1].rstrip(";\n"))
    for chapter in outline["chapters"]:  # each chapter's part is there, under its address
        path, _ = chapter["part"].split("?")
        assert path == coursemap.part_path(chapter["id"])
        part = (fixture_site / path).read_text(encoding="utf-8")
        assert chapter["part"] == coursemap.map_address(part, path)
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert str(coursemap.config_html(coursemap.map_address(script))) in home
    assert "data-px-next" in home  # 继续学习 and 今日复习
    assert (fixture_site / "xuexi-dangan.html").is_file()
    assert (fixture_site / "zhibu-huizong.html").is_file()
