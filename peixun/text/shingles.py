"""Near-duplicate passages: texts sharing most of their Han-character 8-grams.

Comparing 8-grams finds a repeated passage through changed punctuation, typos and small
edits. The importer compares the paragraphs of one import run, the check those of the course.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from peixun.text.hanzi import HAN_CHARACTER

SHINGLE = 8
MAX_POSTINGS = 64
"""An 8-gram found in this many items already is boilerplate, not evidence: indexing it
further would make a long, repetitive input (a 20 MB text) quadratic in time and memory."""


def shingles(text: str) -> set[int]:
    """The (hashed) 8-grams of the Han characters of ``text``."""
    han = "".join(HAN_CHARACTER.findall(text))
    return {hash(han[i : i + SHINGLE]) for i in range(len(han) - SHINGLE + 1)}


def similar_pairs(
    items: Sequence[set[int]],
    threshold: float,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[int, int, float]]:
    """(i, j, share) for each i < j whose shared 8-grams are at least ``threshold`` of the
    smaller set's, in order of i then j. ``progress(done, total)`` is told now and then."""
    index: defaultdict[int, list[int]] = defaultdict(list)
    found: list[tuple[int, int, float]] = []
    # Each item is compared with those indexed before it; pairs are put in order at the end.
    for number, grams in enumerate(items):
        if progress is not None and number % 1000 == 0:
            progress(number, len(items))
        shared: Counter[int] = Counter()
        for gram in grams:
            others = index[gram]
            if len(others) >= MAX_POSTINGS:
                continue
            shared.update(others)
            others.append(number)
        for other, count in shared.items():
            share = count / min(len(grams), len(items[other]))
            if share >= threshold:
                found.append((other, number, share))
    return sorted(found)
