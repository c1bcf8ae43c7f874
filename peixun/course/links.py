"""Links between the course's pages, checked as the build would, with file and line in Chinese.

MkDocs reports a broken link as an English warning with no line, sometimes naming a generated
page the editor never wrote; the content check finds it first, at the line to fix.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote

from pymdownx.slugs import slugify

from peixun.course.check import check_spacing
from peixun.course.html_check import check_raw_html
from peixun.course.model import Course
from peixun.errors import ContentError
from peixun.text.frontmatter import read_document
from peixun.text.markdown import CODE_SPAN, Markdown, parse_markdown

# [text](target "title") — not images; the target may be written <in angle brackets>.
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*(?P<target><[^>]*>|[^)\s]+)(?:\s+\"[^\"]*\")?\s*\)")
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # http:, mailto:, …

TOC_SLUG = slugify(case="lower")
"""The toc slugify of mkdocs.yml (and of every course ``peixun new`` writes)."""

AnchorsOf = Callable[[str], "set[str] | None"]
"""docs-relative page path -> the anchors it has, or None when not known (generated pages)."""


def check_links(
    file: str,
    src_path: str,
    lines: Iterable[tuple[int, str]],
    pages: set[str],
    anchors_of: AnchorsOf,
) -> list[ContentError]:
    """Every link in ``lines`` of the page at ``src_path`` (docs-relative) leads somewhere.

    ``pages`` holds every docs-relative path the site will have, generated pages included.
    """
    errors = []
    for line, raw in lines:
        for match in LINK.finditer(CODE_SPAN.sub("", raw)):
            target = match["target"].strip("<>")
            message = _problem(target, src_path, pages, anchors_of)
            if message:
                errors.append(ContentError(file, line, message))
    return errors


def _problem(target: str, src_path: str, pages: set[str], anchors_of: AnchorsOf) -> str | None:
    if EXTERNAL.match(target) or target.startswith("//"):
        return None
    path, _, anchor = unquote(target).partition("#")
    if path.startswith("/"):
        return f"链接“{target}”以“/”开头：请写成相对于本文件的路径（如 ../02-zhang/01-ke.md）。"
    if path:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_path), path))
        if path.endswith("/"):
            resolved = f"{resolved}/index.md"
        if resolved not in pages:
            hint = "（课文之间请链接 .md 文件，而不是 .html）" if path.endswith(".html") else ""
            return f"链接“{target}”指向的 docs/{resolved} 不存在。请核对路径和文件名{hint}。"
    else:
        resolved = src_path
    if not anchor:
        return None
    anchors = anchors_of(resolved)
    if anchors is None or anchor in anchors:
        return None
    shown = "、".join(sorted(anchors)) or "（无）"
    return f"链接“{target}”中的锚点“#{anchor}”在 docs/{resolved} 中不存在。可用的 id：{shown}。"


def anchors(markdown: Markdown) -> set[str]:
    """The anchors a page's headings get: explicit ids, else the toc's slug of the title."""
    return {h.id if h.id is not None else str(TOC_SLUG(h.title, "-")) for h in markdown.headings}


def check_course_links(
    docs_dir: Path, course: Course, generated: set[str], shown_prefix: str = "docs"
) -> list[ContentError]:
    """Every link in every page an editor wrote, against the pages the site will have;
    and the raw HTML and spacing of the pages that are not lessons (chapters, glossary, home).

    Chapter pages get sections appended by the build, so anchors into them are not judged.
    """
    pages = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()}
    pages |= generated
    written: dict[str, tuple[str, Markdown]] = {}
    errors: list[ContentError] = []
    lessons = {lesson.src_path: lesson for lesson in course.lessons()}
    for src_path in sorted(p for p in pages - generated if p.endswith(".md")):
        shown = f"{shown_prefix}/{src_path}"
        lesson = lessons.get(src_path)
        if lesson is not None:
            written[src_path] = (shown, lesson.markdown)
            continue
        try:
            document = read_document(docs_dir / src_path, shown)
        except ContentError as exc:
            errors.append(exc)
            continue
        written[src_path] = (shown, parse_markdown(document.body, document.body_line))
    chapter_pages = {chapter.index_path for chapter in course.chapters}

    def anchors_of(path: str) -> set[str] | None:
        if path in chapter_pages or path not in written:
            return None
        return anchors(written[path][1])

    for src_path, (shown, markdown) in written.items():
        lines = [(line.number, line.raw) for line in markdown.prose_lines]
        errors += check_links(shown, src_path, lines, pages, anchors_of)
        if src_path not in lessons:  # lessons' own text is checked with the rest of a lesson
            errors += check_raw_html(shown, lines)
            errors += check_spacing(shown, markdown.prose_lines)
    return errors
