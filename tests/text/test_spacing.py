"""The spacing rule between Chinese and Latin letters or digits (CONTRIBUTING.md, 二)."""

from __future__ import annotations

import pytest

from peixun.text.spacing import close_latin, spaced_latin


@pytest.mark.parametrize(
    ("written", "wanted"),
    [
        ("去掉了网页和 PDF 带来的杂乱内容", "去掉了网页和PDF带来的杂乱内容"),
        ("第 4 篇，共 26 处。", "第4篇，共26处。"),
        ("2019 年 3 月", "2019年3月"),
        ("和 **PDF** 带", "和**PDF**带"),  # emphasis marks between the two scripts
        ("见[第 4 课](a.md)", "见[第4课](a.md)"),
        ("打开 `index.html` 使用", "打开`index.html`使用"),  # a code span counts as Latin
        ("PDF ，然后", "PDF，然后"),  # nor beside full-width punctuation
        ("第　1　课", "第1课"),  # ideographic space too
    ],
)
def test_spaces_between_chinese_and_latin_are_found_and_closed(written: str, wanted: str) -> None:
    found = spaced_latin(written)
    assert found is not None and found[0] in written
    assert len(found[1]) < len(found[0])  # the correction shown lacks the space
    assert close_latin(written) == wanted
    assert spaced_latin(wanted) is None


@pytest.mark.parametrize(
    "kept",
    [
        "GB/T 15834-2011",  # spaces inside a Latin name
        "see page 4 of the report",
        "## 标题 {#di-4-pian}",  # the attribute list is not text
        '<span class="a b">文字</span>',
        "见[课文](01 a.md)",  # a link target is not text
        "- 第一条",
        "1. 学习",
    ],
)
def test_what_the_rule_leaves_alone(kept: str) -> None:
    assert spaced_latin(kept) is None
    assert close_latin(kept) == kept


def test_the_report_shows_the_text_around_and_its_correction() -> None:
    assert spaced_latin("编者去掉了网页和 PDF 带来的杂乱内容") == (
        "去掉了网页和 PDF 带来",
        "去掉了网页和PDF带来",
    )
