"""The slide outline: the lesson's own words, a few lines a slide, one question a slide."""

from __future__ import annotations

import re

from peixun.course.model import CLOSING_SECTIONS
from peixun.slides.blocks import inline_plain, read_blocks
from peixun.slides.outline import (
    BODY_LINES,
    CHARS_PER_LINE,
    DATE_LINE,
    POINT_LINES,
    Point,
    chapter_outline,
    lesson_outline,
    lines_of,
    paginate,
    points_of,
    split_point,
)
from peixun.text.markdown import parse_markdown
from tests.handouts.conftest import CourseWithQuestions

COURSE = "党支部书记履职能力培训"


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_markdown_marks_go_and_link_text_stays() -> None:
    body = parse_markdown(
        "党支部是**桥梁与纽带**，见[第二课](02-x.md)和 `代码`。\n\n"
        "```\n不是课文\n```\n\n"
        '!!! note "编者说明"\n    编者删去符号。\n\n'
        "- 第一项\n    - 第二层\n1. 第一问？\n"
    )
    blocks = read_blocks(body)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "党支部是桥梁与纽带，见第二课和 代码。"),
        ("label", "编者说明"),
        ("note", "编者删去符号。"),
        ("item", "第一项"),
        ("item", "第二层"),
        ("item", "第一问？"),
    ]
    assert blocks[4].depth == 1 and blocks[5].marker == "1."
    # an editor's note never reaches a slide
    assert [p.text for p in points_of(blocks)] == [
        "党支部是桥梁与纽带，见第二课和 代码。",
        "第一项",
        "第二层",
        "1. 第一问？",
    ]


def test_a_paragraph_gives_its_first_sentence_as_written() -> None:
    blocks = read_blocks(parse_markdown("他说：“要团结。”大家同意。还有一句！"))
    assert [p.text for p in points_of(blocks)] == ["他说：“要团结。”大家同意。"]


def test_a_long_point_is_cut_at_its_own_punctuation_never_shortened() -> None:
    clause = "支部书记要带头学习党的理论和业务知识"
    text = "；".join([clause] * 8) + "。"
    pieces = split_point(Point(text))
    assert len(pieces) > 1
    assert "".join(p.text for p in pieces) == text
    assert all(lines_of(p) <= POINT_LINES for p in pieces)
    assert pieces[0].style == "point" and {p.style for p in pieces[1:]} == {"more"}
    # without any punctuation it is still cut, never dropped
    bare = "党" * (CHARS_PER_LINE * 5)
    assert "".join(p.text for p in split_point(Point(bare))) == bare


def test_long_sections_run_over_several_slides_and_headings_stay_with_their_text() -> None:
    points = [Point(f"第{i}条要点。") for i in range(25)]
    points.insert(8, Point("小标题", style="heading"))
    slides = paginate("一节", points, "全文")
    assert len(slides) > 2
    assert [p for s in slides for p in s.points] == points
    assert all(sum(lines_of(p) for p in s.points) <= BODY_LINES for s in slides)
    assert all(s.points[-1].style != "heading" for s in slides)
    assert slides[0].title == "一节" and slides[1].title == "一节（续）"
    assert slides[0].notes == "全文"


def test_every_point_is_the_lessons_own_text(real_course: CourseWithQuestions) -> None:
    for chapter in real_course.course.chapters:
        text = {
            lesson.slug: _squeezed("".join(b.text for b in read_blocks(lesson.markdown)))
            for lesson in chapter.lessons
        }
        everything = "".join(text.values()) + "".join(x.title for x in chapter.lessons)
        for slide in chapter_outline(COURSE, chapter):
            assert sum(lines_of(p) for p in slide.points) <= BODY_LINES, slide.title
            for point in slide.points:
                # the sources slides name each lesson: "第 1 课　" is ours, the title is not
                own = re.sub(r"^(\d+[.)]\s|第 \d+ 课\u3000)", "", point.text)
                assert _squeezed(own) in everything, (slide.title, point)


def test_a_chapter_deck_has_every_section_and_one_question_a_slide(
    real_course: CourseWithQuestions,
) -> None:
    closing = {id_ for _, id_ in CLOSING_SECTIONS}
    for chapter in real_course.course.chapters:
        slides = chapter_outline(COURSE, chapter)
        assert slides[0].kind == "title" and slides[0].title == chapter.title
        assert slides[0].subtitle == (COURSE, DATE_LINE)
        titles = [s.title for s in slides]
        questions = [s for s in slides if s.kind == "question"]
        expected = 0
        for lesson in chapter.lessons:
            assert inline_plain(lesson.title) in titles
            for section in lesson.markdown.sections_at(2):
                if section.id == "taolun":
                    items = [b for b in read_blocks(section.content) if b.kind == "item"]
                    expected += len([b for b in items if b.depth == 0])
                elif section.id not in closing or section.id == "yaodian":
                    assert section.title in titles, (lesson.slug, section.title)
        assert len(questions) == expected
        assert all(len(s.notes) > 0 for s in questions)
        assert slides[-1].title.startswith("资料来源")


def test_a_lesson_deck_names_its_chapter(real_course: CourseWithQuestions) -> None:
    chapter = real_course.course.chapters[0]
    lesson = chapter.lessons[1]
    slides = lesson_outline(COURSE, chapter, lesson)
    assert slides[0].title == lesson.title
    assert slides[0].subtitle == (COURSE, f"{chapter.title} · 第 2 课", DATE_LINE)
    assert [s for s in slides if s.kind == "lesson"] == []
