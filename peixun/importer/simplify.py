"""Step 3: Traditional to Simplified Chinese, phrase-aware, with OpenCC's own dictionaries."""

from __future__ import annotations

from functools import cache

from opencc_purepy import OpenCC

from peixun.importer.model import Event, Kind, Line, StepResult

STEP = "繁简转换"


@cache
def _converter() -> OpenCC:
    # t2s only: the regional profiles (tw2sp, hk2sp) rewrite words (智慧 → 智能, 文件 → 文档).
    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` in Simplified characters.

    A second pass catches what a phrase match skipped in the first: in "有利於單位" the
    dictionary's name 於單 wins over 利於, leaving 於 until 單 has become 单.
    """
    converter = _converter()
    return str(converter.t2s(converter.t2s(text)))


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
