"""Entry weights, and the measures the benchmark and the browser tests report."""

from __future__ import annotations

import pytest

from peixun.search.measure import site_location
from peixun.search.metrics import Scores, first_hit, percentile
from peixun.search.queryset import to_location
from peixun.search.ranking import (
    FRAMING_SECTIONS,
    LONG_ENTRY,
    PAGE_ENTRY,
    weigh_entries,
    weigh_page_entries,
    weight,
)


def test_sections_that_teach_outweigh_the_page_and_its_framing_sections() -> None:
    assert weight("a/b.html#zhibu-diwei") == 1.0
    assert weight("a/b.html") == PAGE_ENTRY < 1.0
    for anchor in ("mubiao", "yaodian", "taolun", "laiyuan"):
        assert weight(f"a/b.html#{anchor}") == FRAMING_SECTIONS[anchor] < 1.0


def test_weights_multiply_a_boost_set_in_front_matter() -> None:
    entries: list[dict[str, object]] = [
        {"location": "a/b.html", "boost": 2.0},
        {"location": "a/b.html#mubiao"},
        {"location": "a/b.html#zhibu-diwei"},
    ]
    weigh_entries(entries)
    assert entries[0]["boost"] == pytest.approx(2.0 * PAGE_ENTRY)
    assert entries[1]["boost"] == pytest.approx(FRAMING_SECTIONS["mubiao"])
    assert "boost" not in entries[2]


def test_first_hit_is_the_rank_of_the_first_expected_location() -> None:
    ranked = ["x.html", "a.html#s", "b.html#t"]
    assert first_hit(ranked, {"b.html#t", "a.html#s"}) == 2
    assert first_hit(ranked, {"c.html"}) is None


def test_scores_of_ranks() -> None:
    scores = Scores.of([1, 3, None, 2])
    assert scores.recall_at_1 == 0.25
    assert scores.recall_at_3 == 0.75
    assert scores.mrr == pytest.approx((1 + 1 / 3 + 1 / 2) / 4)
    assert Scores.of([]).queries == 0


def test_percentiles() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile([7.0], 95) == 7.0


def test_targets_become_site_locations() -> None:
    assert to_location("01-x/01-y.md#id") == "01-x/01-y.html#id"
    assert to_location("01-x/index.md") == "01-x/index.html"


def test_very_long_entries_weigh_in_proportion_to_their_length() -> None:
    assert weight("glossary.html#t", 3 * LONG_ENTRY) == pytest.approx(1 / 3)
    assert weight("a/b.html#s", LONG_ENTRY) == 1.0
    entries: list[dict[str, object]] = [{"location": "g.html#t", "text": "<p>" + "字" * 2000}]
    weigh_entries(entries)
    assert entries[0]["boost"] == pytest.approx(LONG_ENTRY / 2000)


def test_only_the_entries_of_the_page_just_indexed_are_weighed() -> None:
    entries: list[dict[str, object]] = [
        {"location": "a.html", "boost": 0.4},  # weighed when page a was indexed
        {"location": "b.html"},
        {"location": "b.html#mubiao"},
    ]
    weigh_page_entries(entries, "b.html")
    assert entries[0]["boost"] == 0.4
    assert entries[1]["boost"] == pytest.approx(PAGE_ENTRY)
    assert entries[2]["boost"] == pytest.approx(FRAMING_SECTIONS["mubiao"])


def test_result_links_with_chinese_ids_are_the_query_set_s_locations() -> None:
    """Browsers percent-encode Chinese section ids in links; the query set writes them as text."""
    base = "http://127.0.0.1:8000/"
    link = base + "01-juese-renzhi/01-diwei-zuoyong.html?h=%E9%A2%86#%E8%B5%B7%E5%88%B0"
    assert site_location(link, base) == "01-juese-renzhi/01-diwei-zuoyong.html#起到"
    assert site_location(base, base) == "index.html"
