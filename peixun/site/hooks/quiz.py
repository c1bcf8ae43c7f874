"""Self-check quizzes on lessons, and the generated chapter tests, exam, progress, wrong book."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from peixun.quiz import pages as quiz_pages
from peixun.quiz.contract import config_html
from peixun.site.bridge import course_of, project_dir, questions_of, settings_of, url_for


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    server.watch(str(project_dir(config) / "quizzes"))  # rebuild when an editor saves a bank
    return server


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = quiz_pages.generated_pages(course_of(config), questions_of(config), settings_of(config))
    for path, content in pages.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if quiz_pages.MARKER not in html:
        return html
    quiz = quiz_pages.quiz_for_page(
        page.file.src_uri,
        course_of(config),
        questions_of(config),
        url_for(page, files),
        settings_of(config),
    )
    return html.replace(quiz_pages.MARKER, str(quiz) if quiz is not None else "")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Every page's <head> carries what quiz.js and search-zh.js read (peixun.quiz.contract).

    Added after the search index is built, so it is never indexed; one per site, so that
    instant navigation, which keeps the first page's <head>, still finds the right values."""
    return _with_config(output, config)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a theme template, not a page; its search needs the config too."""
    return _with_config(output, config) if template_name == "404.html" else output


def _with_config(output: str, config: MkDocsConfig) -> str:
    namespace = settings_of(config).storage_namespace(config.site_name)
    return output.replace("</head>", f"{config_html(namespace)}</head>", 1)
