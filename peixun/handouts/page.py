"""The Markdown of a chapter handout page, in either edition, from the course and its questions.

Everything printed is taken from the lessons and the question banks; the only words of our
own are headings and instructions on how to use the sheet.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import yaml
from markupsafe import Markup

from peixun.course.model import Chapter, Lesson
from peixun.handouts import lesson_text
from peixun.handouts.editions import (
    EDITIONS,
    Edition,
    handout_path,
    handout_title,
    relative_link,
)
from peixun.handouts.paper import (
    HOW_TO_ANSWER,
    PaperQuestion,
    key_html,
    number_questions,
    question_html,
)
from peixun.quiz import Question

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|])")
# Sections a teacher's discussion notes draw on, with the heading they get there.
DISCUSSION_PARTS = (
    ("taolun", "讨论题"),
    ("yaodian", "可对照的本课要点"),
    ("mubiao", "本课学习目标"),
)


def inline_markdown(text: str) -> str:
    """Plain text made safe to place in a Markdown heading or paragraph."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def lesson_prefix(number: int) -> str:
    """The id prefix of the n-th lesson in a handout: ``ke1`` (课 1)."""
    return f"ke{number}"


def page_header_css(course_name: str, chapter_title: str) -> Markup:
    """The running header of the printed pages: course left, chapter right.

    CSS strings escape every character that could end the string or the style element.
    """

    def css_string(text: str) -> str:
        return (
            '"'
            + "".join(f"\\{ord(c):x} " if c in "\\\"'<>&" or ord(c) < 0x20 else c for c in text)
            + '"'
        )

    return Markup(
        "<style>@page {{ @top-left {{ content: {course}; }} "
        "@top-right {{ content: {chapter}; }} }}</style>"
    ).format(course=Markup(css_string(course_name)), chapter=Markup(css_string(chapter_title)))


