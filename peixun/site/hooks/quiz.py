"""Self-check quizzes on lessons, and the generated chapter tests, exam, progress, wrong book."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from peixun.errors import ContentErrors
from peixun.generated import question_data_path
from peixun.quiz import pages as quiz_pages
from peixun.quiz.contract import config_html
from peixun.quiz.quota import quota_problems
from peixun.site.bridge import (
    build_errors,
    course_of,
    project_dir,
    questions_of,
    settings_of,
    url_for,
    written_file,
)

_FILES = "peixun_quiz_files"  # on_post_page is given no Files: kept from on_files


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    server.watch(str(project_dir(config) / "quizzes"))  # rebuild when an editor saves a bank
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    config[_FILES] = files
    course, questions = course_of(config), questions_of(config)
    with build_errors():  # exam quotas the banks cannot meet (the check says the same)
        problems = quota_problems(settings_of(config).exam, course, questions)
        if problems:
            raise ContentErrors(problems)
    pages = quiz_pages.generated_pages(course, questions, settings_of(config))
    for path, content in pages.items():
        files.append(File.generated(config, path, content=content))
    # Each chapter's questions, once, for the pages that load them on demand.
    for chapter in course.chapters:
        if not any(questions.get(lesson.slug) for lesson in chapter.lessons):
            continue
        data_path = question_data_path(chapter.folder)

        def url(src: str, here: str = data_path) -> str:
            target = files.get_file_from_path(src)
            return get_relative_url(target.url if target else src, here)

        # written to the site now: the script repeats every question's HTML (82 MiB at 1,000 lessons)
        script = quiz_pages.question_data_js(chapter, questions, url)
        files.append(written_file(config, data_path, script))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The quiz of the generated pages in place of its marker; a lesson's waits (on_post_page)."""
    if quiz_pages.MARKER not in html or _is_lesson(page, config):
        return html
    return html.replace(quiz_pages.MARKER, _quiz(page, config, files))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """A lesson's self-check quiz; and every page's <head> carries what quiz.js and
    search-zh.js read (peixun.quiz.contract).

    The lesson quiz goes into the finished page rather than its content: MkDocs keeps every
    page's content until the build ends, and 1,000 lessons' quizzes are some 45 MiB of it.
    Search gives it no entry either way (``data-search-exclude``), nor a heading in the table
    of contents (its 自测 heading is the Markdown's).

    The config element is added after the search index is built, so it is never indexed; one
    per site, so that instant navigation, which keeps the first page's <head>, still finds the
    right values."""
    if quiz_pages.MARKER in output and _is_lesson(page, config):
        output = output.replace(quiz_pages.MARKER, _quiz(page, config, config[_FILES]), 1)
    return _with_config(output, config)


def _is_lesson(page: Page, config: MkDocsConfig) -> bool:
    return course_of(config).lesson(page.file.src_uri) is not None


def _quiz(page: Page, config: MkDocsConfig, files: Files) -> str:
    quiz = quiz_pages.quiz_for_page(
        page.file.src_uri,
        course_of(config),
        questions_of(config),
        url_for(page, files),
        settings_of(config),
    )
    return str(quiz) if quiz is not None else ""


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a theme template, not a page; its search needs the config too."""
    return _with_config(output, config) if template_name == "404.html" else output


def _with_config(output: str, config: MkDocsConfig) -> str:
    namespace = settings_of(config).storage_namespace(config.site_name)
    return output.replace("</head>", f"{config_html(namespace)}</head>", 1)
