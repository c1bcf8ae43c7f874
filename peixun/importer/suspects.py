"""Step 9 (part): spots an editor must read: cut-out characters, doubled words, unmatched pairs."""

from __future__ import annotations

import re

from peixun.importer.enumerators import enumerator_at_start
from peixun.importer.model import Event, Kind, Line, StepResult
from peixun.text.cutmarks import CUT_MARKS
from peixun.text.hanzi import HAN
from peixun.text.punctuation import UNPAIRED_QUOTE

STEP = "疑点检查"
CONTEXT = 6
CHECKS: dict[str, re.Pattern[str]] = {
    "“`”处疑似删去了字": CUT_MARKS["`"],
    "“/”处疑似删去了字": CUT_MARKS["/"],
    "重复的词": re.compile(rf"([{HAN}]{{2,4}})\1"),
    "重复的字": re.compile(r"([的是和与把被就也都对])\1"),
    "段尾孤字（句子可能断了）": re.compile(rf"[。！？]([{HAN}])$"),
    "半角引号未能配对：请改为“”": UNPAIRED_QUOTE,
}
# An enumerated top-level paragraph whose first sentence is this long has lost the break
# between its heading and its text ("一、要树立……使命感作为一名……").
LONG_LEAD = 40
LEAD_STYLES = ("cn", "paren_cn")
PAIRS = (("“", "”"), ("（", "）"), ("《", "》"), ("‘", "’"))


def _excerpt(text: str, start: int, end: int) -> str:
    return text[max(0, start - CONTEXT) : end + CONTEXT]


def find_suspects(lines: list[Line]) -> StepResult:
    """Flag each suspect spot with its line and a short excerpt."""
    events: list[Event] = []
    for line in lines:
        for name, pattern in CHECKS.items():
            for match in pattern.finditer(line.text):
                events.append(
                    Event(
                        Kind.FLAGGED,
                        STEP,
                        line.number_at(match.start()),
                        _excerpt(line.text, match.start(), match.end()),
                        name,
                    )
                )
        head = enumerator_at_start(line.text)
        if head and head.style in LEAD_STYLES:
            lead = re.split(r"[。！？!?]", line.text, maxsplit=1)[0]
            if len(lead) > LONG_LEAD:
                events.append(
                    Event(
                        Kind.FLAGGED,
                        STEP,
                        line.number,
                        line.text[:24],
                        "编号标题与正文连在一起：请在标题末尾断开",
                    )
                )
        for opening, closing in PAIRS:
            if line.text.count(opening) != line.text.count(closing):
                events.append(
                    Event(
                        Kind.FLAGGED,
                        STEP,
                        line.number,
                        line.text[:16],
                        f"本段“{opening}”{line.text.count(opening)} 个、“{closing}”"
                        f"{line.text.count(closing)} 个，不配对",
                    )
                )
    return StepResult(lines, events)
