"""MkDocs hook: validates lesson front matter, titles the chapter sections, lists lessons."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from peixun import course_pages
from peixun.mkdocs_bridge import course_of, title_chapter_sections


def on_files(files: Files, config: MkDocsConfig) -> Files:
    course_of(config)  # stop early, before any page is rendered, if front matter is wrong
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    title_chapter_sections(nav, course_of(config))
    return nav


def on_page_context(
    context: dict[str, object], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, object]:
    page.canonical_url = None  # the site is copied to intranets and folders: no fixed address
    return context


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    course = course_of(config)

    def url_for(src_path: str) -> str:
        target = files.get_file_from_path(src_path)
        return get_relative_url(target.url if target else src_path, page.url)

    chapter = next((c for c in course.chapters if c.index_path == page.file.src_uri), None)
    if chapter is not None:
        return f"{markdown}\n\n{course_pages.lesson_list(chapter, url_for)}\n"
    if course_pages.COURSE_MAP_MARKER in markdown:
        return markdown.replace(
            course_pages.COURSE_MAP_MARKER, str(course_pages.course_map(course, url_for))
        )
    return markdown
