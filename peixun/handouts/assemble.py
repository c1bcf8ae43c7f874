"""A built handout page with its lessons' text in place: the HTML their own pages have.

The handout's Markdown (peixun.handouts.page) holds a marker paragraph wherever a lesson's
text, or one of its sections, goes; the build fills each one with the lesson's HTML made to
sit in the handout (peixun.handouts.lesson_html), so no lesson is converted twice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from peixun.handouts.lesson_html import MissingLessonHtml, Place, for_handout, ids_in, sections
from peixun.handouts.page import PART, PRINTED


class MissingPrinted(LookupError):
    """A handout page holds a marker for printed questions that were not made for it."""


def fill_parts(
    page_html: str,
    bodies: Sequence[str | None],
    places: Sequence[Place],
    printed: Mapping[str, str],
) -> str:
    """``page_html`` with every part marker replaced by its lesson's HTML, in page order,
    and every marker of printed questions by their HTML (``printed``).

    ``bodies[n]`` and ``places[n]`` are lesson ``n + 1``'s body HTML and place; a marker
    for a lesson whose HTML is missing raises :class:`MissingLessonHtml` (never a silent gap).
    """
    # As Python-Markdown's toc does on a whole page: every id written on the page is taken
    # before the ids made from heading text are made unique, in page order.
    used = ids_in(page_html)
    used |= {f"{p.placement.prefix}-{i}" for p in places for i in p.placement.ids}
    split: dict[int, Mapping[str, str]] = {}

    def part(match: re.Match[str]) -> str:
        index = int(match["number"]) - 1
        body = bodies[index] if 0 <= index < len(bodies) else None
        if body is None:
            raise MissingLessonHtml(index + 1, None)
        section_id = match["section"]
        if section_id is None:
            return for_handout(body, places[index], used)
        if index not in split:
            split[index] = sections(body)
        found = split[index].get(section_id)
        if found is None:
            raise MissingLessonHtml(index + 1, section_id)
        return for_handout(found, places[index], used)

    def questions(match: re.Match[str]) -> str:
        if match["name"] not in printed:
            raise MissingPrinted(match["name"])
        return printed[match["name"]]

    return PRINTED.sub(questions, PART.sub(part, page_html))