def _front_matter(chapter: Chapter, edition: Edition) -> str:
    meta = {
        "title": handout_title(chapter.title, edition.name),
        "search": {"exclude": True},  # handouts repeat the lessons: results should be lessons
        "hide": ["navigation", "toc"],
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def _actions(chapter: Chapter, edition: Edition) -> str:
    """Screen-only controls: print, the other edition, back to the chapter."""
    here = handout_path(chapter.folder, edition)
    other = next(e for e in EDITIONS if e != edition)
    return (
        '<div class="px-handout__actions" markdown>\n\n'
        '<button type="button" class="md-button md-button--primary px-handout__print" '
        'onclick="window.print()">打印本讲义</button> '
        f"[改看{other.name}]({relative_link(here, handout_path(chapter.folder, other))})"
        "{ .md-button } "
        f"[返回本章]({relative_link(here, chapter.index_path)}){{ .md-button }}\n\n"
        "</div>"
    )


def _toc(chapter: Chapter, edition: Edition, has_questions: bool) -> Markup:
    entries = [
        (f"#{lesson_prefix(i)}", f"第 {i} 课　{lesson.title}")
        for i, lesson in enumerate(chapter.lessons, start=1)
    ]
    if has_questions:
        entries.append(("#ceshi", "本章自测题"))
        if edition.answers:
            entries.append(("#daan", "答案与解析"))
    if edition.answers:
        entries.append(("#yindao", "讨论引导"))
    items = Markup("").join(
        Markup('<li><a href="{}">{}</a></li>').format(href, text) for href, text in entries
    )
    return Markup('<nav class="px-handout__toc" aria-label="目录"><ol>{}</ol></nav>').format(items)


def _lesson_heading(level: str, number: int, lesson: Lesson, attrs: str) -> str:
    return f"{level} 第 {number} 课　{inline_markdown(lesson.title)} {{{attrs}}}"


def placements(chapter: Chapter) -> list[lesson_text.Placement]:
    """Each lesson's place in the chapter's handout, in lesson order."""
    return [
        lesson_text.Placement(lesson_prefix(i), lesson_text.explicit_ids(lesson.markdown))
        for i, lesson in enumerate(chapter.lessons, start=1)
    ]


# The text of a lesson, or of one of its sections, is not Markdown in the handout page: the
# page holds this paragraph in its place, and the build puts there the HTML the lesson's own
# page was rendered to (peixun.handouts.assemble).
PART_MARKER = "PXHANDOUTPART-{number}{section}"
PART = re.compile(r"<p>PXHANDOUTPART-(?P<number>[0-9]+)(?:-(?P<section>[a-z0-9-]+))?</p>")


def part_marker(number: int, section_id: str | None = None) -> str:
    """The paragraph standing for lesson ``number``'s body (or its section ``section_id``)."""
    return PART_MARKER.format(number=number, section=f"-{section_id}" if section_id else "")


def source_of(
    paper: PaperQuestion, lesson: Lesson, number: int, titles: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """The link and words of the section a question comes from. ``titles`` (section id ->
    title, :func:`section_titles`) saves looking the lesson's sections up for each question."""
    titles = section_titles(lesson) if titles is None else titles
    title = titles.get(paper.question.source)
    where = f"第 {number} 课 · {title}" if title is not None else f"第 {number} 课"
    href = (
        f"#{lesson_prefix(number)}-{paper.question.source}"
        if title is not None
        else f"#{lesson_prefix(number)}"
    )
    return href, where


def section_titles(lesson: Lesson) -> dict[str, str]:
    """The lesson's ``##`` section titles by id (the first section wins, as a lookup did)."""
    titles: dict[str, str] = {}
    for found in lesson_text.sections(lesson.markdown):
        if found.id is not None:
            titles.setdefault(found.id, found.title)
    return titles


Numbered = list[tuple[int, Lesson, list[PaperQuestion]]]
"""Per lesson with questions: its number in the chapter, the lesson, its printed questions."""


def number_chapter_questions(
    chapter: Chapter, questions: Mapping[str, Sequence[Question]]
) -> Numbered:
    """Number the chapter's questions 1, 2, … across its lessons."""
    numbered: Numbered = []
    count = 0
    for i, lesson in enumerate(chapter.lessons, start=1):
        papers = number_questions(questions.get(lesson.slug, []), count + 1, lesson.meta.id)
        count += len(papers)
        if papers:
            numbered.append((i, lesson, papers))
    return numbered


def _opening(
    course_name: str, chapter: Chapter, edition: Edition, has_questions: bool
) -> list[str]:
    """The handout's wrapper, print header, controls, title page and contents."""
    wrapper = Markup(
        '<div class="px-handout px-handout--{slug}" data-course="{course}" '
        'data-chapter="{chapter}" data-edition="{edition}" markdown>'
    ).format(slug=edition.slug, course=course_name, chapter=chapter.title, edition=edition.name)
    edition_line = Markup('<p class="px-handout__edition">{} · 讲义（{}）</p>').format(
        course_name, edition.name
    )
    return [
        str(wrapper),
        str(page_header_css(course_name, chapter.title)),
        _actions(chapter, edition),
        f"# {inline_markdown(chapter.title)}",
        str(edition_line),
        inline_markdown(chapter.meta.summary),
        "## 目录 {#mulu .px-handout__toc-title}",
        str(_toc(chapter, edition, has_questions)),
    ]


def _lessons(chapter: Chapter) -> list[str]:
    blocks = []
    for i, lesson in enumerate(chapter.lessons, start=1):
        blocks.append(_lesson_heading("##", i, lesson, f"#{lesson_prefix(i)} .px-handout__lesson"))
        blocks.append(part_marker(i))
    return blocks


# The printed questions and key entries are HTML of our own, many small elements each: the
# page holds a marker paragraph for each lesson's run of them, filled in by the build with
# the HTML written as Python-Markdown writes raw HTML inside the handout (a line break after
# each block element), so that no page converts them through Markdown.
PRINTED_MARKER = "PXHANDOUTHTML-{name}"
PRINTED = re.compile(r"<p>PXHANDOUTHTML-(?P<name>[a-z0-9-]+)</p>")
_BLOCK_BREAK = re.compile(r"(<(?:div|ol)\b[^>]*>|</(?:p|li|ol|div)>)")


def as_written(blocks: Sequence[Markup]) -> str:
    """Raw HTML blocks as the handout page shows them once Markdown has read them."""
    return "".join(_BLOCK_BREAK.sub("\\1\n", str(block)) for block in blocks).removesuffix("\n")


def _printed(name: str, blocks: Sequence[Markup], printed: dict[str, str]) -> str:
    printed[name] = as_written(blocks)
    return PRINTED_MARKER.format(name=name)


def _question_sheet(numbered: Numbered, printed: dict[str, str]) -> list[str]:
    blocks = [
        "## 本章自测题 {#ceshi .px-handout__part}",
        str(Markup('<p class="px-handout__how">{}</p>').format(HOW_TO_ANSWER)),
    ]
    for i, lesson, papers in numbered:
        blocks.append(_lesson_heading("###", i, lesson, f"#ceshi-{lesson_prefix(i)}"))
        sheet = [question_html(paper) for paper in papers]  # once, for both editions
        blocks.append(_printed(f"ceshi-{lesson_prefix(i)}", sheet, printed))
    return blocks


def _answer_key(numbered: Numbered, printed: dict[str, str]) -> list[str]:
    blocks = ["## 答案与解析 {#daan .px-handout__part}"]
    for i, lesson, papers in numbered:
        blocks.append(_lesson_heading("###", i, lesson, f"#daan-{lesson_prefix(i)}"))
        titles = section_titles(lesson)
        key = [key_html(p, source_of(p, lesson, i, titles)) for p in papers]
        blocks.append(_printed(f"daan-{lesson_prefix(i)}", key, printed))
    return blocks


def _discussion_notes(chapter: Chapter) -> list[str]:
    """For the teacher: each lesson's discussion questions, key points and goals, quoted."""
    blocks = [
        "## 讨论引导 {#yindao .px-handout__part}",
        "以下讨论题、要点和学习目标均摘自各课课文，供主持讨论时对照。",
    ]
    for i, lesson in enumerate(chapter.lessons, start=1):
        blocks.append(_lesson_heading("###", i, lesson, f"#yindao-{lesson_prefix(i)}"))
        found = {s.id: s for s in reversed(lesson_text.sections(lesson.markdown))}
        for section_id, heading in DISCUSSION_PARTS:
            part = found.get(section_id)
            if part and part.markdown:
                blocks.append(f'<p class="px-handout__label">{heading}</p>')
                blocks.append(part_marker(i, section_id))
    return blocks


@dataclass(frozen=True)
class ChapterParts:
    """What both editions of a chapter's handout print alike, made once for the two."""

    lessons: list[str]
    sheet: list[str]  # empty when the chapter has no questions
    key: list[str]
    notes: list[str]
    printed: dict[str, str]
    """The HTML of each :data:`PRINTED` marker in ``sheet`` and ``key``, by name."""


def chapter_parts(chapter: Chapter, questions: Mapping[str, Sequence[Question]]) -> ChapterParts:
    """The lesson parts, question sheet, answer key and discussion notes of a chapter."""
    numbered = number_chapter_questions(chapter, questions)
    printed: dict[str, str] = {}
    return ChapterParts(
        _lessons(chapter),
        _question_sheet(numbered, printed) if numbered else [],
        _answer_key(numbered, printed) if numbered else [],
        _discussion_notes(chapter),
        printed,
    )


def handout_markdown(
    course_name: str,
    chapter: Chapter,
    edition: Edition,
    questions: Mapping[str, Sequence[Question]],
    parts: ChapterParts | None = None,
) -> str:
    """The whole handout page: lessons, questions and, for teachers, key and discussion notes.

    The lessons' text stands as :func:`part_marker` paragraphs, filled in by the build.
    ``parts`` (:func:`chapter_parts`) lets the two editions share what they print alike."""
    parts = chapter_parts(chapter, questions) if parts is None else parts
    blocks = [_front_matter(chapter, edition)]
    blocks += _opening(course_name, chapter, edition, bool(parts.sheet))
    blocks += parts.lessons
    blocks += parts.sheet
    if edition.answers:
        blocks += parts.key + parts.notes
    blocks.append("</div>")
    return "\n\n".join(blocks) + "\n"
