"""Step 9 (part): near-duplicate passages within and across the documents of one import run.

Paragraphs are compared by the share of their Han-character 8-grams they have in common, so
that a repeated passage is found through changed punctuation, typos and small edits.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from peixun.importer.model import Article
from peixun.text.hanzi import is_han

SHINGLE = 8
MIN_HAN = 40  # shorter paragraphs repeat by chance (headings, set phrases)
SAME_PASSAGE = 0.6  # share of the shorter paragraph's shingles found in the other
SAME_ARTICLE = 0.3  # share of the shorter article's shingles found in the other


@dataclass(frozen=True)
class Place:
    """Where a paragraph or article is: input file, article number (1-based) and line."""

    file: str
    article: int
    title: str
    line: int


@dataclass(frozen=True)
class Duplicate:
    """Two places holding the same text, and how much of the shorter one the other repeats."""

    first: Place
    second: Place
    share: float
    excerpt: str


def _shingles(text: str) -> set[str]:
    han = "".join(char for char in text if is_han(char))
    return {han[i : i + SHINGLE] for i in range(len(han) - SHINGLE + 1)}


def find_duplicates(
    documents: list[tuple[str, list[Article]]],
) -> tuple[list[Duplicate], list[Duplicate]]:
    """(repeated articles, repeated passages) across all ``documents`` (file name, articles)."""
    paragraphs: list[tuple[Place, set[str], str]] = []
    article_shingles: dict[Place, set[str]] = {}
    for file, articles in documents:
        for number, article in enumerate(articles, start=1):
            whole = Place(file, number, article.title, article.first_line)
            article_shingles[whole] = set()
            for line in article.lines:
                shingles = _shingles(line.text)
                article_shingles[whole] |= shingles
                if len(shingles) >= MIN_HAN - SHINGLE:
                    paragraphs.append(
                        (Place(file, number, article.title, line.number), shingles, line.text[:24])
                    )
    passages = _pairs([(p, s, e) for p, s, e in paragraphs], SAME_PASSAGE)
    wholes = _pairs([(p, s, p.title) for p, s in article_shingles.items() if s], SAME_ARTICLE)
    return wholes, passages


def _pairs(items: list[tuple[Place, set[str], str]], threshold: float) -> list[Duplicate]:
    index: defaultdict[str, list[int]] = defaultdict(list)
    for number, (_, shingles, _) in enumerate(items):
        for shingle in shingles:
            index[shingle].append(number)
    found: list[Duplicate] = []
    for number, (place, shingles, excerpt) in enumerate(items):
        shared: Counter[int] = Counter()
        for shingle in shingles:
            shared.update(other for other in index[shingle] if other > number)
        for other, count in sorted(shared.items()):
            other_place, other_shingles, _ = items[other]
            share = count / min(len(shingles), len(other_shingles))
            if share >= threshold:
                found.append(Duplicate(place, other_place, round(share, 2), excerpt))
    return found
