"""The search's pinyin is pypinyin's, character for character, without importing pypinyin at
build time (peixun.search.pypinyin_data reads pypinyin's data files)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin

from peixun.search.pypinyin_data import dictionary, syllables
from peixun.text.hanzi import HAN

ROOT = Path(__file__).resolve().parents[2]
HAN_RUN = re.compile(f"[{HAN}]+")


def _pypinyin(han: str) -> list[str] | None:
    found = lazy_pinyin(han, style=Style.NORMAL, errors="ignore")
    return found if len(found) == len(han) else None


def _course_texts() -> list[str]:
    """Every run of Han characters in the course's and the fixture's Markdown (titles,
    headings, glossary terms, body text), and every stretch of up to 12 characters of them:
    the texts the build spells are among these, and the stretches try the word splitting."""
    texts: set[str] = set()
    for folder in (ROOT / "docs", ROOT / "tests" / "fixture" / "course" / "docs"):
        for path in folder.rglob("*.md"):
            for run in HAN_RUN.findall(path.read_text(encoding="utf-8")):
                texts.update(run[start : start + 12] for start in range(0, len(run), 5))
    return sorted(texts)


def test_every_character_pypinyin_knows_is_spelled_as_pypinyin_spells_it() -> None:
    chars = [chr(code) for code in dictionary().readings]
    assert len(chars) > 20_000
    differ = [c for c in chars if syllables(c) != _pypinyin(c)]
    assert differ == []


def test_every_phrase_pypinyin_lists_is_spelled_as_pypinyin_spells_it() -> None:
    phrases = dictionary().phrases
    assert len(phrases) > 20_000
    differ = [p for p in phrases if syllables(p) != _pypinyin(p)]
    assert differ == []


def test_the_course_texts_are_spelled_as_pypinyin_spells_them() -> None:
    texts = _course_texts()
    assert len(texts) > 1000
    differ = [(t, syllables(t), _pypinyin(t)) for t in texts if syllables(t) != _pypinyin(t)]
    assert differ == []


@pytest.mark.parametrize(
    ("han", "expected"),
    [
        ("弹钢琴", "tan gang qin"),  # 弹 read tan in this phrase, dan alone
        ("角色认知", "jue se ren zhi"),
        ("协调关系", "xie tiao guan xi"),
        ("绿色", "lv se"),
    ],
)
def test_a_character_with_several_readings_is_read_as_in_its_word(han: str, expected: str) -> None:
    assert " ".join(syllables(han) or []) == expected
