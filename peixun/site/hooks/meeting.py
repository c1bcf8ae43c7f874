"""The branch meeting kit: 演示 pages, 学习记录 sheets, the 学习计划 page, and their links."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from peixun.present import pages as present_pages
from peixun.present.view import present_view
from peixun.records import pages as record_pages
from peixun.records import plan
from peixun.records.pages import record_links
from peixun.site.bridge import course_of, questions_of, settings_of, url_for


def _add(files: Files, config: MkDocsConfig, path: str, content: str, *, nav: bool) -> None:
    if files.get_file_from_path(path) is not None:
        raise PluginError(
            f"{config.docs_dir}/{path} 与自动生成的页面同名（演示、学习记录、学习计划由构建生成），"
            "请删除或改名这个文件。"
        )
    inclusion = InclusionLevel.INCLUDED if nav else InclusionLevel.NOT_IN_NAV
    files.append(File.generated(config, path, content=content, inclusion=inclusion))


_FILES = "peixun_meeting_files"  # on_post_page is given no Files: kept from on_files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    config[_FILES] = files
    course = course_of(config)
    settings = settings_of(config)
    for path, (chapter, lesson) in present_pages.present_paths(course).items():
        title = lesson.title if lesson else chapter.title
        _add(files, config, path, present_pages.present_markdown(title), nav=False)
    for path, markdown in record_pages.record_pages(config.site_name, course).items():
        _add(files, config, path, markdown, nav=False)
    # The plan is a page a secretary looks for: in the navigation, after the reference pages.
    _add(files, config, settings.pages.plan, plan.plan_markdown(), nav=True)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The 演示 button under lesson and chapter titles; 学习记录 beside the chapter's handouts
    (course.on_page_markdown ends a chapter page with them)."""
    course = course_of(config)
    src = page.file.src_uri
    lesson = course.lesson(src)
    if lesson is not None:
        chapter = course.chapter(src.split("/")[0])
        if chapter is not None:
            return present_pages.present_link(src, chapter, lesson) + markdown
        return markdown
    chapter = course.chapter_of_index(src)
    if chapter is None:
        return markdown
    links = record_links(chapter, settings_of(config).pages.plan)
    return present_pages.present_link(src, chapter) + markdown + "\n" + links


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The 学习计划 in place of its marker."""
    if plan.MARKER in html:
        return html.replace(plan.MARKER, str(plan.plan_html(course_of(config))))
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The presentation and the 学习记录 sheet, in place of their markers.

    Put in the finished page rather than its content: MkDocs keeps every page's content until
    the build ends, and these views (out of search, without a table of contents) are the
    largest part of it: a copy of every lesson and chapter.
    """
    course = course_of(config)
    if record_pages.MARKER in output:
        fields = settings_of(config).record_fields
        sheet = record_pages.sheet_at(page.file.src_uri, config.site_name, course, fields)
        return output.replace(record_pages.MARKER, str(sheet) if sheet is not None else "", 1)
    if present_pages.MARKER in output:
        found = present_pages.presented(course, page.file.src_uri)
        if found is None:
            return output
        chapter, lesson = found
        back = chapter.index_path if lesson is None else lesson.src_path
        files = config[_FILES]
        view = present_view(
            config.site_name, chapter, lesson, questions_of(config), url_for(page, files)(back)
        )
        return output.replace(present_pages.MARKER, str(view), 1)
    return output
