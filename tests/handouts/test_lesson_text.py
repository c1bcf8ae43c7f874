"""A lesson placed inside a handout: headings, ids and links that still lead somewhere."""

from __future__ import annotations

from peixun.handouts.lesson_text import Placement, explicit_ids, for_handout, section, sections
from peixun.text.markdown import parse_markdown

LESSON = """\
## 学习目标 {#mubiao}

- 能说出……

## 党支部的地位 {#diwei}

见[下一节](#yaodian)、[第二课](02-erke.md)、[第二课的称谓](02-erke.md#chengwei)、
[第二课的小节](02-erke.md#_3)、[第八章](../08-zhang/index.md#cuoshi)和[网站](https://example.org/a.md)。

### 小节 {: #xiaojie .note }

```
## 代码里的标题 {#bushi}
[代码里的链接](02-erke.md)
```

[参考]: 02-erke.md#chengwei

## 本课要点 {#yaodian}

- 要点一
"""
PARSED = parse_markdown(LESSON)

PLACED = {
    "01-zhang/01-yike.md": Placement("ke1", explicit_ids(PARSED)),
    "01-zhang/02-erke.md": Placement("ke2", frozenset({"chengwei"})),
}


def test_headings_move_one_level_down_and_ids_get_the_lesson_prefix() -> None:
    out = for_handout(PARSED, "01-zhang/01-yike.md", PLACED)
    assert "### 学习目标 {#ke1-mubiao}" in out
    assert "### 党支部的地位 {#ke1-diwei}" in out
    assert "#### 小节 {: #ke1-xiaojie .note }" in out


def test_links_into_the_handout_stay_inside_it() -> None:
    out = for_handout(PARSED, "01-zhang/01-yike.md", PLACED)
    assert "[下一节](#ke1-yaodian)" in out
    assert "[第二课](#ke2)" in out
    assert "[第二课的称谓](#ke2-chengwei)" in out
    # an id the handout does not know (written nowhere) leads to the lesson's start
    assert "[第二课的小节](#ke2)" in out
    assert "[参考]: #ke2-chengwei" in out


def test_links_out_of_the_chapter_are_re_aimed_from_the_handouts_folder() -> None:
    out = for_handout(PARSED, "01-zhang/01-yike.md", PLACED)
    assert "[第八章](../08-zhang/index.md#cuoshi)" in out
    assert "[网站](https://example.org/a.md)" in out


def test_code_blocks_are_left_exactly_as_written() -> None:
    out = for_handout(PARSED, "01-zhang/01-yike.md", PLACED)
    assert "## 代码里的标题 {#bushi}\n[代码里的链接](02-erke.md)" in out


def test_sections_give_id_title_and_text_and_skip_code() -> None:
    found = sections(PARSED)
    assert [s.id for s in found] == ["mubiao", "diwei", "yaodian"]
    assert found[1].title == "党支部的地位"
    assert "代码里的标题" in found[1].markdown
    yaodian = section(PARSED, "yaodian")
    assert yaodian is not None and yaodian.markdown == "- 要点一"
    assert section(PARSED, "taolun") is None
