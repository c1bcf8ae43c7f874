"""What counts as a Han character: one definition for the whole package."""

from __future__ import annotations

import re

# CJK unified ideographs: extension A, the basic block, compatibility ideographs, and the
# supplementary planes (extensions B to H), where conversion may land a rare character.
HAN_RANGES = (
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uf900", "\ufaff"),
    ("\U00020000", "\U0003134f"),
)
HAN = "".join(f"{first}-{last}" for first, last in HAN_RANGES)
"""The ranges, for use inside a regular-expression character class: ``f"[{HAN}]"``."""
HAN_CHARACTER = re.compile(f"[{HAN}]")


def is_han(char: str) -> bool:
    """True for a CJK ideograph."""
    return HAN_CHARACTER.fullmatch(char) is not None


def han_count(text: str) -> int:
    """How many Han characters ``text`` holds."""
    return len(HAN_CHARACTER.findall(text))
