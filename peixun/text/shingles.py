"""Near-duplicate passages: texts sharing most of their Han-character 8-grams.

Comparing 8-grams finds a repeated passage through changed punctuation, typos and small
edits. The importer compares the paragraphs of one import run, the check those of the course.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from peixun.text.hanzi import HAN_CHARACTER

SHINGLE = 8
MAX_POSTINGS = 64
"""An 8-gram is indexed for its first this many items only: indexing every copy would make a
long, repetitive input (a 20 MB text) quadratic in time and memory. Later items still count
what they share with those first ones, so a passage's 65th copy is found all the same."""


def shingles(text: str) -> set[int]:
    """The (hashed) 8-grams of the Han characters of ``text``."""
    han = "".join(HAN_CHARACTER.findall(text))
    return {hash(han[i : i + SHINGLE]) for i in range(len(han) - SHINGLE + 1)}


def similar_pairs(
    items: Iterable[set[int]],
    threshold: float,
    progress: Callable[[int, int], None] | None = None,
    *,
    first_only: bool = False,
    total: int | None = None,
) -> list[tuple[int, int, float]]:
    """(i, j, share) for each i < j whose shared 8-grams are at least ``threshold`` of the
    smaller set's, in order of i then j. ``progress(done, total)`` is told now and then.

    With ``first_only`` each j is paired only with the first i it repeats: a passage found
    in many places is reported once, so the result stays as long as the input at most.
    ``items`` may be a generator (``total`` then says how many, for ``progress``): only the
    index and each set's size are kept, never the sets.
    """
    # Most 8-grams belong to one item only: a plain int per 8-gram for the first holder, and
    # a list only for those held by more (at 1,000 lessons this halved the check's memory).
    first: dict[int, int] = {}
    more: dict[int, list[int]] = {}  # the later holders, up to MAX_POSTINGS with the first
    sizes: list[int] = []
    found: list[tuple[int, int, float]] = []
    # Each item is compared with those indexed before it; pairs are put in order at the end.
    for number, grams in enumerate(items):
        if progress is not None and number % 1000 == 0:
            progress(number, total if total is not None else number)
        shared: Counter[int] = Counter()
        for gram in grams:
            holder = first.setdefault(gram, number)
            if holder == number:  # a set holds each 8-gram once: this item is its first
                continue
            shared[holder] += 1
            others = more.get(gram)
            if others is None:
                more[gram] = [number]
                continue
            shared.update(others)  # a full list still finds the 65th copy of a passage
            if len(others) < MAX_POSTINGS - 1:
                others.append(number)
        matches = [
            (other, number, share)
            for other, count in shared.items()
            if (share := count / min(len(grams), sizes[other])) >= threshold
        ]
        sizes.append(len(grams))
        if first_only:
            matches = sorted(matches)[:1]
        found.extend(matches)
    return sorted(found)
