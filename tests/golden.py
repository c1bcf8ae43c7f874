"""One switch for every golden file: ``PEIXUN_REGOLD=1``.

A regenerating run rewrites the golden file and then fails, so it can never pass as a test:
regenerate, read ``git diff`` by eye, commit, and run the tests again without the switch.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

SWITCH = "PEIXUN_REGOLD"


def check_golden(path: Path, actual: str) -> None:
    """Compare ``actual`` with the golden file ``path`` (or rewrite it, and fail, when asked)."""
    if os.environ.get(SWITCH) == "1":
        path.write_text(actual, encoding="utf-8")
        pytest.fail(
            f"已重新生成 {path.name}：请用 git diff 逐处核对后提交，再不带 {SWITCH} 运行测试"
        )
    if not path.exists():
        pytest.fail(f"金标准文件 {path.name} 不存在：用 {SWITCH}=1 运行一次生成，核对后提交")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"golden/{path.name}",
            tofile="实际输出",
        )
        pytest.fail(
            f"输出与金标准不同（确属有意修改时用 {SWITCH}=1 重新生成）：\n" + "".join(diff),
            pytrace=False,
        )
