"""Marks left where a character was cut out of a copied text ("深入`线", "支部/记")."""

from __future__ import annotations

import re

from peixun.text.hanzi import HAN

CUT_MARKS: dict[str, re.Pattern[str]] = {
    "`": re.compile(rf"(?<=[{HAN}，、])`|`(?=[{HAN}，、])"),
    "/": re.compile(rf"(?<=[{HAN}])/(?=[{HAN}])"),
}


def find_cut_mark(text: str) -> re.Match[str] | None:
    """The first cut-out mark in ``text``, if any."""
    found = [m for pattern in CUT_MARKS.values() if (m := pattern.search(text))]
    return min(found, key=lambda m: m.start(), default=None)
