"""The fixed order in which a question's options and order items are shown, printed and exported.

Banks often list the right option first; that order must not reach any copy a learner sees.
The order is a pure function of the lesson id, the question id and the options themselves
(each option sorted by a hash of the seed and its key), so every build, the site with or
without JavaScript, both handout editions and every export agree, and moving options around
in the bank changes nothing a learner sees. The lesson id rather than its path: a lesson keeps
its id when it moves. No course id: lesson id and question id already name one question in a
course, and the exports and handouts read only ``docs/`` and ``quizzes/``, not ``mkdocs.yml``.
"""

from __future__ import annotations

import hashlib

from peixun.quiz.model import Option, Question


def _rank(seed: str, key: str) -> str:
    return hashlib.sha256(f"{seed}\n{key}".encode()).hexdigest()


def seed(lesson_id: str, q: Question) -> str:
    """What fixes this question's order: its lesson and its id."""
    return f"{lesson_id}:{q.id}"


def shown_options(lesson_id: str, q: Question) -> list[Option]:
    """The options in the order every copy shows them (A, B, C … on paper and in exports)."""
    options = q.options or []
    return sorted(options, key=lambda o: _rank(seed(lesson_id, q), o.key))


def shown_items(lesson_id: str, q: Question) -> list[int]:
    """Positions of the order items as first shown: a fixed shuffle, never the solved order."""
    items = q.items or []
    positions = sorted(range(len(items)), key=lambda i: _rank(seed(lesson_id, q), items[i]))
    if positions == sorted(positions) and len(positions) > 1:
        positions = positions[1:] + positions[:1]
    return positions


def in_shown_order(lesson_id: str, q: Question) -> Question:
    """The question with its options in the shown order (for exports); items keep the answer."""
    if q.options is None:
        return q
    return q.model_copy(update={"options": shown_options(lesson_id, q)})
