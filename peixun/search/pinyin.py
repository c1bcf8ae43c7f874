"""Pinyin for search: a learner without a Chinese input method (or unsure of a character) types
``sanhuiyike`` or ``shyk`` and finds 三会一课.

The build spells the glossary's terms and the pages' titles in tone-less pinyin and ships the
table inside the search index's ``config``; the query side (``search-zh.js``) turns a query in
Latin letters that spells one of them, in full or by initials, whole or its beginning, into the
Chinese, which is then searched as if typed.

The spelling is pypinyin's (the same library as the pinyin ids), read from its own data files
by :mod:`peixun.search.pypinyin_data`: importing pypinyin loads and indexes its whole phrase
list, about 0.2 s of CPU on every build, to spell fewer than a hundred short texts.
``tests/search/test_pinyin.py`` checks the result against pypinyin itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from peixun.search.pypinyin_data import syllables
from peixun.text.hanzi import HAN

CONFIG_KEY = "peixun_pinyin"
"""Where the table sits in the index's ``config`` (Material's worker ignores other keys)."""
NOT_HAN = re.compile(f"[^{HAN}]+")


def spelled(text: str) -> tuple[str, str] | None:
    """``text``'s Han characters and their pinyin, one syllable per character, space-separated
    (``三会一课`` → ``("三会一课", "san hui yi ke")``); ``None`` if it has fewer than two."""
    han = NOT_HAN.sub("", text)
    if len(han) < 2:
        return None
    found = syllables(han)
    if found is None or not all(s.isascii() and s.isalpha() for s in found):
        return None  # a character pypinyin cannot spell: leave the text out
    return han, " ".join(s.lower() for s in found)


def pinyin_table(texts: Iterable[str]) -> list[list[str]]:
    """``[Han text, syllables]`` for each text, each Han text once, in the order given."""
    table: dict[str, str] = {}
    for text in texts:
        found = spelled(text)
        if found is not None and found[0] not in table:
            table[found[0]] = found[1]
    return [[han, syllables] for han, syllables in table.items()]
