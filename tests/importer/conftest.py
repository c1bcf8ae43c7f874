"""Fixtures for the importer's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
SOURCES = Path(__file__).parents[2] / "sources"


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    """The five raw seed documents."""
    found = sorted(SOURCES.glob("*.txt"))
    assert len(found) == 5, f"expected the five seeds in {SOURCES}"
    return found
