"""The handout page's Markdown: what each edition holds, and text that stays text."""

from __future__ import annotations

import re

import markdown as python_markdown

from peixun.handouts.editions import LEARNER, TEACHER, handout_path, parse_stem
from peixun.handouts.page import (
    chapter_parts,
    handout_markdown,
    inline_markdown,
    number_chapter_questions,
    page_header_css,
    section_titles,
    source_of,
)
from peixun.handouts.paper import key_html, question_html
from tests.handouts.conftest import CourseWithQuestions


def test_titles_stay_plain_text_in_markdown_and_css() -> None:
    assert inline_markdown("第*一*章 <b>&") == r"第\*一\*章 &lt;b&gt;&amp;"
    css = str(page_header_css('培训"</style><script>', "第一章\\"))
    assert "</style><script>" not in css.removesuffix("</style>")
    assert css.count("</style>") == 1
    assert r"培训\22 \3c /style\3e \3c script\3e " in css
    assert r"第一章\5c " in css


def test_a_chapter_without_questions_has_no_question_part(real_course: CourseWithQuestions) -> None:
    chapter = real_course.course.chapters[0]
    learner = handout_markdown("课程", chapter, LEARNER, {})
    teacher = handout_markdown("课程", chapter, TEACHER, {})
    for page in (learner, teacher):
        assert "本章自测题" not in page and "答案与解析" not in page
        assert page.startswith("---\ntitle: 第一章 角色认知 · 讲义（")
        assert "  exclude: true" in page.split("---")[1]
    assert "讨论引导" in teacher and "讨论引导" not in learner


def test_both_editions_print_the_same_sheet(real_course: CourseWithQuestions) -> None:
    chapter = real_course.course.chapters[0]
    parts = chapter_parts(chapter, real_course.questions)
    learner, teacher = (
        # with the printed questions the build sets in place of their markers
        re.sub(
            r"PXHANDOUTHTML-([a-z0-9-]+)",
            lambda m: parts.printed[m[1]],
            handout_markdown("课程", chapter, edition, real_course.questions, parts),
        )
        for edition in (LEARNER, TEACHER)
    )
    sheet = re.compile(r'<div class="px-handout-q">.*?</div>', re.S)
    assert sheet.findall(learner) == sheet.findall(teacher) != []


def test_file_names_say_chapter_and_edition() -> None:
    assert handout_path("01-juese-renzhi", LEARNER) == "handouts/01-juese-renzhi-student.md"
    assert handout_path("01-juese-renzhi", TEACHER) == "handouts/01-juese-renzhi-teacher.md"
    assert parse_stem("01-juese-renzhi-teacher") == ("01-juese-renzhi", TEACHER)
    assert parse_stem("01-juese-renzhi") is None
    assert parse_stem("student") is None


def test_printed_questions_are_set_as_markdown_wrote_them(real_course: CourseWithQuestions) -> None:
    # the page carries the question sheet as HTML, no longer through Markdown: exactly what
    # Markdown made of the same blocks inside the handout
    chapter = real_course.course.chapters[0]
    parts = chapter_parts(chapter, real_course.questions)
    for i, lesson, papers in number_chapter_questions(chapter, real_course.questions):
        titles = section_titles(lesson)
        for name, blocks in (
            (f"ceshi-ke{i}", [question_html(p) for p in papers]),
            (f"daan-ke{i}", [key_html(p, source_of(p, lesson, i, titles)) for p in papers]),
        ):
            markdown = '<div class="px-handout" markdown>\n\n' + "\n\n".join(blocks) + "\n\n</div>"
            written = python_markdown.markdown(markdown, extensions=["md_in_html"])
            assert written == f'<div class="px-handout">\n{parts.printed[name]}\n</div>'
