"""Step 9 (part): near-duplicate passages within and across the documents of one import run.

Paragraphs are compared by the share of their Han-character 8-grams they have in common
(peixun.text.shingles, as the content check compares lessons).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
    ``progress(done, total)`` is told how many paragraphs have been compared.

    The 8-gram sets are made as the search reaches each item and dropped after it is
    indexed: kept all at once they took more memory than the rest of a long import.
    """
    paragraphs: list[tuple[Place, str]] = []
    articles: list[tuple[Place, Article]] = []
    for file, found in documents:
        for number, article in enumerate(found, start=1):
            articles.append((Place(file, number, article.title, article.first_line), article))
            for line in article.lines:
                if len(shingles(line.text)) >= MIN_HAN - SHINGLE:
                    place = Place(file, number, article.title, line.number)
                    paragraphs.append((place, line.text))
    # A passage that recurs all through a long input is listed once, at its first place:
    # every pair of its copies would make the report grow as the square of the input.
    passages = _pairs(
        [(place, text[:24]) for place, text in paragraphs],
        (shingles(text) for _, text in paragraphs),
        SAME_PASSAGE,
        progress,
        first=True,
    )
    wholes = _pairs(
        [(place, place.title) for place, _ in articles],
        (_article_shingles(article) for _, article in articles),
        SAME_ARTICLE,
    )
    return wholes, passages


def _article_shingles(article: Article) -> set[int]:
    grams: set[int] = set()
    for line in article.lines:
        grams |= shingles(line.text)
    return grams


def _pairs(
    items: list[tuple[Place, str]],
    grams: Iterable[set[int]],
    threshold: float,
    progress: Callable[[int, int], None] | None = None,
    *,
    first: bool = False,
) -> list[Duplicate]:
    pairs = similar_pairs(grams, threshold, progress, first_only=first, total=len(items))
    return [
        Duplicate(items[one][0], items[other][0], round(share, 2), items[one][1])
        for one, other, share in pairs
    ]
