"""Where the presentation pages live, their Markdown, and the 演示 link on lessons and chapters.

A presentation page holds only a marker: the hook puts the view in its place once the page is
rendered (it needs the URL of the page Esc returns to, which only the build knows).
"""

from __future__ import annotations

import yaml

from peixun.course.model import Chapter, Course, Lesson
from peixun.handouts.editions import relative_link

PRESENT_FOLDER = "present"
# The view is put in the finished page (peixun.site.hooks.meeting). The comment names its own
# "<h1>" so that Material, which looks for one in the content, adds no second title.
MARKER = "<!-- peixun:present: the view has its own <h1> -->"
LINK_TEXT = "演示"


def present_path(chapter: Chapter, lesson: Lesson | None = None) -> str:
    """``present/01-juese-renzhi.md`` (a chapter) or ``present/01-juese-renzhi/01-x.md``."""
    return f"{PRESENT_FOLDER}/{lesson.src_path if lesson else chapter.folder + '.md'}"


def present_paths(course: Course) -> dict[str, tuple[Chapter, Lesson | None]]:
    """docs path -> what it presents, for every chapter and lesson."""
    paths: dict[str, tuple[Chapter, Lesson | None]] = {}
    for chapter in course.chapters:
        paths[present_path(chapter)] = (chapter, None)
        for lesson in chapter.lessons:
            paths[present_path(chapter, lesson)] = (chapter, lesson)
    return paths


def presented(course: Course, src_path: str) -> tuple[Chapter, Lesson | None] | None:
    """What the presentation page at ``src_path`` shows, if it is one."""
    rest = src_path.removeprefix(f"{PRESENT_FOLDER}/")
    if rest == src_path:
        return None
    lesson = course.lesson(rest)
    if lesson is not None:
        chapter = course.chapter(rest.split("/")[0])
        return (chapter, lesson) if chapter else None
    chapter = course.chapter(rest.removesuffix(".md"))
    return (chapter, None) if chapter else None


def present_markdown(title: str) -> str:
    """The page: front matter (out of search, no sidebars) and the marker."""
    meta = {
        "title": f"演示：{title}",
        "search": {"exclude": True},
        "hide": ["navigation", "toc", "footer"],
    }
    return (
        "---\n"
        + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        + "---\n\n"
        + MARKER
        + "\n"
    )


def present_link(page_path: str, chapter: Chapter, lesson: Lesson | None = None) -> str:
    """The 演示 button under a lesson's or chapter's title (Markdown, out of the search)."""
    target = relative_link(page_path, present_path(chapter, lesson))
    what = "本课" if lesson else "本章"
    return (
        '<div class="px-present-link" data-search-exclude markdown>\n\n'
        f'[{LINK_TEXT}]({target}){{ .md-button title="在会议室的屏幕上逐屏放映{what}" }}\n\n'
        "</div>\n\n"
    )
