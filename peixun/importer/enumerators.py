"""Chinese enumerators (一、 （一） 1. 1、 （1） ① ● 一是 首先), recognised in one place."""

from __future__ import annotations

import re
from dataclasses import dataclass

from peixun.importer.text import CN, CN_NUMERALS, cn_number
from peixun.text.hanzi import HAN

# Style name → pattern at the start of a line. Group 1 is the number. Order matters: the
# parenthesised styles before the bare ones.
STYLES: dict[str, re.Pattern[str]] = {
    "paren_cn": re.compile(rf"^[（(]({CN})[）)][、.．,，]?\s*"),
    "paren_arabic": re.compile(r"^[（(](\d{1,2})[）)][、.．,，]?\s*"),
    "cn": re.compile(rf"^({CN})[、.．]\s*(?![{CN_NUMERALS}\d][、，,])"),
    "arabic_comma": re.compile(rf"^(\d{{1,2}})[、,，](?=\s*[{HAN}“《（(])\s*"),
    "arabic_space": re.compile(rf"^(\d{{1,2}})\s+(?=[{HAN}])"),
    "arabic_dot": re.compile(rf"^(\d{{1,2}})[.．](?!\d)\s*(?=[{HAN}“《（(])"),
    "circled": re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*"),
    "bullet": re.compile(r"^()[●•○■□◆◇▲►▪]\s*"),
    "ordinal": re.compile(rf"^(第{CN})[，,、:：]\s*"),
    "shi": re.compile(rf"^({CN})(?:是|要)(?=[{HAN}“])"),
    "sequence": re.compile(r"^(首先|其次|再次|然后|最后)[，,:：]\s*"),
}
HEADING_STYLES = ("cn", "paren_cn", "arabic_dot", "arabic_comma", "arabic_space", "paren_arabic")
LIST_STYLES = ("circled", "bullet", "shi", "sequence", "ordinal")
SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "然后": 3, "最后": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class Enumerator:
    """An enumerator found at the start of a text."""

    style: str
    value: int
    marker: str  # the enumerator as written, e.g. "（一）"


def number_of(style: str, raw: str) -> int:
    """The enumerator's number (1-based; 0 when it has none, as for bullets)."""
    if style in ("cn", "paren_cn", "shi"):
        return cn_number(raw)
    if style == "ordinal":
        return cn_number(raw[1:])
    if style == "circled":
        return CIRCLED.index(raw) + 1
    if style == "sequence":
        return SEQUENCE_WORDS[raw]
    return int(raw) if raw.isdigit() else 0


def enumerator_at_start(text: str) -> Enumerator | None:
    """The enumerator ``text`` starts with, if any."""
    for style, pattern in STYLES.items():
        if match := pattern.match(text):
            value = number_of(style, match.group(1))
            if value or style == "bullet":
                return Enumerator(style, value, match.group(0))
    return None
