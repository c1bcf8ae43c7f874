"""pypinyin's spelling of a Han text, tone-less, read straight from pypinyin's data files.

``pypinyin.lazy_pinyin(text, style=Style.NORMAL)`` splits the text into words by forward
maximum matching over its phrase list (``pypinyin.seg.mmseg``: the longest run that is the
beginning of some phrase), spells a word that is a phrase by the phrase list and any other
character by its first reading, and drops the tone marks (ü written v). Doing the same here
costs a read of the two JSON files and a sorted list of the phrases, instead of importing
pypinyin, which loads both files into dictionaries, copies them and builds a set of every
beginning of every phrase. ``tests/search/test_pinyin.py`` checks every character and every
phrase pypinyin knows, and the course's texts, against pypinyin itself.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from functools import cache
from importlib.util import find_spec
from pathlib import Path

# One entry a line, as pypinyin writes them: ``"13312": "qiū",`` and ``"一丁不识": [``.
CHARACTER_LINE = re.compile(r'^"(\d+)": "([^"]*)"', re.MULTILINE)
PHRASE_LINE = re.compile(r'^"([^"\n]+)": (?=\[)', re.MULTILINE)
# Tone marks as combining characters (after NFD): macron, acute, caron, grave. The others
# (the circumflex of ê, the diaeresis of ü) belong to the letter.
TONE_MARKS = dict.fromkeys(map(ord, "\u0304\u0301\u030c\u0300"))


class Dictionary:
    """pypinyin's readings of single characters and of phrases."""

    def __init__(self, folder: Path) -> None:
        chars = (folder / "pinyin_dict.json").read_text(encoding="utf-8")
        self.readings = {int(code): text for code, text in CHARACTER_LINE.findall(chars)}
        self.phrase_text = (folder / "phrases_dict.json").read_text(encoding="utf-8")
        # Where each phrase's readings start in the file; parsed only for the phrases used.
        self.phrase_at = {m[1]: m.end() for m in PHRASE_LINE.finditer(self.phrase_text)}
        self.phrases = sorted(self.phrase_at)

    def starts_a_phrase(self, text: str) -> bool:
        """Whether some phrase begins with ``text`` (pypinyin's ``PrefixSet``)."""
        at = bisect_left(self.phrases, text)
        return at < len(self.phrases) and self.phrases[at].startswith(text)

    def words(self, text: str) -> list[str]:
        """``text`` cut as ``pypinyin.seg.mmseg.Seg.cut`` cuts it (forward maximum matching)."""
        words: list[str] = []
        rest = text
        while rest:
            end = 0
            while end < len(rest) and self.starts_a_phrase(rest[: end + 1]):
                end += 1
            end = max(end, 1)  # no phrase begins here: one character
            words.append(rest[:end])
            rest = rest[end:]
        return words

    def phrase(self, word: str) -> list[str] | None:
        """The first reading of each character of ``word``, if it is a phrase pypinyin lists."""
        at = self.phrase_at.get(word)
        if at is None:
            return None
        readings, _ = json.JSONDecoder().raw_decode(self.phrase_text, at)
        return [str(options[0]) for options in readings]

    def character(self, char: str) -> str | None:
        """The first reading of ``char``, if pypinyin has one."""
        text = self.readings.get(ord(char))
        return text.split(",")[0] if text else None


def toneless(syllable: str) -> str:
    """``lǜ`` → ``lv``, ``guó`` → ``guo`` (pypinyin's ``Style.NORMAL``)."""
    plain = unicodedata.normalize("NFD", syllable).translate(TONE_MARKS)
    return unicodedata.normalize("NFC", plain).replace("ü", "v")


@cache
def dictionary() -> Dictionary:
    """pypinyin's data, read once (found without importing pypinyin, which is the slow part)."""
    spec = find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pypinyin")
    return Dictionary(Path(next(iter(spec.submodule_search_locations))))


def syllables(han: str) -> list[str] | None:
    """The tone-less pinyin of each character of ``han`` (Han characters only), as
    ``lazy_pinyin(han, style=Style.NORMAL)`` gives it; ``None`` if one has no reading."""
    data = dictionary()
    found: list[str] = []
    for word in data.words(han):
        readings = data.phrase(word)
        if readings is None:
            readings = []
            for char in word:
                reading = data.character(char)
                if reading is None:
                    return None
                readings.append(reading)
        found.extend(toneless(r) for r in readings)
    return found if len(found) == len(han) else None
