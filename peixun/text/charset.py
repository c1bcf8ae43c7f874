"""Which characters a Simplified Chinese text may hold: GB2312, and no Traditional ones.

The importer converts with :func:`to_simplified` and flags with :func:`outside_gb2312`; the
content check reports what these find in a lesson.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import opencc_purepy
from opencc_purepy import OpenCC
from opencc_purepy.dictionary_lib import DictionaryMaxlength

from peixun.text.hanzi import HAN_CHARACTER


def in_gb2312(char: str) -> bool:
    """Whether ``char`` is in GB2312, the set every Simplified Chinese font covers."""
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def outside_gb2312(text: str) -> list[str]:
    """The Han characters of ``text`` outside GB2312, in order (mojibake, rare or Traditional)."""
    han = HAN_CHARACTER.findall(text)
    if in_gb2312("".join(han)):  # one call for the usual line where every character fits
        return []
    return [char for char in han if not in_gb2312(char)]


T2S_TABLES = {"ts_phrases": "TSPhrases.txt", "ts_characters": "TSCharacters.txt"}
"""The dictionaries OpenCC's t2s reads (its UnionKey.T2S), by slot, as packaged with it."""


def t2s_dictionary() -> DictionaryMaxlength:
    """OpenCC's own t2s tables and nothing else: the packaged JSON of every table (2.5 MB)
    takes 0.06 s to parse, these two text files 3 ms; the test compares them with it."""
    folder = Path(opencc_purepy.__file__).parent / "dicts"
    tables = DictionaryMaxlength()  # type: ignore[no-untyped-call]  # its __init__ is unannotated
    for slot, name in T2S_TABLES.items():
        text = (folder / name).read_text(encoding="utf-8")
        setattr(tables, slot, DictionaryMaxlength.load_dictionary_maxlength(text))
    return tables


@cache
def _converter() -> OpenCC:
    # t2s only: the regional profiles (tw2sp, hk2sp) rewrite words (智慧 → 智能, 文件 → 文档).
    return OpenCC("t2s", dictionary=t2s_dictionary())


def to_simplified(text: str) -> str:
    """``text`` in Simplified characters, phrase-aware.

    A second pass catches what a phrase match skipped in the first: in "有利於單位" the
    dictionary's name 於單 wins over 利於, leaving 於 until 單 has become 单.
    """
    converter = _converter()
    return str(converter.t2s(converter.t2s(text)))


_ALONE: dict[bool, set[str]] = {True: set(), False: set()}  # does OpenCC change it alone?


def _changing_alone(chars: set[str]) -> set[str]:
    """Those of ``chars`` that OpenCC converts on their own (memoised: set operations only)."""
    for char in chars - _ALONE[True] - _ALONE[False]:
        _ALONE[_converter().t2s(char) != char].add(char)
    return chars & _ALONE[True]


def traditional_characters(text: str) -> list[str]:
    """Characters of ``text`` that :func:`to_simplified` converts both in context and alone.

    The phrase tables alone misfire on some simplified text (即告结束 → 告結); a character
    that stays the same when converted on its own is Simplified already.
    """
    # Without a character that changes alone, skip the costly phrase conversion (most lines).
    changing = _changing_alone(set(text))
    if not changing:
        return []
    converted = to_simplified(text)
    if converted == text or len(converted) != len(text):
        return []
    return sorted({a for a, b in zip(text, converted, strict=True) if a != b and a in changing})
