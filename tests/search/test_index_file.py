"""Compacting the search index file keeps every value and adds the pinyin table."""

from __future__ import annotations

import json
from pathlib import Path

from peixun.search.index_file import write_compact
from peixun.search.pinyin import CONFIG_KEY, pinyin_table, spelled


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
    before, after = write_compact(path, ["三会一课"])
    assert after < before
    written = json.loads(path.read_text(encoding="utf-8"))
    table = written["config"].pop(CONFIG_KEY)
    assert written == data
    assert "党支部\u200b书记" in path.read_text(encoding="utf-8")
    # Glossary terms and page titles are spelled; section titles are not.
    assert table == [["三会一课", "san hui yi ke"], ["党支部书记", "dang zhi bu shu ji"]]


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
