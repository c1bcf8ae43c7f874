"""Step 4: remove what is not text: notices, watermarks, pagination, images, counters, adverts.

Known patterns are listed once, in peixun.text.debris (the content check reads them too);
each removal becomes an event with its line.
"""

from __future__ import annotations

import re
from collections import Counter

from peixun.importer.model import Event, Kind, Line, StepResult
from peixun.importer.text import ends_sentence, ends_with_han, sentences
from peixun.text.debris import INLINE, NOTICE_LINES, VENDORS
from peixun.text.hanzi import HAN

STEP = "去除杂项"

# A sentence repeated this often, with these words, is a watermark not yet in the list above.
WATERMARK_REPEATS = 3
PROMO_WORDS = re.compile(r"收藏|点赞|关注|下载|助你|转发")
# Page-number prefixes: "2、" at the start of each page of a copied PDF, numbered in sequence.
PAGE_PREFIX = re.compile(r"^(\d{1,3})、\s*")
MIN_PAGE_RUN = 3
# A numbered list is not pagination: pages are long and mostly start mid-sentence.
MIN_PAGE_LENGTH = 100
# A page number glued to the first word of a page ("1开展…"), unless it is a quantity.
GLUED_PAGE_NUMBER = re.compile(
    rf"^(\d{{1,3}})(?=[{HAN}])(?![年月日号时分秒个名人次项条点页元万亿岁天周届期版章节篇倍层级位批])"
)


PREVIEW_END = re.compile(r"(?:\.{3,}|…+)$")
MIN_PREVIEW = 20
PREVIEW_REACH = 3


def remove_preview_lines(lines: list[Line]) -> StepResult:
    """Drop a web page's truncated preview ("……的组...") of the text that follows it."""
    out: list[Line] = []
    events: list[Event] = []
    for index, line in enumerate(lines):
        preview = PREVIEW_END.sub("", line.text).strip()
        following = "".join(other.text for other in lines[index + 1 : index + 1 + PREVIEW_REACH])
        if len(preview) >= MIN_PREVIEW and preview != line.text and preview in following:
            events.append(
                Event(Kind.REMOVED, STEP, line.number, line.text, "网页摘要（正文的重复）")
            )
        else:
            out.append(line)
    return StepResult(out, events)


def remove_notice_lines(lines: list[Line]) -> StepResult:
    """Drop whole lines that are download notices, platform blurbs, counters or lone images."""
    out: list[Line] = []
    events: list[Event] = []
    for line in lines:
        name = next((n for n, p in NOTICE_LINES.items() if line.text and p.search(line.text)), None)
        if name is None:
            out.append(line)
        else:
            events.append(Event(Kind.REMOVED, STEP, line.number, line.text, name))
    return StepResult(out, events)


def _join(out: list[Line], line: Line, text: str) -> None:
    """Append ``text`` to the last kept line when it continues it across a page break."""
    previous = next((i for i in range(len(out) - 1, -1, -1) if out[i].text), None)
    if previous is not None and previous == len(out) - 1 and not ends_sentence(out[previous].text):
        out[previous] = out[previous].joined(line.with_text(text))
    else:
        out.append(line.with_text(text))


def _is_pagination(lines: list[Line], run: list[int]) -> bool:
    """Whether a run of lines numbered "1、" "2、" "3、" … is pages rather than a list."""
    if len(run) < MIN_PAGE_RUN:
        return False
    long_enough = sum(len(lines[i].text) for i in run) / len(run) >= MIN_PAGE_LENGTH
    mid_sentence = sum(1 for i in run[1:] if not ends_sentence(lines[i - 1].text))
    return long_enough and mid_sentence * 2 >= len(run) - 1


def _page_prefix_lines(lines: list[Line]) -> set[int]:
    """Indexes of lines starting with a page number: a run of "1、" "2、" "3、" … on
    consecutive lines, long, and mostly continuing the sentence of the line before."""
    found: set[int] = set()
    run: list[int] = []
    expected = 0
    for index, line in enumerate(lines):
        match = PAGE_PREFIX.match(line.text)
        value = int(match.group(1)) if match else -1
        if run and value == expected:
            run.append(index)
        else:
            if _is_pagination(lines, run):
                found.update(run)
            run = [index] if match else []
        expected = value + 1
    if _is_pagination(lines, run):
        found.update(run)
    return found


def remove_page_breaks(lines: list[Line]) -> StepResult:
    """Remove page numbers at page starts and join each page to the sentence it continues."""
    prefixed = _page_prefix_lines(lines)
    out: list[Line] = []
    events: list[Event] = []
    for index, line in enumerate(lines):
        previous = out[-1].text if out else ""
        if index in prefixed:
            match = PAGE_PREFIX.match(line.text)
            assert match is not None
            events.append(Event(Kind.REMOVED, STEP, line.number, match.group(0).strip(), "页码"))
            _join(out, line, line.text[match.end() :])
        elif (
            (match := GLUED_PAGE_NUMBER.match(line.text))
            and ends_with_han(previous)
            and not ends_sentence(previous)
        ):
            events.append(
                Event(Kind.REMOVED, STEP, line.number, match.group(0), "页码（粘在正文上）")
            )
            _join(out, line, line.text[match.end() :])
        else:
            out.append(line)
    return StepResult(out, events)


def _repeated_promotions(lines: list[Line]) -> set[str]:
    counts = Counter(s.strip() for line in lines for s in sentences(line.text))
    return {
        s
        for s, n in counts.items()
        if n >= WATERMARK_REPEATS and len(s) >= 6 and PROMO_WORDS.search(s)
    }


def remove_inline_debris(lines: list[Line]) -> StepResult:
    """Remove pagination, watermarks, image links, site labels, planted words and adverts."""
    promotions = _repeated_promotions(lines)
    out: list[Line] = []
    events: list[Event] = []
    for line in lines:
        text = line.text
        for name, pattern in INLINE.items():
            for match in pattern.finditer(text):
                events.append(
                    Event(Kind.REMOVED, STEP, line.number_at(match.start()), match.group(0), name)
                )
            text = pattern.sub("", text)
        for promotion in promotions:
            for match in re.finditer(re.escape(promotion), text):
                events.append(
                    Event(
                        Kind.REMOVED,
                        STEP,
                        line.number_at(match.start()),
                        promotion,
                        "重复出现的水印",
                    )
                )
            if promotion in text:
                text = text.replace(promotion, "")
        if VENDORS.search(text):
            kept = []
            for sentence in sentences(text):
                if VENDORS.search(sentence):
                    events.append(Event(Kind.REMOVED, STEP, line.number, sentence, "厂商广告"))
                else:
                    kept.append(sentence)
            text = "".join(kept)
        if text.strip() or not line.text.strip():
            out.append(line.with_text(text.strip()))
    return StepResult(out, events)
