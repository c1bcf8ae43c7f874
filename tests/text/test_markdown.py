"""The lesson model: every reader of a lesson sees the headings, ids and code the site renders."""

from __future__ import annotations

import re

import markdown as python_markdown
import pytest
from pymdownx.slugs import slugify

from peixun.course.check import check_sections, check_text
from peixun.handouts.lesson_html import Place, for_handout
from peixun.handouts.lesson_text import Placement, explicit_ids
from peixun.handouts.lesson_text import sections as handout_sections
from peixun.quiz.lessontext import section_ids
from peixun.search.userdict import heading_words
from peixun.text.markdown import parse_markdown
from tests.test_content_check import GOOD_BODY, lesson

ID_FORMS = ["{#zhize}", "{: #zhize }", "{#zhize .cls}", '{ #zhize key="v" }', "{:#zhize}"]


def _with_heading(heading: str) -> str:
    return GOOD_BODY.replace("## 支部书记的职责 {#zhize}", heading)


def _rendered(heading: str) -> str:
    """The heading as Python-Markdown (attr_list + toc, as in mkdocs.yml) renders it."""
    return python_markdown.markdown(
        heading,
        extensions=["attr_list", "toc"],
        extension_configs={"toc": {"slugify": slugify(case="lower")}},
    )


def _rendered_id(heading: str) -> str | None:
    """The id Python-Markdown gives the heading."""
    html = _rendered(heading)
    start = html.find('id="')
    return html[start + 4 : html.index('"', start + 4)] if start >= 0 else None


def _in_handout(heading: str, placement: Placement) -> str:
    """The rendered heading as the handout prints it (the lesson's HTML, moved and prefixed)."""
    place = Place("handouts/99-ceshi-student.html", "99-ceshi/01-ceshi.html", placement, {})
    return for_handout(_rendered(heading), place, set())


@pytest.mark.parametrize("attrs", ID_FORMS)
def test_every_attr_list_form_gives_the_same_id_everywhere(attrs: str) -> None:
    heading = f"## 支部书记的职责 {attrs}"
    assert _rendered_id(heading) == "zhize"  # what the site's pages carry
    page = lesson(_with_heading(heading))
    assert check_sections(page) == []  # the check: no "缺少 id"
    assert section_ids(page.markdown) == ["mubiao", "zhize", "yaodian", "taolun", "laiyuan"]
    assert [s.id for s in handout_sections(page.markdown)][1] == "zhize"
    assert "zhize" in explicit_ids(page.markdown)
    moved = _in_handout(heading, Placement("ke1", explicit_ids(page.markdown)))
    assert re.search(r'<h3[^>]* id="ke1-zhize"[^>]*>支部书记的职责</h3>', moved), moved
    [section] = [s for s in page.markdown.sections if s.id == "zhize"]
    assert section.title == "支部书记的职责" and section.heading.number == 12


def test_heading_without_a_space_is_a_heading_and_is_reported() -> None:
    assert _rendered_id("##支部书记的职责 {#zhize}") == "zhize"  # Python-Markdown: an <h2>
    page = lesson(_with_heading("##支部书记的职责 {#zhize}"))
    [error] = check_sections(page)
    assert str(error) == (
        "docs/99-ceshi/01-ceshi.md 第 12 行：二级标题“支部书记的职责”的“##”后缺少空格，"
        "请写成“## 支部书记的职责”。"
    )
    assert "zhize" in section_ids(page.markdown)
    placement = Placement("ke1", explicit_ids(page.markdown))
    assert '<h3 id="ke1-zhize">' in _in_handout("##支部书记的职责 {#zhize}", placement)
    assert heading_words("##强化四种意识\n") == ["四种意识"]


def test_an_attribute_list_without_a_space_before_it_is_title_text() -> None:
    # attr_list wants a space before "{": the site shows the braces, the check says so.
    assert _rendered_id("## 支部书记的职责{#zhize}") != "zhize"
    page = lesson(_with_heading("## 支部书记的职责{#zhize}"))
    assert any("缺少 id" in str(e) for e in check_sections(page))
    assert "zhize" not in section_ids(page.markdown)


def test_fenced_code_is_masked_with_the_fence_length_rule() -> None:
    body = "## 甲 {#jia}\n\n````\n```\n## 不是标题 {#bushi}\n```\n````\n\n~~~\n## 也不是\n~~~\n"
    parsed = parse_markdown(body)
    assert [h.id for h in parsed.headings] == ["jia"]
    assert [line.code for line in parsed.lines][2:7] == [True] * 5


def test_a_fence_never_closed_is_text_as_on_the_site() -> None:
    parsed = parse_markdown("```\n## 标题 {#biaoti}\n")
    assert [h.id for h in parsed.headings] == ["biaoti"]


def test_sections_nest_by_level_and_carry_their_lines() -> None:
    parsed = parse_markdown("前言\n## 甲 {#jia}\n\n正文\n### 乙\n细节\n## 丙 {#bing}\n结尾", 5)
    assert [(s.heading.level, s.id, s.heading.number) for s in parsed.sections] == [
        (2, "jia", 6),
        (3, None, 9),
        (2, "bing", 11),
    ]
    assert parsed.sections[0].markdown == "正文\n### 乙\n细节"
    assert [line.number for line in parsed.sections[0].content.lines] == [8, 9, 10]


def test_prose_lines_leave_out_code_links_and_attribute_lists() -> None:
    page = lesson(GOOD_BODY.replace("做好党员干部的思想工作。", "见[第一课](a,b.md) `x,y`。"))
    assert check_text(page) == []
    [line] = [p for p in page.markdown.prose_lines if p.number == 14]
    assert line.prose == "支部书记要抓好本单位的党建工作，见[第一课〇 〇。"
