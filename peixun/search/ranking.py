"""Weights on search index entries, so the section that teaches a topic comes first.

Material's search gives a page's own entry (its title and opening text) an extra weight over
its sections, and every lesson repeats its key words in the fixed framing sections
(CONTRIBUTING.md: 学习目标, 本课要点, 思考与讨论, 资料来源). Left alone, a query lands on
the top of the lesson or on its summary instead of on the section that explains the topic.
Material also turns off Lunr's length normalisation, so one very long entry (the glossary,
33 definitions under one heading) collects the counts of every word in the course.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, MutableMapping, Sequence
from typing import Any

from peixun.course.model import CLOSING_SECTIONS, OPENING_SECTION

# A page's own entry: weighed down to about what Material's bonus for pages adds, so that
# a page and its best section compete on their words alone.
PAGE_ENTRY = 0.4
# The fixed sections of every lesson (学习目标, 本课要点, 思考与讨论, 资料来源), by the ids the
# lesson format fixes: still found, after the sections that teach.
FRAMING_WEIGHTS = (0.3, 0.5, 0.3, 0.1)
FRAMING_SECTIONS = {
    id_: weight
    for (_, id_), weight in zip((OPENING_SECTION, *CLOSING_SECTIONS), FRAMING_WEIGHTS, strict=True)
}
# Entries longer than this many characters (several times a usual section) weigh in
# proportion to how much shorter this is.
LONG_ENTRY = 1000
TAG = re.compile(r"<[^>]*>|\u200b")


def weight(location: str, length: int = 0) -> float:
    """The weight of an index entry from its location (``page.html`` or ``page.html#id``)
    and the length of its text in characters."""
    _, _, anchor = location.partition("#")
    factor = FRAMING_SECTIONS.get(anchor, 1.0) if anchor else PAGE_ENTRY
    if length > LONG_ENTRY:
        factor *= LONG_ENTRY / length
    return factor


def weigh_entries(entries: Iterable[MutableMapping[str, Any]]) -> None:
    """Set each entry's ``boost`` (Lunr's document boost), keeping a page-wide boost if set."""
    for entry in entries:
        length = len(TAG.sub("", str(entry.get("text", ""))))
        factor = weight(str(entry["location"]), length)
        if factor != 1.0:
            entry["boost"] = float(entry.get("boost", 1.0)) * factor


def weigh_page_entries(entries: Sequence[MutableMapping[str, Any]], page_url: str) -> None:
    """Weigh the entries of the page just indexed: the run at the end of ``entries`` whose
    location is ``page_url`` or ``page_url#…`` (Material adds a page's entries together)."""
    first = len(entries)
    while first > 0 and str(entries[first - 1]["location"]).partition("#")[0] == page_url:
        first -= 1
    weigh_entries(entries[first:])
