"""Golden tests: passages cut from each seed in, the expected lesson skeletons out.

Regenerate after an intended change with ``PEIXUN_REGOLD=1`` (see tests/golden.py), then
read the diff in git before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden import check_golden

from .conftest import GOLDEN
from .helpers import drafts_of

CASES = sorted(GOLDEN.glob("*.txt"))


@pytest.mark.parametrize("raw", CASES, ids=[case.stem for case in CASES])
def test_golden(raw: Path) -> None:
    check_golden(raw.with_suffix(".md"), drafts_of(raw))


def test_every_seed_has_a_golden_passage() -> None:
    seeds = {case.name[:3] for case in CASES}
    assert seeds == {"000", "001", "002", "003", "004"}
