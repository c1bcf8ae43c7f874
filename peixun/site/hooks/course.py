"""Checks lessons, titles the chapter sections, assembles chapter pages, adds term tooltips."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from peixun.course import pages as course_pages
from peixun.course.check import check_course
from peixun.course.glossary import GLOSSARY_FILE, add_tooltips
from peixun.course.links import check_course_links
from peixun.course.publish import drafts
from peixun.errors import ContentError, ContentErrors
from peixun.generated import generated_paths
from peixun.handouts.lesson_html import mark_body
from peixun.handouts.site_pages import print_links
from peixun.memo import Memo
from peixun.quiz import pages as quiz_pages
from peixun.site.bridge import (
    build_errors,
    course_of,
    glossary_of,
    questions_of,
    settings_of,
    title_chapter_sections,
    url_for,
)
from peixun.site.hooks.drafts import serving
from peixun.site.hooks.handouts import keep_lesson_body

log = get_plugin_logger(__name__)
_CHECKED: Memo[list[ContentError]] = Memo()  # kept across mkdocs serve rebuilds


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Stop the build, before any page, on any problem in settings, front matter or content.

    A build error, not warnings: ``mkdocs build -q`` drops warnings before ``--strict``
    counts them (mkdocs/mkdocs#4126), and a content error must stop every build.
    """
    settings_of(config)  # a wrong extra.peixun key stops the build first
    course = course_of(config)
    docs_name = config.docs_dir.rstrip("/").rsplit("/", 1)[-1]
    # Under serve a draft is work in progress: its problems are shown, not fatal, so the
    # editor still sees the page. A build refuses drafts anyway (hooks.drafts).
    in_drafts = {lesson.document.file for lesson in drafts(course)} if serving() else set()
    problems = []
    glossary, glossary_file = glossary_of(config), f"{docs_name}/{GLOSSARY_FILE}"
    # serve checks again only a changed course (the check reads nothing but its arguments)
    found = list(
        _CHECKED.get(
            lambda: check_course(course, glossary, glossary_file), course, glossary, glossary_file
        )
    )
    generated = generated_paths(course, questions_of(config), settings_of(config))
    found += check_course_links(Path(config.docs_dir), course, generated, docs_name)
    for problem in found:
        if problem.file in in_drafts:
            log.info(f"草稿：{problem}")
        else:
            problems.append(problem)
    if problems:
        with build_errors():
            raise ContentErrors(problems)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    title_chapter_sections(nav, course_of(config), settings_of(config).nav_order())
    return nav


def on_page_context(
    context: dict[str, object], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, object]:
    page.canonical_url = None  # the site is copied to intranets and folders: no fixed address
    return context


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Everything the build adds to a page's Markdown, in the order a reader meets it."""
    course = course_of(config)
    lesson = course.lesson(page.file.src_uri)
    if lesson is not None:
        # the body marked: its HTML is kept for the handouts (on_page_content)
        body = mark_body(markdown)
        return body + quiz_pages.lesson_quiz_markdown(lesson, questions_of(config))
    chapter = course.chapter_of_index(page.file.src_uri)
    if chapter is not None:
        lesson_list = course_pages.lesson_list(chapter, url_for(page, files))
        test = quiz_pages.chapter_test_markdown(
            chapter, questions_of(config), settings_of(config).pages
        )
        return f"{markdown}\n\n{lesson_list}\n{test}\n\n{print_links(chapter)}"
    if course_pages.COURSE_MAP_MARKER in markdown:
        course_map = course_pages.course_map(course, url_for(page, files))
        return markdown.replace(course_pages.COURSE_MAP_MARKER, str(course_map))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Term tooltips on lessons; runs before the quiz replaces its marker (so quizzes get none)."""
    if course_of(config).lesson(page.file.src_uri) is None:
        return html
    html = keep_lesson_body(html, page, config)  # as converted: no tooltips, no quiz
    return add_tooltips(html, glossary_of(config))
