"""HTML blocks that the build adds to chapter pages and the home page."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from peixun.course.model import Chapter, Course

# The home page places the chapter map where it writes this marker.
COURSE_MAP_MARKER = "<!-- peixun:course-map -->"

UrlFor = Callable[[str], str]  # docs-relative source path -> URL relative to the current page


def lesson_list(chapter: Chapter, url_for: UrlFor) -> Markup:
    """The chapter's lessons with reading times, as an ordered list."""
    items = Markup("").join(
        Markup(
            '<li><a href="{url}">第 {n} 课　{title}</a>'
            '<span class="px-lessons__time">约 {minutes} 分钟</span></li>'
        ).format(url=url_for(lesson.src_path), n=i, title=lesson.title, minutes=lesson.minutes)
        for i, lesson in enumerate(chapter.lessons, start=1)
    )
    return Markup(
        '<h2 id="kewen">本章课文</h2>\n'
        '<p>共 {count} 课，阅读约 {minutes} 分钟。</p>\n<ol class="px-lessons">{items}</ol>\n'
    ).format(count=len(chapter.lessons), minutes=chapter.minutes, items=items)


def course_map(course: Course, url_for: UrlFor) -> Markup:
    """The home page's chapter map: each chapter, its summary, lessons and time."""
    rows = Markup("").join(
        Markup(
            '<li><a href="{url}"><strong>{title}</strong></a>'
            '<span class="px-lessons__time">{count} 课 · 约 {minutes} 分钟</span>'
            "<br><small>{summary}</small></li>"
        ).format(
            url=url_for(chapter.index_path),
            title=chapter.title,
            count=len(chapter.lessons),
            minutes=chapter.minutes,
            summary=chapter.meta.summary,
        )
        for chapter in course.chapters
    )
    return Markup('<ol class="px-lessons px-course-map">{rows}</ol>').format(rows=rows)
