"""Each text rule is one definition: what the importer fixes in a source, the check finds in a
lesson (the importer's own behaviour is pinned by tests/importer and its goldens)."""

from __future__ import annotations

import pytest

from peixun.course.check import check_text
from peixun.importer.debris import remove_inline_debris, remove_notice_lines
from peixun.importer.model import Line
from peixun.importer.suspects import find_suspects
from peixun.text.charset import to_simplified
from peixun.text.punctuation import normalize_punctuation
from tests.test_content_check import GOOD_BODY, lesson

LINE = "做好党员干部的思想工作。"


def _found(text: str) -> list[str]:
    return [str(e) for e in check_text(lesson(GOOD_BODY.replace(LINE, text)))]


@pytest.mark.parametrize(
    "raw",
    [
        "支部书记要抓党建,做思想工作。",
        "他说:要团结。",
        '要有"服务"意识。',
        "要有(服务)意识。",
        "支部 书记要带头。",
        "支部书记　要带头。",
        "网页和 PDF 带来的内容。",
    ],
)
def test_what_the_importer_normalizes_the_check_reports(raw: str) -> None:
    assert normalize_punctuation(raw) != raw
    found = _found(raw)
    assert any(
        "半角标点" in m or "汉字之间有空格" in m or "汉字与字母、数字之间不加空格" in m
        for m in found
    ), found
    assert _found(normalize_punctuation(raw)) == []


@pytest.mark.parametrize(
    "raw",
    [
        "本文章共3页，当前在第1页 上一页 [1] 下一页",
        "精品文档，助你起航，欢迎收藏关注和点赞！",
        "党建工作[权威资料]要抓实。",
        "党建工作（精选多篇）要抓实。",
        "本文由会员分享，可在线阅读。",
        "浏览量:304 | 发布时间:2020-01-01",
        "奥远公司提供滤布。",
    ],
)
def test_what_the_importer_removes_as_debris_the_check_reports(raw: str) -> None:
    removed = (
        remove_notice_lines([Line(raw, 1)]).events + remove_inline_debris([Line(raw, 1)]).events
    )
    assert removed
    assert any("网页或 PDF 的残留" in m for m in _found(raw))


def test_a_cited_title_keeps_its_site_label() -> None:
    assert _found("见网络汇编《如何当好基层党支部书记（精选多篇）》。") == []


@pytest.mark.parametrize("raw", ["要深入`线调查研究。", "支部/记要带头。", "他说：“要团结，`。"])
def test_cut_marks_the_importer_flags_the_check_reports(raw: str) -> None:
    assert any("删去了字" in e.detail for e in find_suspects([Line(raw, 1)]).events)
    assert any("被挖掉的字" in m for m in _found(raw))


def test_traditional_characters_the_importer_converts_the_check_reports() -> None:
    raw = "隨著改革的深入，有利於單位發展。"
    assert to_simplified(raw) == "随着改革的深入，有利于单位发展。"
    assert any("有繁体字" in m for m in _found(raw))
    assert not any("有繁体字" in m for m in _found(to_simplified(raw)))


def test_near_duplicate_search_stays_bounded_on_very_repetitive_input() -> None:
    from peixun.text.shingles import MAX_POSTINGS, shingles, similar_pairs

    paragraph = "党支部书记要带头学习党章党规，加强组织建设，发挥战斗堡垒作用，做到学以致用。"
    items = [shingles(paragraph) for _ in range(20 * MAX_POSTINGS)]
    pairs = similar_pairs(items, 0.6)
    # Every repeat among the first MAX_POSTINGS is found; each later copy is found too, paired
    # with those first ones only, so the work per item is bounded.
    later = len(items) - MAX_POSTINGS
    assert len(pairs) == MAX_POSTINGS * (MAX_POSTINGS - 1) // 2 + later * MAX_POSTINGS
    assert (0, 1, 1.0) in pairs and (0, len(items) - 1, 1.0) in pairs
    # The importer's report: each copy once, with the first place it repeats.
    first = similar_pairs(iter(items), 0.6, first_only=True)
    assert first == [(0, n, 1.0) for n in range(1, len(items))]


def test_the_converter_reads_the_same_t2s_tables_as_opencc_packages() -> None:
    """Only the t2s tables are loaded (for speed): they must be the ones OpenCC("t2s") uses."""
    from opencc_purepy import OpenCC
    from opencc_purepy.dictionary_lib import DictionaryMaxlength

    from peixun.text.charset import T2S_TABLES, t2s_dictionary

    packaged, ours = DictionaryMaxlength.from_json(), t2s_dictionary()
    for slot in T2S_TABLES:
        assert getattr(ours, slot) == getattr(packaged, slot)
    text = "隨著改革的深入，有利於單位發展。這個問題關係到黨的建設與幹部隊伍。"
    assert to_simplified(text) == str(OpenCC("t2s").t2s(OpenCC("t2s").t2s(text)))
