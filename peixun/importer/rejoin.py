"""Step 5: rejoin lines broken mid-sentence, and part paragraphs that copies glued together."""

from __future__ import annotations

import itertools
import re

from peixun.importer.enumerators import enumerator_at_start
from peixun.importer.model import Event, Kind, Line, StepResult
from peixun.importer.text import (
    CLOSING,
    CN,
    CN_NUMERALS,
    MAX_TITLE,
    OPENING,
    ends_sentence,
    is_markdown,
)
from peixun.text.hanzi import HAN

STEP = "断行与分段"
# A line shorter than this that stops without punctuation is a title, not a broken line.
MIN_BROKEN_LINE = 20
# Where a glued paragraph may start: an enumerator after a sentence end, a colon or a space.
MID_ENUMERATOR = re.compile(
    rf"[（(]{CN}[）)]|[（(]\d{{1,2}}[）)]|{CN}、(?![{CN_NUMERALS}\d])"
    rf"|\d{{1,2}}、(?=[{HAN}])|\d{{1,2}}[.．](?=[{HAN}“])|(?:首先|其次|再次|最后)[，,]"
)
# An enumerated heading that ends at a space, its body following ("1.标题 正文").
SPACED_HEADING = re.compile(rf"^(.{{2,50}}?)\s+(?=[{HAN}“])")
AFTER_BREAK = "。！？!?；;：:"
# A heading whose 、 was lost, ended by a space, after a sentence ("…作用。1 与人为善 有些…",
# "…作用。一注重搞好团结 团结是…"): PDF copies keep the space where the line ended.
BARE_HEADING = re.compile(
    rf"(?<=[。！？!?])\s*((?:[{CN_NUMERALS}]|\d{{1,2}})\s?[{HAN}][^。！？!?\s]{{3,24}})\s+(?=[{HAN}“])"
)


def _starts_continuation(text: str) -> bool:
    if not text or is_markdown(text) or enumerator_at_start(text):
        return False
    return bool(re.match(rf"[{HAN}{OPENING}]", text))


def _is_standalone_title(lines: list[Line], index: int) -> bool:
    line = lines[index]
    after = lines[index + 1].text if index + 1 < len(lines) else ""
    return len(line.text) <= MAX_TITLE and not after and not ends_sentence(line.text)


def join_broken_lines(lines: list[Line]) -> StepResult:
    """Join a line to the one before when that one stops mid-sentence (PDF and web copies)."""
    out: list[Line] = []
    events: list[Event] = []
    for index, line in enumerate(lines):
        previous = out[-1].text if out else ""
        if (
            len(previous) >= MIN_BROKEN_LINE
            and not (enumerator_at_start(previous) and not re.search("[。！？!?]", previous))
            and not is_markdown(previous)
            and not ends_sentence(previous)
            and previous[-1] not in ":："
            and (re.match(rf"[{HAN}{CLOSING}，,、]", previous[-1]))
            and _starts_continuation(line.text)
            and not _is_standalone_title(lines, index)
        ):
            events.append(
                Event(
                    Kind.REPAIRED,
                    STEP,
                    line.number,
                    previous[-6:] + "⏎" + line.text[:6],
                    f"第 {line.number} 行接回上一行（句中断行）",
                )
            )
            out[-1] = out[-1].joined(line)
        else:
            out.append(line)
    return StepResult(out, events)


def _split_points(text: str, last: dict[str, int]) -> list[int]:
    """Offsets in ``text`` where a new enumerated paragraph starts."""
    points: list[int] = []
    head = enumerator_at_start(text)
    segment_head = head
    segment_start = 0
    seen = {head.style} if head else set()  # styles that start a paragraph in this line
    for match in MID_ENUMERATOR.finditer(text):
        start = match.start()
        if start == 0:
            continue
        found = enumerator_at_start(text[start:])
        if found is None:
            continue
        before = text[segment_start:start].rstrip()
        gap = text[start - 1]
        previous = last.get(found.style, 0)
        # "最后" closes a 首先/其次 sequence whatever its length.
        continues = found.value == previous + 1 or (
            found.marker.startswith("最后") and previous >= 1
        )
        if not before:
            continue
        if gap.isspace() and before[-1] not in AFTER_BREAK:
            allowed = (found.value == 1 and head is None) or continues
        elif before.rstrip(CLOSING)[-1:] in AFTER_BREAK or before[-1] in AFTER_BREAK:
            allowed = found.value == 1 or continues
        elif before[-1] in "，,":
            allowed = continues and last.get(found.style, 0) >= 1 and found.style != "arabic_dot"
        else:
            # A heading glued to its first sub-item: "二、素质要求1、要有较高的政治素质。"
            allowed = (
                segment_head is not None
                and segment_head.style != found.style
                and "。" not in before
                and found.value == 1
            )
        if found.style == "sequence" and found.value > 1 and "sequence" not in seen:
            allowed = False  # 其次/最后 part a paragraph only after its own 首先
        if not allowed or (found.style == "arabic_dot" and text[start : start + 3].count(" ")):
            continue
        seen.add(found.style)
        points.append(start)
        last[found.style] = found.value
        segment_head, segment_start = found, start
    for match in BARE_HEADING.finditer(text):
        points += [match.start(1), match.end()]
    return sorted(set(points))


def _spaced_heading(text: str) -> int:
    """Where the body starts after an enumerated heading ended by a space, or 0."""
    if enumerator_at_start(text) is None:
        return 0
    match = SPACED_HEADING.match(text)
    if match is None or re.search(r"[。！？!?]", match.group(1)):
        return 0
    return match.end()


def separate_paragraphs(lines: list[Line]) -> StepResult:
    """Start a new paragraph at each enumerator glued after the previous sentence."""
    out: list[Line] = []
    events: list[Event] = []
    last: dict[str, int] = {}
    for line in lines:
        if is_markdown(line.text):
            out.append(line)
            continue
        if head := enumerator_at_start(line.text):
            last[head.style] = head.value
        cuts = [0, *_split_points(line.text, last), len(line.text)]
        pieces = [line.cut(a, b) for a, b in itertools.pairwise(cuts)]
        final: list[Line] = []
        for piece in pieces:
            body = _spaced_heading(piece.text)
            final += [piece.cut(0, body), piece.cut(body, len(piece.text))] if body else [piece]
        final = [piece for piece in final if piece.text]
        if len(final) > 1:
            events.append(
                Event(
                    Kind.REPAIRED,
                    STEP,
                    line.number,
                    line.text[:16],
                    f"连在一起的 {len(final)} 段分开",
                )
            )
        out += final or [line]
    return StepResult(out, events)
