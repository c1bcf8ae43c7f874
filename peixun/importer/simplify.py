"""Step 3: Traditional to Simplified Chinese, phrase-aware (peixun.text.charset.to_simplified)."""

from __future__ import annotations

from peixun.importer.model import Event, Kind, Line, StepResult
from peixun.text.charset import to_simplified

STEP = "繁简转换"


def simplify(lines: list[Line]) -> StepResult:
    """Convert every line; one summary event per changed line (the report counts characters)."""
    out: list[Line] = []
    events: list[Event] = []
    for line in lines:
        text = to_simplified(line.text)
        if text != line.text:
            changed = sum(1 for a, b in zip(line.text, text, strict=False) if a != b)
            events.append(
                Event(Kind.REPAIRED, STEP, line.number, line.text[:12], f"繁体转简体 {changed} 字")
            )
        out.append(line.with_text(text))
    return StepResult(out, events)
