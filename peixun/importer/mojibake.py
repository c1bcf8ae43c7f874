"""Step 2: repair known mojibake, and flag Han characters outside GB2312 for an editor to read.

No converter repairs these: each wrong character is the neighbour, in one encoding table, of the
character meant. The table grows as new damage is found in real documents.
"""

from __future__ import annotations

from peixun.importer.model import Event, Kind, Line, StepResult
from peixun.text.charset import in_gb2312
from peixun.text.hanzi import is_han

STEP = "乱码修复"
KNOWN_MOJIBAKE = {
    "臵": "置",  # 位臵 → 位置
    "臶": "帜",  # 旗臶 → 旗帜
}
REPAIRS = {ord(wrong): right for wrong, right in KNOWN_MOJIBAKE.items()}
CONTEXT = 4


def _excerpt(text: str, index: int) -> str:
    return text[max(0, index - CONTEXT) : index + CONTEXT + 1]


def repair_mojibake(lines: list[Line]) -> StepResult:
    """Replace each known mojibake character, one event per occurrence."""
    events: list[Event] = []
    out: list[Line] = []
    for line in lines:
        for index, char in enumerate(line.text):
            if char in KNOWN_MOJIBAKE:
                before = _excerpt(line.text, index)
                after = before.replace(char, KNOWN_MOJIBAKE[char])
                events.append(
                    Event(
                        Kind.REPAIRED,
                        STEP,
                        line.number,
                        before,
                        f"{char} → {KNOWN_MOJIBAKE[char]}（{before} → {after}）",
                    )
                )
        text = line.text.translate(REPAIRS)
        out.append(line.with_text(text))
    return StepResult(out, events)


def flag_rare_characters(lines: list[Line]) -> StepResult:
    """Flag Han characters outside GB2312 (run after conversion to Simplified): mojibake or
    Traditional characters the converter left are among them."""
    events = [
        Event(
            Kind.FLAGGED,
            "生僻字检查",
            line.number,
            _excerpt(line.text, index),
            f"“{char}”不在 GB2312 内：可能是乱码或漏转的繁体字，请核对",
        )
        for line in lines
        for index, char in enumerate(line.text)
        if is_han(char) and not in_gb2312(char)
    ]
    return StepResult(lines, events)
