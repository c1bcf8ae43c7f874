"""Golden tests: passages cut from each seed in, the expected drafts out.

Regenerate after an intended change with ``pytest tests/importer --regen-golden`` (or
``PEIXUN_REGEN_GOLDEN=1``), then read the diff in git before committing it.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from .conftest import GOLDEN
from .helpers import drafts_of

CASES = sorted(GOLDEN.glob("*.txt"))


@pytest.mark.parametrize("raw", CASES, ids=[case.stem for case in CASES])
def test_golden(raw: Path, regen_golden: bool) -> None:
    expected_path = raw.with_suffix(".md")
    actual = drafts_of(raw)
    if regen_golden or not expected_path.exists():
        expected_path.write_text(actual, encoding="utf-8")
        if not regen_golden:
            pytest.fail(f"{expected_path.name} 不存在，已按当前输出生成：请检查后提交")
        return
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"golden/{expected_path.name}",
            tofile="实际输出",
        )
        pytest.fail(
            "导入结果与期望不同（用 --regen-golden 更新）：\n" + "".join(diff), pytrace=False
        )


def test_every_seed_has_a_golden_passage() -> None:
    seeds = {case.name[:3] for case in CASES}
    assert seeds == {"000", "001", "002", "003", "004"}
