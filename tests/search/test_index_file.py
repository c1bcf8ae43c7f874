"""Compacting the search index file keeps every value and adds the pinyin table."""

from __future__ import annotations

import json
from pathlib import Path

from peixun.search.index_file import write_compact
from peixun.search.pinyin import CONFIG_KEY, pinyin_table, spelled
from peixun.search.variants import CONFIG_KEY as VARIANTS_KEY
from peixun.search.variants import glossary_variants


def test_compact_index_has_the_same_data_in_fewer_bytes(tmp_path: Path) -> None:
    data = {
        "config": {"separator": "[\\s\\u200b]+"},
        "docs": [
            {"location": "a.html", "title": "党支部\u200b书记", "text": "支部\u200b工作" * 20},
            {"location": "a.html#b", "title": "小节标题", "text": ""},
        ],
    }
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    before, after = write_compact(
        path, [("三会一课", "原文中的一项党建制度。"), ("支委会", "即支部委员会。")]
    )
    assert after < before
    written = json.loads(path.read_text(encoding="utf-8"))
    table = written["config"].pop(CONFIG_KEY)
    assert written["config"].pop(VARIANTS_KEY) == [["支委会", "支部委员会"]]
    assert written == data
    assert "党支部\u200b书记" in path.read_text(encoding="utf-8")
    # Glossary terms and page titles are spelled; section titles are not.
    assert table == [
        ["三会一课", "san hui yi ke"],
        ["支委会", "zhi wei hui"],
        ["党支部书记", "dang zhi bu shu ji"],
    ]


def test_pinyin_keeps_han_characters_only_one_syllable_each() -> None:
    assert spelled("摆正位置：“两个不能”") == (
        "摆正位置两个不能",
        "bai zheng wei zhi liang ge bu neng",
    )
    assert spelled("互联网+") == ("互联网", "hu lian wang")
    assert spelled("书") is None  # one character finds too much to be worth a row
    assert spelled("PDF 讲") is None


def test_pinyin_table_lists_each_text_once() -> None:
    assert pinyin_table(["弹钢琴", "弹钢琴", "吃透“两头”", "吃透两头"]) == [
        ["弹钢琴", "tan gang qin"],
        ["吃透两头", "chi tou liang tou"],
    ]


def test_variants_are_the_full_forms_a_definition_opens_with() -> None:
    glossary = [
        ("支委会", "即支部委员会，由支部党员大会选举产生。"),
        ("帮困基金", "即党员帮困基金。"),
        ("疏导", "原文把疏导称为基本方针。"),  # no 即: no variant
        ("弹钢琴", "即弹钢琴。"),  # the same form is not a variant
    ]
    assert glossary_variants(glossary) == [["支委会", "支部委员会"], ["帮困基金", "党员帮困基金"]]


def test_the_query_side_reads_the_keys_the_build_writes() -> None:
    """One name for each addition: the build's key is the one search-zh.js (from the theme's
    index config) and the worker (from the split index's meta) read."""
    folder = Path(__file__).resolve().parents[2] / "peixun" / "assets" / "search"
    page_side = (folder / "search-zh.js").read_text(encoding="utf-8")
    assert f"config.{CONFIG_KEY}" in page_side
    assert f"config.{VARIANTS_KEY}" in page_side
    worker = (folder / "worker.js").read_text(encoding="utf-8")
    assert f"meta.{CONFIG_KEY}" in worker
    assert f"meta.{VARIANTS_KEY}" in worker
