"""Punctuation to GB/T 15834 in Chinese context; numbers, times, URLs and code untouched.

A character is in Chinese context when the nearest non-space character on either side is Han
or full-width punctuation (``zhon``'s classes). The importer applies
:func:`normalize_punctuation`; the content check reports what its rules would change.
"""

from __future__ import annotations

import re

from zhon.hanzi import punctuation as CJK_PUNCTUATION

from peixun.text.hanzi import HAN, is_han
from peixun.text.spacing import close_latin

SIMPLE = {",": "，", ";": "；", "?": "？", "!": "！", ":": "："}
# Spans never touched: URLs, e-mail addresses, Markdown link targets, ASCII code spans.
PROTECTED = re.compile(
    r"https?://\S+|www\.[\w.-]+\S*|[\w.+-]+@[\w-]+\.[\w.]+|\]\([^)]*\)"
    rf"|`[^`{HAN}]+`|\b[\w-]+\.(?:com|cn|net|org|gov)\b\S*"
)
FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]")
DASHES = re.compile(rf"(?<=[{HAN}”’）》])\s*(?:-{{2,}}|—{{3,}}|─{{2,}})\s*(?=[{HAN}“‘（《])")
ELLIPSIS = re.compile(rf"(?<=[{HAN}，。”])(?:\.{{3,}}|。{{3,}}|…(?!…))")
PARENS = re.compile(r"\(([^()]*)\)")
QUOTES = re.compile(r'"([^"\n]*)"')
LONE_OPENING = re.compile(rf"\((?=[{HAN}])|(?<=[{HAN}])\(")
LONE_CLOSING = re.compile(rf"\)(?=[{HAN}])|(?<=[{HAN}])\)")
_CHINESE = f"{HAN}{re.escape(CJK_PUNCTUATION)}"
SPACE_BETWEEN = re.compile(rf"(?<=[{_CHINESE}])[ \t\u3000]+(?=[{_CHINESE}])")
# A half-width quote beside Chinese that no pair took: the importer cannot tell which it is.
UNPAIRED_QUOTE = re.compile(rf'(?<=[{HAN}，。])"|"(?=[{HAN}])')


def _chinese(char: str) -> bool:
    return is_han(char) or char in CJK_PUNCTUATION


def _neighbour(text: str, index: int, step: int) -> str:
    index += step
    while 0 <= index < len(text) and text[index] in " \t":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _convert_simple(text: str) -> str:
    chars = list(text)
    for index, char in enumerate(text):
        if char not in SIMPLE:
            continue
        before, after = _neighbour(text, index, -1), _neighbour(text, index, 1)
        if char in ",:" and before.isdigit() and after.isdigit():
            continue  # 3,000 and 9:00
        if _chinese(before) or (char in ",;:" and _chinese(after)):
            chars[index] = SIMPLE[char]
    return "".join(chars)


def _convert_pairs(text: str) -> str:
    def paren(match: re.Match[str]) -> str:
        inner = match.group(1)
        start, end = match.start(), match.end()
        outside = text[start - 1 : start] + text[end : end + 1]
        if any(is_han(c) for c in inner) or any(_chinese(c) for c in outside):
            return f"（{inner}）"
        return match.group(0)

    def quote(match: re.Match[str]) -> str:
        inner = match.group(1)
        return f"“{inner}”" if any(_chinese(c) for c in inner) else match.group(0)

    text = PARENS.sub(paren, text)
    # An unmatched bracket in Chinese text is still a Chinese bracket (and flagged later).
    text = LONE_CLOSING.sub("）", LONE_OPENING.sub("（", text))
    return QUOTES.sub(quote, text)


def _full_width(text: str) -> str:
    """Half-width punctuation in Chinese context made full-width (one for one)."""
    return _convert_pairs(_convert_simple(text))


def _pieces(text: str) -> list[tuple[str, str]]:
    """``text`` as (piece outside :data:`PROTECTED` spans, the protected span after it)."""
    pieces, position = [], 0
    for match in PROTECTED.finditer(text):
        pieces.append((text[position : match.start()], match[0]))
        position = match.end()
    pieces.append((text[position:], ""))
    return pieces


def normalize_punctuation(text: str) -> str:
    """``text`` with GB/T 15834 punctuation in its Chinese parts."""
    return "".join(_normalize_plain(piece) + kept for piece, kept in _pieces(text))


def _normalize_plain(text: str) -> str:
    text = FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group(0)) - 0xFEE0), text)
    text = _full_width(text)
    text = DASHES.sub("——", text)
    text = ELLIPSIS.sub("……", text)
    return close_latin(SPACE_BETWEEN.sub("", text))


def half_width_punctuation(text: str) -> str | None:
    """The first half-width mark that Chinese context wants full-width, with the character
    before it ("建,"), or a half-width quote beside Chinese."""
    for piece, _ in _pieces(text):
        fixed = _full_width(piece)
        at = next((i for i, (a, b) in enumerate(zip(piece, fixed, strict=True)) if a != b), None)
        if at is not None:
            return piece[max(0, at - 1) : at + 1]
    if match := UNPAIRED_QUOTE.search(text):
        return text[max(0, match.start() - 1) : match.end() + 1]
    return None


def space_between(text: str) -> str | None:
    """The first run of spaces between Chinese characters, with its neighbours ("部 书")."""
    if match := SPACE_BETWEEN.search(text):
        return text[match.start() - 1 : match.end() + 1]
    return None
