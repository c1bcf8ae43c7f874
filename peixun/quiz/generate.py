"""Questions made from a lesson's own enumerations (lists of bold-named items).

Deterministic: every choice is taken from a hash of the question's place in the course,
never from a random generator, so the same lessons always give the same questions.

A question's id names its list by what the list holds (the section id and a short hash of
the item names, sorted), not by its position: reordering the items or adding another list
above it keeps the id, and with it the learners' saved answers. The choices inside a question
(which item is the blank, which distractor) still follow the list's position in the course,
as they always have, so that answers saved before ids became stable still fit their questions.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from peixun.quiz.lessontext import Enumeration
from peixun.quiz.model import Option, Question


@dataclass(frozen=True)
class Placed:
    """An enumeration and the lesson (and chapter) it is in."""

    chapter: str
    lesson: str  # lesson slug
    enumeration: Enumeration
    occurrence: int = 1  # among the lists of its section holding the very same items


def list_id(enumeration: Enumeration, occurrence: int = 1) -> str:
    """``auto-<section>-<hash of the sorted item names>``: the stem of the list's question ids."""
    names = "\n".join(sorted(_plain(name) for name in enumeration.names))
    digest = hashlib.sha256(names.encode("utf-8")).hexdigest()[:6]
    again = f"-{occurrence}" if occurrence > 1 else ""
    return f"auto-{enumeration.section}-{digest}{again}"


def positional_id(enumeration: Enumeration) -> str:
    """The list's id before ids became stable (its place in its section): the key of the
    choices made inside its questions, and what a learner's old saved answers were filed under."""
    return f"auto-{enumeration.section}-{enumeration.number}"


def place_all(chapter: str, lesson: str, found: Sequence[Enumeration]) -> list[Placed]:
    """One lesson's lists, placed; lists of a section holding the same items are numbered."""
    seen: dict[str, int] = {}
    placed = []
    for e in found:
        stem = list_id(e)
        seen[stem] = seen.get(stem, 0) + 1
        placed.append(Placed(chapter, lesson, e, seen[stem]))
    return placed


def _pick(key: str, count: int) -> int:
    """A stable index in ``range(count)`` derived from ``key``."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count


def _plain(name: str) -> str:
    """A name as compared for sameness: width and surrounding quotes do not count."""
    return unicodedata.normalize("NFKC", name).strip("“”\"'‘’ ")


class Distractors:
    """Names of every enumeration in the course, by chapter, to draw wrong options from."""

    def __init__(self, course: Sequence[Placed]) -> None:
        self.by_chapter: dict[str, dict[str, str]] = {}
        self.everywhere: dict[str, str] = {}
        for place in course:
            chapter = self.by_chapter.setdefault(place.chapter, {})
            for name in place.enumeration.names:
                chapter.setdefault(_plain(name), name)
                self.everywhere.setdefault(_plain(name), name)

    def pick(self, place: Placed, key: str) -> str | None:
        """A name from a sibling list (same chapter first) that is not in ``place``'s list."""
        own = {_plain(name) for name in place.enumeration.names}
        for names in (self.by_chapter.get(place.chapter, {}), self.everywhere):
            pool = [name for plain, name in names.items() if plain not in own]
            if pool:
                return pool[_pick(key, len(pool))]
        return None


def _listing(names: Sequence[str]) -> str:
    return "、".join(names)


def questions_for(place: Placed, distractors: Distractors) -> list[Question]:
    """The generated questions for one enumeration: which-is-not, ordering, fill-in."""
    e = place.enumeration
    heading = e.heading.replace("“", "‘").replace("”", "’")  # quotes inside quotes
    base = list_id(e, place.occurrence)
    former = positional_id(e)
    key = f"{place.lesson}#{former}"
    names = list(e.names)
    listed = f"课文“{heading}”一节列举的是：{_listing(names)}。"
    made: list[Question] = []

    distractor = distractors.pick(place, key) if len(names) >= 3 else None
    if distractor is not None:
        shown = list(names)
        while len(shown) > 3:
            shown.pop(_pick(f"{key}:drop:{len(shown)}", len(shown)))
        shown.insert(_pick(f"{key}:at", len(shown) + 1), distractor)
        made.append(
            Question(
                id=f"{base}-buhan",
                former_id=f"{former}-buhan",
                type="single",
                stem=f"课文“{heading}”一节列举的各项中，不包括下列哪一项？",
                options=[Option(text=t, correct=t == distractor) for t in shown],
                explanation=f"{listed}“{distractor}”不在其中。",
                source=e.section,
                generated=True,
            )
        )
    if 3 <= len(names) <= 6:
        made.append(
            Question(
                id=f"{base}-paixu",
                former_id=f"{former}-paixu",
                type="order",
                stem=f"按课文“{heading}”一节的顺序，排列下列各项。",
                items=names,
                explanation=f"课文的顺序是：{' → '.join(names)}。",
                source=e.section,
                generated=True,
            )
        )
    hole = _pick(f"{key}:hole", len(names))
    with_hole = [("____" if i == hole else n) for i, n in enumerate(names)]
    made.append(
        Question(
            id=f"{base}-tiankong",
            former_id=f"{former}-tiankong",
            type="fill",
            stem=f"课文“{heading}”一节列举了：{_listing(with_hole)}。",
            blanks=[[names[hole]]],
            explanation=listed,
            source=e.section,
            generated=True,
        )
    )
    return made
