"""Ranking quality: recall@k and mean reciprocal rank over a query set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import quantiles


def first_hit(ranked: Sequence[str], expected: set[str]) -> int | None:
    """1-based rank of the first result that is one of ``expected``; ``None`` if none is."""
    for rank, location in enumerate(ranked, start=1):
        if location in expected:
            return rank
    return None


@dataclass(frozen=True)
class Scores:
    queries: int
    recall_at_1: float
    recall_at_3: float
    mrr: float

    @classmethod
    def of(cls, ranks: Sequence[int | None]) -> Scores:
        """Scores of a list of first-hit ranks (``None`` = not found)."""
        n = len(ranks)
        if n == 0:
            return cls(0, 0.0, 0.0, 0.0)
        return cls(
            queries=n,
            recall_at_1=sum(1 for r in ranks if r is not None and r <= 1) / n,
            recall_at_3=sum(1 for r in ranks if r is not None and r <= 3) / n,
            mrr=sum(1 / r for r in ranks if r is not None) / n,
        )


def percentile(values: Sequence[float], pct: int) -> float:
    """The ``pct``-th percentile (inclusive method), the value itself for a single sample."""
    if len(values) == 1:
        return values[0]
    return quantiles(values, n=100, method="inclusive")[pct - 1]
