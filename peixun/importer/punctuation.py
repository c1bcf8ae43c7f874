"""Step 6: punctuation to GB/T 15834 in Chinese context; numbers, times, URLs and code untouched.

A character is in Chinese context when the nearest non-space character on either side is Han
or full-width punctuation (``zhon``'s classes).
"""

from __future__ import annotations

import re

from zhon.hanzi import punctuation as CJK_PUNCTUATION

from peixun.importer.model import Event, Kind, Line, StepResult
from peixun.text.hanzi import HAN, is_han

STEP = "标点规范"
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
SPACE_BETWEEN = re.compile(
    rf"(?<=[{HAN}{re.escape(CJK_PUNCTUATION)}])[ \t\u3000]+"
    rf"(?=[{HAN}{re.escape(CJK_PUNCTUATION)}])"
)


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


def normalize_punctuation(text: str) -> str:
    """``text`` with GB/T 15834 punctuation in its Chinese parts."""
    pieces: list[str] = []
    position = 0
    for match in PROTECTED.finditer(text):
        pieces += [_normalize_plain(text[position : match.start()]), match.group(0)]
        position = match.end()
    pieces.append(_normalize_plain(text[position:]))
    return "".join(pieces)


def _normalize_plain(text: str) -> str:
    text = FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group(0)) - 0xFEE0), text)
    text = _convert_pairs(_convert_simple(text))
    text = DASHES.sub("——", text)
    text = ELLIPSIS.sub("……", text)
    return SPACE_BETWEEN.sub("", text)


def normalize_lines(lines: list[Line]) -> StepResult:
    """Normalize every line; one event per changed line, with the number of changes."""
    out: list[Line] = []
    events: list[Event] = []
    for line in lines:
        untouched = line.text.startswith(("|", "```", "~~~"))  # table syntax, code
        text = line.text if untouched else normalize_punctuation(line.text)
        if text != line.text:
            changed = sum(1 for a, b in zip(line.text, text, strict=False) if a != b)
            changed += abs(len(line.text) - len(text))
            events.append(
                Event(Kind.REPAIRED, STEP, line.number, line.text[:12], f"标点与空格 {changed} 处")
            )
        out.append(line.with_text(text))
    return StepResult(out, events)
