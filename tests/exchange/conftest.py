"""The course's bank questions, read once, and a throw-away project for import tests."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from peixun.exchange.gather import Item, course_items
from tests.sitebuild import ROOT, copy_project


@pytest.fixture(scope="session")
def items() -> list[Item]:
    """Every hand-written question of the real course, in display order."""
    found = course_items(ROOT, None, generated=False)
    assert len(found) > 200  # the whole course, not a sample
    return found


@pytest.fixture(scope="session")
def by_lesson(items: list[Item]) -> dict[str, list[Item]]:
    grouped: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        grouped[item.lesson].append(item)
    return dict(grouped)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the course to import into."""
    return copy_project(tmp_path / "project")
