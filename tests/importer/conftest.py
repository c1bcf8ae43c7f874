"""Fixtures for the importer's tests, and the ``--regen-golden`` option."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
SOURCES = Path(__file__).parents[2] / "sources"


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """Whether to rewrite the golden files (``--regen-golden`` or PEIXUN_REGEN_GOLDEN=1)."""
    option = bool(request.config.getoption("--regen-golden"))
    return option or os.environ.get("PEIXUN_REGEN_GOLDEN") == "1"


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    """The five raw seed documents."""
    found = sorted(SOURCES.glob("*.txt"))
    assert len(found) == 5, f"expected the five seeds in {SOURCES}"
    return found
