"""Character classes and small text helpers the steps share (one definition each)."""

from __future__ import annotations

import re

from peixun.text.hanzi import is_han
from peixun.text.markdown import read_heading

CN_NUMERALS = "一二三四五六七八九十"
CN = f"[{CN_NUMERALS}]{{1,3}}"
# Lines that are Markdown already (from .md and .docx input): lists, tables, quotes, code;
# headings are what the site's Markdown makes headings (peixun.text.markdown).
MARKDOWN_LINE = re.compile(r"^(?:[-*+]\s|\d+\.\s|\||>|```|~~~)")
# A line ending in one of these ends a sentence; anything else was broken mid-sentence.
SENTENCE_END = "。！？!?；;…"
CLOSING = "”’」』）)》】"
OPENING = "“‘「『（(《【"
# The longest line taken for a title or heading when it stands alone without punctuation.
MAX_TITLE = 40
SENTENCES = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』]?|[^。！？!?]+$")


def is_markdown(text: str) -> bool:
    """Whether ``text`` is already a Markdown heading, list item, table row or quote."""
    return bool(MARKDOWN_LINE.match(text)) or read_heading(text) is not None


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence-final punctuation (a closing quote after it counts)."""
    stripped = text.rstrip(CLOSING)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def cn_number(numeral: str) -> int:
    """一 → 1 … 十九 → 19, 二十 → 20; 0 for anything else."""
    values = {char: index + 1 for index, char in enumerate(CN_NUMERALS)}
    if not numeral or any(char not in values for char in numeral):
        return 0
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + values[numeral[1]]
    if len(numeral) == 1:
        return values[numeral]
    if len(numeral) == 2 and numeral[1] == "十":
        return values[numeral[0]] * 10
    if len(numeral) == 3 and numeral[1] == "十":
        return values[numeral[0]] * 10 + values[numeral[2]]
    return 0


def ends_with_han(text: str) -> bool:
    """Whether the last character of ``text`` is a Han character."""
    return bool(text) and is_han(text[-1])


def sentences(text: str) -> list[str]:
    """``text`` cut after each run of sentence-final punctuation (and a closing quote)."""
    return [match.group(0) for match in SENTENCES.finditer(text) if match.group(0)]
