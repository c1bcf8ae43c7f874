"""The sheet pages the build adds, where they live, and the chapter page's 学习记录 links."""

from __future__ import annotations

from collections.abc import Sequence

import yaml
from markupsafe import Markup

from peixun.course.model import Chapter, Course, Lesson
from peixun.handouts.editions import relative_link
from peixun.records.fields import RecordField
from peixun.records.html import sheet_html
from peixun.records.sheet import Sheet, chapter_sheet, lesson_sheet

RECORD_FOLDER = "records"
LINK_TEXT = "学习记录"
PLAN_TEXT = "学习计划"
# The view is put in the finished page (peixun.site.hooks.meeting). The comment names its own
# "<h1>" so that Material, which looks for one in the content, adds no second title.
MARKER = "<!-- peixun:records-sheet: the view has its own <h1> -->"
"""Written into a sheet page's Markdown; replaced by the sheet once the page is rendered:
the sheet is raw HTML, which md_in_html would otherwise parse all through for nothing."""


def record_path(chapter: Chapter, lesson: Lesson | None = None) -> str:
    """``records/01-juese-renzhi.md`` (a chapter) or ``records/01-juese-renzhi/01-x.md``."""
    return f"{RECORD_FOLDER}/{lesson.src_path if lesson else chapter.folder + '.md'}"


def sheets(course_name: str, course: Course) -> dict[str, tuple[Chapter, Sheet]]:
    """docs path -> (chapter, sheet) for every chapter and lesson."""
    found: dict[str, tuple[Chapter, Sheet]] = {}
    for chapter in course.chapters:
        found[record_path(chapter)] = (chapter, chapter_sheet(course_name, chapter))
        for lesson in chapter.lessons:
            found[record_path(chapter, lesson)] = (
                chapter,
                lesson_sheet(course_name, chapter, lesson),
            )
    return found


def record_markdown(path: str, chapter: Chapter, sheet: Sheet) -> str:
    """The sheet page: screen-only controls, then the sheet's marker (:func:`sheet_at`)."""
    meta = {"title": sheet.title, "search": {"exclude": True}, "hide": ["navigation", "toc"]}
    back = relative_link(path, chapter.index_path)
    return (
        "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"
        '<div class="px-handout__actions" markdown>\n\n'
        '<button type="button" class="md-button md-button--primary" onclick="window.print()">'
        "打印学习记录</button> "
        f"[返回本章]({back}){{ .md-button }}\n\n"
        "</div>\n\n"
        f"{MARKER}\n"
    )


def record_pages(course_name: str, course: Course) -> dict[str, str]:
    """docs path -> Markdown of every sheet page."""
    return {
        path: record_markdown(path, chapter, sheet)
        for path, (chapter, sheet) in sheets(course_name, course).items()
    }


def sheet_at(
    path: str, course_name: str, course: Course, fields: Sequence[RecordField]
) -> Markup | None:
    """The sheet that replaces MARKER on the page built from ``path``, if it is a sheet page."""
    for chapter in course.chapters:
        if path == record_path(chapter):
            return sheet_html(chapter_sheet(course_name, chapter), fields)
        for lesson in chapter.lessons:
            if path == record_path(chapter, lesson):
                return sheet_html(lesson_sheet(course_name, chapter, lesson), fields)
    return None


def record_links(chapter: Chapter, plan_path: str) -> str:
    """The chapter page's lines beside the handouts: the sheets and the year plan."""
    here = chapter.index_path
    lessons = "、".join(
        f"[第 {i} 课]({relative_link(here, record_path(chapter, lesson))})"
        for i, lesson in enumerate(chapter.lessons, start=1)
    )
    each = f"；各课单独一张：{lessons}" if lessons else ""
    return (
        f"- [{LINK_TEXT}]({relative_link(here, record_path(chapter))})：支部学习会的记录表"
        f"（会议记录），已填好学习主题、学习内容和研讨题目，时间、地点、发言摘要等留空待填{each}。\n"
        f"- [{PLAN_TEXT}]({relative_link(here, plan_path)})：选出要学的章节和起始月份，"
        "排出每月一次主题党日的年度学习计划，可打印。\n"
    )
