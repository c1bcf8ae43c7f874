"""peixun.memo: a value kept for the same inputs only, and never beyond what it may outlive."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from peixun import memo


@pytest.fixture
def building() -> Iterator[None]:
    memo.keep_results(False)  # a plain ``mkdocs build``
    memo.new_build()
    yield
    memo.keep_results(False)


def test_a_within_build_memo_makes_each_value_once_per_build(building: None) -> None:
    made: list[str] = []
    kept: memo.Memo[str] = memo.Memo(within_build=True)

    def make(text: str) -> str:
        made.append(text)
        return text

    def get(text: str) -> str:
        return kept.get(lambda: make(text), text)

    assert [get("甲"), get("甲"), get("乙")] == ["甲", "甲", "乙"]
    assert made == ["甲", "乙"]  # the second page asking for 甲 got the first one's
    memo.new_build()  # the next build in this process makes its own
    assert get("甲") == "甲" and made == ["甲", "乙", "甲"]


def test_a_memo_made_for_serve_only_keeps_nothing_in_a_build(building: None) -> None:
    made: list[str] = []
    kept: memo.Memo[int] = memo.Memo()

    def make() -> int:
        made.append("同一课")
        return 1

    for _ in range(2):
        kept.get(make, "同一课")
    assert made == ["同一课", "同一课"]


def test_what_a_kept_value_was_made_from_is_kept_with_it() -> None:
    """Serve: the content check (kept whole) is made of each lesson's checks (kept each). A
    rebuild that finds the whole check does not ask for the lessons' ones; they must still be
    there when one lesson is saved, so that only that lesson is checked again."""
    made: list[str] = []
    whole: memo.Memo[list[str]] = memo.Memo()
    each: memo.Memo[str] = memo.Memo()

    def lesson(text: str) -> str:
        def make() -> str:
            made.append(text)
            return text

        return each.get(make, text)

    def course(texts: tuple[str, ...]) -> list[str]:
        return whole.get(lambda: [lesson(t) for t in texts], texts)

    memo.keep_results(True)
    try:
        for texts in [("一课", "二课"), ("一课", "二课"), ("一课", "二课（改）")]:
            memo.new_build()
            assert course(texts) == list(texts)
        assert made == ["一课", "二课", "二课（改）"]  # 一课 was checked once
    finally:
        memo.keep_results(False)
