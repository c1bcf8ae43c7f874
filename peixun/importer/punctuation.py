"""Step 6: punctuation to GB/T 15834 in Chinese context (the rules: peixun.text.punctuation)."""

from __future__ import annotations

from peixun.importer.model import Event, Kind, Line, StepResult
from peixun.text.punctuation import normalize_punctuation

STEP = "标点规范"


def normalize_lines(lines: list[Line]) -> StepResult:
    """Normalize every line; one event per changed line, with the number of changes."""
    out: list[Line] = []
    events: list[Event] = []
    for line in lines:
        untouched = line.text.lstrip().startswith(("|", "```", "~~~"))  # table syntax, code
        text = line.text if untouched else normalize_punctuation(line.text)
        if text != line.text:
            changed = sum(1 for a, b in zip(line.text, text, strict=False) if a != b)
            changed += abs(len(line.text) - len(text))
            events.append(
                Event(Kind.REPAIRED, STEP, line.number, line.text[:12], f"标点与空格 {changed} 处")
            )
        out.append(line.with_text(text))
    return StepResult(out, events)
