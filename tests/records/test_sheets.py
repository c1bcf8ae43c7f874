"""学习记录 sheets: the one field list, what is filled in, the page, and the course's own fields."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from peixun.course.model import Chapter
from peixun.course.settings import load_settings
from peixun.errors import ContentError, ContentErrors
from peixun.records.fields import DEFAULT_FIELDS
from peixun.records.html import sheet_html
from peixun.records.sheet import chapter_sheet, lesson_sheet
from peixun.slides.blocks import read_blocks
from tests.handouts.conftest import CourseWithQuestions

COURSE = "党支部书记履职能力培训"
RECORD_BOOK = [
    "时间",
    "地点",
    "主持人",
    "记录人",
    "应到人数",
    "实到人数",
    "缺席人员及原因",
    "列席人员",
    "学习主题",
    "学习内容",
    "研讨题目",
    "发言摘要",
    "会议决议 / 下步打算",
    "主持人签字",
]


def _chapter(real: CourseWithQuestions) -> Chapter:
    chapter = real.course.chapter("01-juese-renzhi")
    assert chapter is not None
    return chapter


def _items(chapter: Chapter, n: int, section: str) -> list[str]:
    found = next(s for s in chapter.lessons[n].markdown.sections_at(2) if s.id == section)
    return [b.text for b in read_blocks(found.content) if b.kind == "item" and b.depth == 0]


def test_the_default_fields_follow_the_record_books() -> None:
    assert [f.label for f in DEFAULT_FIELDS] == RECORD_BOOK


def test_a_lesson_sheet_is_filled_with_its_title_key_points_and_questions(
    real_course: CourseWithQuestions,
) -> None:
    chapter = _chapter(real_course)
    sheet = lesson_sheet(COURSE, chapter, chapter.lessons[0])
    assert sheet.topic == chapter.lessons[0].title
    assert sheet.points == (("", tuple(_items(chapter, 0, "yaodian"))),)
    assert sheet.questions == (("", tuple(_items(chapter, 0, "taolun"))),)
    html = str(sheet_html(sheet, DEFAULT_FIELDS))
    labels = re.findall(r'data-field="([^"]+)"', html)
    assert labels == RECORD_BOOK
    for item in sheet.points[0][1] + sheet.questions[0][1]:
        assert str(escape(item)) in html


def test_a_chapter_sheet_lists_every_lesson_under_its_name(
    real_course: CourseWithQuestions,
) -> None:
    chapter = _chapter(real_course)
    sheet = chapter_sheet(COURSE, chapter)
    assert sheet.topic == chapter.title
    assert [label for label, _ in sheet.points] == [
        f"第 {i} 课　{lesson.title}" for i, lesson in enumerate(chapter.lessons, start=1)
    ]
    assert sheet.questions[1][1] == tuple(_items(chapter, 1, "taolun"))


def test_a_course_sets_its_own_fields_in_mkdocs_yml(real_course: CourseWithQuestions) -> None:
    text = (
        "extra:\n  peixun:\n    record_fields:\n"
        "      - {label: 会议时间, kind: short}\n"
        "      - {label: 学习主题, kind: topic}\n"
        "      - {label: 心得体会, kind: lines, rows: 8}\n"
    )
    data = {
        "record_fields": [
            {"label": "会议时间", "kind": "short"},
            {"label": "学习主题", "kind": "topic"},
            {"label": "心得体会", "kind": "lines", "rows": 8},
        ]
    }
    fields = load_settings(data, text).record_fields
    chapter = _chapter(real_course)
    html = str(sheet_html(lesson_sheet(COURSE, chapter, chapter.lessons[0]), fields))
    assert re.findall(r'data-field="([^"]+)"', html) == ["会议时间", "学习主题", "心得体会"]
    assert html.count('class="px-record__rule"') == 8


def test_a_wrong_field_kind_names_the_line_in_mkdocs_yml() -> None:
    text = "extra:\n  peixun:\n    record_fields:\n      - {label: 时间, kind: blank}\n"
    with pytest.raises((ContentError, ContentErrors)) as caught:
        load_settings({"record_fields": [{"label": "时间", "kind": "blank"}]}, text)
    message = str(caught.value)
    assert "mkdocs.yml（extra.peixun） 第 4 行" in message
    assert "record_fields → 第 1 项 → kind" in message and "'speakers'" in message


def test_escapes_every_piece_of_the_sheet(real_course: CourseWithQuestions) -> None:
    chapter = _chapter(real_course)
    sheet = lesson_sheet('<script>"', chapter, chapter.lessons[0])
    html = str(sheet_html(sheet, DEFAULT_FIELDS))
    assert "<script>" not in html and 'data-course="<' not in html
