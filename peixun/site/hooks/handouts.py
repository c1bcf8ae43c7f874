"""Chapter handout pages (learner and teacher editions); the chapter page links them.

A handout prints its lessons in the HTML their own pages were rendered to: MkDocs converts
every page (on_page_markdown, conversion, on_page_content) before it renders any template,
and the handouts, added here after the docs' own pages, are converted after every lesson.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from peixun.course.model import Chapter
from peixun.handouts.assemble import MissingPrinted, fill_parts
from peixun.handouts.editions import HANDOUT_FOLDER, parse_stem
from peixun.handouts.lesson_html import MissingLessonHtml, Place, ids_in, split_body
from peixun.handouts.page import ChapterParts, placements
from peixun.handouts.site_pages import handout_pages, shared_parts
from peixun.memo import Memo
from peixun.site.bridge import course_of, questions_of

_BODIES = "peixun_lesson_bodies"  # on the config: one build's lesson HTML, by source path
_PARTS = "peixun_handout_parts"  # on the config: one build's shared parts, by chapter folder
_FILES = "peixun_handout_files"  # on_post_page is given no Files: kept from on_files
_FILLED: Memo[str] = Memo()  # kept across mkdocs serve rebuilds


def on_files(files: Files, config: MkDocsConfig) -> Files:
    config[_FILES] = files
    config[_BODIES] = {}  # a rebuild starts with none: a lesson it did not convert is missing
    config[_PARTS] = {}
    pages = handout_pages(
        config.site_name, course_of(config), questions_of(config), lambda c: _parts(config, c)
    )
    for path, markdown in pages.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(
                f"{config.docs_dir}/{path} 与自动生成的章节讲义同名。"
                "讲义由构建生成，请删除或改名这个文件。"
            )
        # Out of the navigation: handouts are reached from their chapter page.
        files.append(
            File.generated(config, path, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        )
    return files


def keep_lesson_body(html: str, page: Page, config: MkDocsConfig) -> str:
    """Keep the lesson's body HTML for its handouts; the page's HTML, without the markers.

    Called first on a lesson's HTML (peixun.site.hooks.course), before anything is added."""
    html, body = split_body(html)
    if body is not None:
        config.setdefault(_BODIES, {})[page.file.src_uri] = body
    return html


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A handout page: its lessons' text is put together now, to stop the build on anything
    missing and to note the ids it brings; it goes into the page in :func:`on_post_page`."""
    filled = _filled(html, page, config, files)
    if filled is not None and page.present_anchor_ids is not None:
        page.present_anchor_ids |= ids_in(filled)  # MkDocs checks links to them after all pages
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """A handout page gets its lessons' text in place of its part markers.

    Put in the finished page rather than its content: MkDocs keeps every page's content until
    the build ends, and the handouts, each a copy of a chapter's lessons and questions, were
    the largest part of it (56 MiB at 1,000 lessons). Search gives them no entry either way
    (``search: exclude``); their table of contents comes from their Markdown. Putting a
    handout together twice costs far less than keeping it.
    """
    content = page.content or ""
    filled = _filled(content, page, config, config[_FILES])
    if filled is None:
        return output
    if content not in output:  # a bug of ours: the theme always writes the content as it is
        raise PluginError(f"讲义 {page.file.src_uri} 的页面里找不到它的内容，无法放入课文。")
    return output.replace(content, filled, 1)


def _filled(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """A handout page's HTML with its lessons' text and questions in place; None for others."""
    src = page.file.src_uri
    parsed = parse_stem(src.removeprefix(f"{HANDOUT_FOLDER}/").removesuffix(".md"))
    chapter = course_of(config).chapter(parsed[0]) if parsed else None
    if not src.startswith(f"{HANDOUT_FOLDER}/") or chapter is None:
        return None
    kept: dict[str, str] = config.get(_BODIES, {})
    bodies = [kept.get(lesson.src_path) for lesson in chapter.lessons]
    urls = [_url(files, lesson.src_path) for lesson in chapter.lessons]
    placed = placements(chapter)
    by_url = dict(zip(urls, placed, strict=True))
    places = [Place(page.file.url, url, p, by_url) for url, p in zip(urls, placed, strict=True)]
    printed = _parts(config, chapter).printed
    try:
        return _FILLED.get(
            lambda: fill_parts(html, bodies, places, printed), html, bodies, places, printed
        )
    except MissingPrinted as exc:  # a bug of ours, not the editor's: say what is missing
        raise PluginError(f"讲义 {src} 缺少自测题部分“{exc.args[0]}”的内容。") from None
    except MissingLessonHtml as exc:
        number, section = exc.args
        lesson = chapter.lessons[number - 1]
        what = f"课文的“{section}”一节" if section else "课文"
        raise PluginError(
            f"讲义 {src} 要用 {config.docs_dir}/{lesson.src_path} 的{what}，但本次构建没有转换"
            "这一课：它被 mkdocs.yml 的 exclude_docs 排除了，或者用了只重建改过的页面的 "
            "mkdocs serve --dirty。讲义要印出本章每一课，请不要排除这一课、不带 --dirty 重新构建"
            "（不要这一课时，请把它移出 docs/）。"
        ) from None


def _parts(config: MkDocsConfig, chapter: Chapter) -> ChapterParts:
    """The chapter's shared parts, made once per build for its pages and their markers."""
    made: dict[str, ChapterParts] = config.setdefault(_PARTS, {})
    if chapter.folder not in made:
        made[chapter.folder] = shared_parts(chapter, questions_of(config))
    return made[chapter.folder]


def _url(files: Files, src_path: str) -> str:
    file = files.get_file_from_path(src_path)
    return file.url if file is not None else src_path
