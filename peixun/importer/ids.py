"""Short, stable ids from Chinese text, in pinyin: ``强化四种意识`` → ``qianghua-sizhong-yishi``.

Words (jieba's segmentation) become hyphen-joined pinyin without tones; a few words are
enough to recognise a section, so an id stops at ``MAX_LENGTH`` characters. Every id made
here matches the content check's rule, :data:`peixun.course.settings.ID_PATTERN`.
"""

from __future__ import annotations

import logging
import re

import jieba
from pypinyin import Style, lazy_pinyin

from peixun.course.settings import is_id
from peixun.importer.enumerators import enumerator_at_start

MAX_LENGTH = 24
# Words that carry no meaning of their own in a heading; an id reads better without them.
FILLERS = frozenset("的了和与及是要在之对把为着等中上")
NOT_ID = re.compile(r"[^a-z0-9]+")


def _words(text: str) -> list[str]:
    jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict…" lines are not news
    parts = []
    for word in jieba.lcut(text):
        if word in FILLERS:
            continue
        spelled = NOT_ID.sub("", "".join(lazy_pinyin(word, style=Style.NORMAL)).lower())
        if spelled:
            parts.append(spelled)
    return parts


def pinyin_id(text: str, fallback: str) -> str:
    """A short id for ``text`` (its leading enumerator left out); ``fallback`` if it has none."""
    head = enumerator_at_start(text)
    if head is not None:
        text = text[len(head.marker) :]
    words = _words(text)
    if not words:
        return fallback
    result = words[0][:MAX_LENGTH]
    for word in words[1:]:
        if len(result) + 1 + len(word) > MAX_LENGTH:
            break
        result += "-" + word
    assert is_id(result), result
    return result


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` … whichever is not in ``taken`` (which it joins)."""
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate
