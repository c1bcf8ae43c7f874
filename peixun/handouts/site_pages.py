"""What the build adds for handouts: the handout pages and the chapter page's print links."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from markupsafe import Markup

from peixun.course.model import Chapter, Course
from peixun.handouts.editions import EDITIONS, Edition, handout_path, relative_link
from peixun.handouts.page import ChapterParts, chapter_parts, handout_markdown
from peixun.memo import Memo
from peixun.quiz import Question

_PAGES: Memo[str] = Memo()  # kept across mkdocs serve rebuilds
_PARTS: Memo[ChapterParts] = Memo()


def shared_parts(chapter: Chapter, questions: Mapping[str, Sequence[Question]]) -> ChapterParts:
    """What both editions of the chapter's handout print alike (its printed questions too).

    Under ``mkdocs serve`` made again only when the chapter, its lessons or their questions
    changed (peixun.memo)."""
    return _PARTS.get(
        lambda: chapter_parts(chapter, questions),
        chapter,
        [questions.get(lesson.slug, []) for lesson in chapter.lessons],
    )


def handout_pages(
    course_name: str,
    course: Course,
    questions: Mapping[str, Sequence[Question]],
    parts_of: Callable[[Chapter], ChapterParts] | None = None,
) -> dict[str, str]:
    """docs path -> Markdown of every handout page, both editions of every chapter.

    ``parts_of`` gives a chapter's :func:`shared_parts` (made once for both editions)."""
    parts = parts_of or (lambda chapter: shared_parts(chapter, questions))

    def page(chapter: Chapter, edition: Edition) -> str:
        return _PAGES.get(
            lambda: handout_markdown(course_name, chapter, edition, questions, parts(chapter)),
            course_name,
            chapter,
            edition,
            [questions.get(lesson.slug, []) for lesson in chapter.lessons],
        )

    return {
        handout_path(chapter.folder, edition): page(chapter, edition)
        for chapter in course.chapters
        for edition in EDITIONS
    }


def print_links(chapter: Chapter) -> str:
    """The chapter page's "打印讲义" section, linking both editions."""
    lines = [
        "## 打印讲义 {#jiangyi}",
        "",
        "供支部学习会打印使用（在讲义页面点“打印本讲义”，或用浏览器的打印功能）：",
        "",
    ]
    for edition in EDITIONS:
        target = relative_link(chapter.index_path, handout_path(chapter.folder, edition))
        lines.append(f"- [{edition.name}]({target})：{edition.contents}。")
    lines += ["", str(slides_placeholder(chapter.folder))]
    return "\n".join(lines) + "\n"


# The chapter's slides exist only after ``peixun slides --site``: the build leaves an empty,
# hidden paragraph that the command fills with the link once the file is there, so the site
# never links a file it does not have.
SLIDES_LINK = re.compile(
    r'<p class="px-handout__slides" data-px-slides="(?P<folder>[^"]*)"[^>]*>.*?</p>'
)
SLIDES_TEXT = "党课课件（PowerPoint 幻灯片）"
SLIDES_CONTENTS = "本章各课的要点与讨论题，每张幻灯片的备注里有该节全文，供主讲人使用"


def slides_placeholder(folder: str) -> Markup:
    """The hidden paragraph the chapter page carries until its slides are written."""
    return Markup('<p class="px-handout__slides" data-px-slides="{}" hidden></p>').format(folder)


def slides_paragraph(folder: str, href: str) -> Markup:
    """The paragraph that links the chapter's ``.pptx`` (``href`` from the chapter page)."""
    return Markup(
        '<p class="px-handout__slides" data-px-slides="{folder}">'
        '<a href="{href}" download>{text}</a>：{contents}。</p>'
    ).format(folder=folder, href=href, text=SLIDES_TEXT, contents=SLIDES_CONTENTS)


def with_slides_link(page_html: str, folder: str, href: str) -> str | None:
    """The built chapter page with its slides linked; ``None`` if it has no place for the link."""
    found = False

    def fill(match: re.Match[str]) -> str:
        nonlocal found
        if match["folder"] != folder:
            return match[0]
        found = True
        return str(slides_paragraph(folder, href))

    patched = SLIDES_LINK.sub(fill, page_html)
    return patched if found else None
