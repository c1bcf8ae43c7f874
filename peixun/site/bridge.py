"""What the hooks share: the project's folders, the course of this build, and clean errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from peixun.course.glossary import Term, load_glossary
from peixun.course.model import Course, load_course
from peixun.course.settings import CourseSettings, load_settings
from peixun.errors import PeixunError
from peixun.quiz import Question, course_questions

T = TypeVar("T")


def project_dir(config: MkDocsConfig) -> Path:
    """The folder holding mkdocs.yml (and sources/, quizzes/)."""
    return Path(config.config_file_path).resolve().parent


@contextmanager
def build_errors() -> Iterator[None]:
    """Turn content errors into a MkDocs build error: a Chinese message, no traceback."""
    try:
        yield
    except PeixunError as exc:
        raise PluginError(f"内容有误，构建停止：\n{exc}") from None


def _per_build(config: MkDocsConfig, key: str, load: Callable[[], T]) -> T:
    """``load()`` once per build. mkdocs serve makes a new config for each rebuild, so the
    value lives on the config, never in a module global."""
    if key not in config:
        with build_errors():
            config[key] = load()
    value: T = config[key]
    return value


def course_of(config: MkDocsConfig) -> Course:
    """The course of this build, read from docs/ and validated."""

    def load() -> Course:
        docs = Path(config.docs_dir)
        return load_course(docs, project_dir(config) / "sources", shown_prefix=docs.name)

    return _per_build(config, "peixun_course", load)


def glossary_of(config: MkDocsConfig) -> list[Term]:
    """The glossary terms of this build."""
    return _per_build(config, "peixun_glossary", lambda: load_glossary(Path(config.docs_dir)))


def questions_of(config: MkDocsConfig) -> dict[str, list[Question]]:
    """Every lesson's questions (bank and generated), read and validated once per build."""

    def load() -> dict[str, list[Question]]:
        return course_questions(course_of(config), project_dir(config) / "quizzes")

    return _per_build(config, "peixun_questions", load)


def settings_of(config: MkDocsConfig) -> CourseSettings:
    """The course settings (``extra.peixun`` in mkdocs.yml), validated once per build."""

    def load() -> CourseSettings:
        path = Path(config.config_file_path)
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        return load_settings(config.extra.get("peixun"), text, path.name)

    return _per_build(config, "peixun_settings", load)


def written_file(config: MkDocsConfig, src_uri: str, content: str) -> File:
    """A generated file written at once where it goes in ``site_dir``, not held in memory.

    For large generated files (each chapter's question script): a ``File.generated`` with
    ``content`` keeps that text until the build ends. MkDocs has cleaned ``site_dir`` before
    ``on_files`` and leaves a file whose source is its destination in place (``copy_file``
    passes over ``SameFileError``), so the site gets the same bytes.
    """
    file = File.generated(config, src_uri, abs_src_path=str(Path(config.site_dir) / src_uri))
    target = Path(file.abs_dest_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    file.abs_src_path = file.abs_dest_path  # the same path, so copy_file writes nothing
    return file


def url_for(page: Page, files: Files) -> Callable[[str], str]:
    """A function from a docs-relative source path to its URL relative to ``page``."""

    known: dict[str, str] = {}  # a page asks for the same lesson once per question

    def url(src_path: str) -> str:
        if src_path not in known:
            target = files.src_uris.get(src_path) or files.get_file_from_path(src_path)
            known[src_path] = get_relative_url(target.url if target else src_path, page.url)
        return known[src_path]

    return url


def title_chapter_sections(nav: Navigation, course: Course, reference_order: list[str]) -> None:
    """Title each chapter section from its ``index.md`` and list chapters right after home.

    The reference pages (glossary, sources, progress…) follow the chapters.
    """
    titles = {chapter.index_path: chapter.title for chapter in course.chapters}
    for item in nav.items:
        if not isinstance(item, Section):
            continue
        for child in item.children:
            if isinstance(child, Page) and child.file.src_uri in titles:
                item.title = titles[child.file.src_uri]

    def rank(item: object) -> tuple[int, int]:
        if isinstance(item, Page) and item.is_homepage:
            return (0, 0)
        if isinstance(item, Section):
            return (1, 0)
        uri = item.file.src_uri if isinstance(item, Page) else ""
        return (2, reference_order.index(uri) if uri in reference_order else len(reference_order))

    nav.items.sort(key=rank)  # stable: chapters keep their numbered order
