"""Step 9 (part): near-duplicate passages within and across the documents of one import run.

Paragraphs are compared by the share of their Han-character 8-grams they have in common
(peixun.text.shingles, as the content check compares lessons).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from peixun.importer.model import Article
from peixun.text.shingles import SHINGLE, shingles, similar_pairs

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


def find_duplicates(
    documents: list[tuple[str, list[Article]]],
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Duplicate], list[Duplicate]]:
    """(repeated articles, repeated passages) across all ``documents`` (file name, articles);
    ``progress(done, total)`` is told how many paragraphs have been compared."""
    paragraphs: list[tuple[Place, set[int], str]] = []
    article_shingles: dict[Place, set[int]] = {}
    for file, articles in documents:
        for number, article in enumerate(articles, start=1):
            whole = Place(file, number, article.title, article.first_line)
            article_shingles[whole] = set()
            for line in article.lines:
                grams = shingles(line.text)
                article_shingles[whole] |= grams
                if len(grams) >= MIN_HAN - SHINGLE:
                    paragraphs.append(
                        (Place(file, number, article.title, line.number), grams, line.text[:24])
                    )
    passages = _pairs([(p, s, e) for p, s, e in paragraphs], SAME_PASSAGE, progress)
    wholes = _pairs([(p, s, p.title) for p, s in article_shingles.items() if s], SAME_ARTICLE)
    return wholes, passages


def _pairs(
    items: list[tuple[Place, set[int], str]],
    threshold: float,
    progress: Callable[[int, int], None] | None = None,
) -> list[Duplicate]:
    pairs = similar_pairs([grams for _, grams, _ in items], threshold, progress)
    return [
        Duplicate(items[first][0], items[second][0], round(share, 2), items[first][2])
        for first, second, share in pairs
    ]
