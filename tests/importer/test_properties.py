"""Property tests: no step loses Han characters beyond what its events list, and nothing any
input holds makes the importer raise."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peixun.importer.decode import decode
from peixun.importer.draft import render_draft
from peixun.importer.model import Event, Kind, Line, UnreadableInput
from peixun.importer.pipeline import LINE_STEPS
from peixun.importer.split import split_articles
from peixun.text.hanzi import han_count

from .helpers import import_text, lines_of, run_import

# Pieces of the seeds' real damage, for hypothesis to combine with arbitrary text.
FRAGMENTS = [
    "第一篇:如何當好黨支部書記",
    "如何当好党支部书记",
    "一、",
    "（一）",
    "(二)",
    "1.",
    "2、",
    "（1）",
    "①",
    "●",
    "一是",
    "二是",
    "首先,",
    "最后,",
    "位臵",
    "旗臶",
    "精品文档,助你起航,欢迎收藏关注和点赞!",
    "本文章共2页,当前在第2页上一页[1][2]",
    "[NextPage]",
    "![图[权威资料]](https://x.cn/a.png)",
    "浏览量:304 | 发布时间:2024-08-26",
    "点赞:",
    "作者:邱艳玲[导读] 导读。",
    "来源:《刊》2022年第1期",
    "关键词:做好;路径前言:",
    "除尘滤布",
    "奥远平台。",
    "`",
    "/",
    "。",
    ",",
    ":",
    '"',
    "(",
    ")",
    " ",
    "\n",
    "\n\n",
    "...",
    "——",
    "3,000",
    "9:00",
    "https://a.cn/x,y",
    "知识知识",
    "“",
    "”",
    "《",
    "》",
]
ALPHABET = st.characters(codec="utf-8", categories=("Lo", "Nd", "P", "Zs", "Lu", "Ll", "Cc", "So"))
chinese_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(ALPHABET, max_size=12)), max_size=40
).map("".join)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def listed_han(events: list[Event]) -> int:
    """Han characters the events say were taken out of the text."""
    return sum(han_count(e.text) for e in events if e.kind in (Kind.REMOVED, Kind.MOVED))


def text_han(lines: list[Line]) -> int:
    return sum(han_count(line.text) for line in lines)


@pytest.mark.parametrize("step", LINE_STEPS, ids=[step.__name__ for step in LINE_STEPS])
@SETTINGS
@given(text=chinese_text)
def test_no_step_loses_han_characters_unlisted(step: object, text: str) -> None:
    lines = lines_of(*text.split("\n"))
    result = step(lines)  # type: ignore[operator]
    assert text_han(lines) - text_han(result.lines) <= listed_han(result.events)


@SETTINGS
@given(text=chinese_text)
def test_splitting_loses_no_han_characters_unlisted(text: str) -> None:
    lines = lines_of(*text.split("\n"))
    articles, events = split_articles(lines)
    kept = sum(text_han(article.lines) for article in articles)
    assert text_han(lines) - kept <= listed_han(events)


@SETTINGS
@given(text=chinese_text)
def test_pipeline_never_raises_on_any_text(text: str) -> None:
    document = import_text(text)
    for article in document.articles:
        assert render_draft(article, "test.txt", "行").startswith("---\ntitle: ")


@SETTINGS
@given(data=st.binary(max_size=400))
def test_decoding_arbitrary_bytes_reads_or_refuses_in_chinese(data: bytes) -> None:
    try:
        decoded = decode(data)
    except UnreadableInput as exc:
        assert str(exc) and not str(exc).isascii()
    else:
        assert "\r" not in decoded.text


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.one_of(st.binary(max_size=300), chinese_text.map(str.encode)))
def test_command_never_raises_on_any_file(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "任意.txt"
    path.write_bytes(data)
    assert run_import([path], tmp_path / "out", "--force") in (0, 1)
