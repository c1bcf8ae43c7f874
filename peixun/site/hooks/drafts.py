"""Draft lessons (``draft: true``): shown with a 草稿 banner under ``mkdocs serve``, never built.

An imported skeleton is meant to be edited while previewing it; a build for publishing must
not carry one. MkDocs tells the command once per process (``on_startup``); rebuilds under
serve reload the hook file but not this module, so that one value is all it keeps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from peixun.course.check import check_question_minimum
from peixun.course.publish import unpublished
from peixun.errors import ContentErrors
from peixun.site.bridge import build_errors, course_of, questions_of

_command: list[str] = []  # the command of this process, as on_startup said it

BANNER = Markup(
    '<div class="admonition warning px-draft" data-search-exclude>'
    '<p class="admonition-title">草稿</p>'
    "<p>本课还是草稿（front matter 里有 <code>draft: true</code>），只在 mkdocs serve 预览时显示，"
    "不会发布。编写完成后删去 <code>draft: true</code> 一行。</p></div>"
)


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    _command[:] = [command]


def serving() -> bool:
    """True only under ``mkdocs serve``; anything else (or an unknown command) publishes."""
    return _command == ["serve"]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if serving():
        return files
    docs = Path(config.docs_dir)
    course = course_of(config)
    problems = unpublished(course, docs, docs.name)
    # A lesson short of the editorial minimum of questions is not ready to publish either
    # (peixun check says the same); under serve the editor previews it while writing them.
    problems += check_question_minimum(course, questions_of(config))
    if problems:
        with build_errors():
            raise ContentErrors(problems)
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lesson = course_of(config).lesson(page.file.src_uri)
    if lesson is None or not lesson.meta.draft:
        return html
    return str(BANNER) + html
