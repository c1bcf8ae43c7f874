"""A lesson placed inside a handout: headings, ids and links that still lead somewhere.

The handout takes the lesson's HTML as its own page was rendered (MkDocs has made its links
relative to the lesson's page, ``.md`` to ``.html``); these lessons are written that way.
"""

from __future__ import annotations

import markdown as python_markdown
import pytest
from pymdownx.slugs import slugify

from peixun.handouts.assemble import fill_parts
from peixun.handouts.lesson_html import (
    MissingLessonHtml,
    Place,
    for_handout,
    mark_body,
    split_body,
)
from peixun.handouts.lesson_html import sections as html_sections
from peixun.handouts.lesson_text import Placement, explicit_ids, section, sections
from peixun.text.markdown import parse_markdown

LESSON = """\
## 学习目标 {#mubiao}

- 能说出……

## 党支部的地位 {#diwei}

见[下一节](#yaodian)、[第二课](02-erke.html)、[第二课的称谓](02-erke.html#chengwei)、
[第二课的小节](02-erke.html#_3)、[第八章](../08-zhang/index.html#cuoshi)、
[图](tu.png)和[网站](https://example.org/a.md)。

### 小节 {: #xiaojie .note }

### 支部的灵魂

```
## 代码里的标题 {#bushi}
[代码里的链接](02-erke.html) <a href="02-erke.html">
```

[参考][cankao]

[cankao]: 02-erke.html#chengwei

## 本课要点 {#yaodian}

- 要点一
"""
PARSED = parse_markdown(LESSON)
EXTENSIONS = ["attr_list", "fenced_code", "toc"]
TOC = {"toc": {"slugify": slugify(case="lower"), "permalink": True}}


def _html(text: str) -> str:
    """The lesson as its page has it (the site's heading ids and permalinks)."""
    return python_markdown.markdown(text, extensions=EXTENSIONS, extension_configs=TOC)


HTML = _html(LESSON)
PLACED = {
    "01-zhang/01-yike.html": Placement("ke1", explicit_ids(PARSED)),
    "01-zhang/02-erke.html": Placement("ke2", frozenset({"chengwei"})),
}
PLACE = Place(
    "handouts/01-zhang-student.html",
    "01-zhang/01-yike.html",
    PLACED["01-zhang/01-yike.html"],
    PLACED,
)


def test_headings_move_one_level_down_and_ids_get_the_lesson_prefix() -> None:
    out = for_handout(HTML, PLACE, set())
    assert '<h3 id="ke1-mubiao">学习目标<a class="headerlink" href="#ke1-mubiao"' in out
    assert '<h3 id="ke1-diwei">党支部的地位' in out
    assert '<h4 class="note" id="ke1-xiaojie">小节' in out
    assert "<h2" not in out


def test_links_into_the_handout_stay_inside_it() -> None:
    out = for_handout(HTML, PLACE, set())
    assert '<a href="#ke1-yaodian">下一节</a>' in out
    assert '<a href="#ke2">第二课</a>' in out
    assert '<a href="#ke2-chengwei">第二课的称谓</a>' in out
    # an id the handout does not know (written nowhere) leads to the lesson's start
    assert '<a href="#ke2">第二课的小节</a>' in out
    assert '<a href="#ke2-chengwei">参考</a>' in out


def test_links_out_of_the_chapter_are_re_aimed_from_the_handouts_folder() -> None:
    out = for_handout(HTML, PLACE, set())
    assert '<a href="../08-zhang/index.html#cuoshi">第八章</a>' in out
    assert '<a href="../01-zhang/tu.png">图</a>' in out
    assert '<a href="https://example.org/a.md">网站</a>' in out


def test_directory_urls_keep_their_form() -> None:
    placed = {"01-zhang/02-erke/": Placement("ke2", frozenset())}
    place = Place("handouts/01-zhang-student/", "01-zhang/01-yike/", PLACE.placement, placed)
    html = '<a href="../02-erke/">二</a><a href="../../08-zhang/#cuoshi">八</a>'
    out = for_handout(html, place, set())
    assert out == '<a href="#ke2">二</a><a href="../../08-zhang/#cuoshi">八</a>'


def test_code_blocks_are_left_exactly_as_written() -> None:
    out = for_handout(HTML, PLACE, set())
    assert "## 代码里的标题 {#bushi}\n[代码里的链接](02-erke.html) &lt;a href=" in out


def test_ids_made_from_heading_text_stay_unique_on_the_handout_page() -> None:
    used: set[str] = {"ke1-mubiao"}
    first = for_handout(HTML, PLACE, used)
    again = for_handout(HTML, PLACE, used)
    assert '<h4 id="支部的灵魂">支部的灵魂<a class="headerlink" href="#支部的灵魂"' in first
    assert '<h4 id="支部的灵魂_1">支部的灵魂<a class="headerlink" href="#支部的灵魂_1"' in again


def test_sections_give_id_title_and_text_and_skip_code() -> None:
    found = sections(PARSED)
    assert [s.id for s in found] == ["mubiao", "diwei", "yaodian"]
    assert found[1].title == "党支部的地位"
    assert "代码里的标题" in found[1].markdown
    yaodian = section(PARSED, "yaodian")
    assert yaodian is not None and yaodian.markdown == "- 要点一"
    assert section(PARSED, "taolun") is None
    parts = html_sections(HTML)
    assert list(parts) == ["mubiao", "diwei", "yaodian"]
    assert parts["yaodian"] == "<ul>\n<li>要点一</li>\n</ul>"


def test_the_lesson_page_is_the_same_with_its_body_marked() -> None:
    before = "<div markdown>\n\n[演示](x.md)\n\n</div>\n\n"
    quiz = "\n\n## 自测 {#zice}\n\n<!-- peixun:quiz -->\n"
    for after in (quiz, ""):
        plain = _html(before + LESSON + after)
        page, body = split_body(_html(before + mark_body(LESSON) + after))
        assert page == plain
        assert body is not None and body.strip() == HTML


def test_a_handout_never_prints_a_lesson_it_was_not_given() -> None:
    page = "<h2>第 1 课</h2>\n<p>PXHANDOUTPART-1</p>\n"
    with pytest.raises(MissingLessonHtml) as missing:
        fill_parts(page, [None], [PLACE], {})
    assert missing.value.args == (1, None)
    assert "ke1-mubiao" in fill_parts(page, [HTML], [PLACE], {})
