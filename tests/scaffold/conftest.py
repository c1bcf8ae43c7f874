"""A course made by ``peixun new``, once per session, and copies for tests that change it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peixun.cli import main

TITLE = "支部工作示例课程"


@pytest.fixture(scope="session")
def new_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python -m peixun new`` into a fresh folder (the tests only read it)."""
    folder = tmp_path_factory.mktemp("new") / "kecheng"
    assert main(["new", str(folder), "--title", TITLE]) == 0
    return folder


@pytest.fixture
def course_copy(new_course: Path, tmp_path: Path) -> Path:
    """A copy of the new course that a test may change."""
    return Path(shutil.copytree(new_course, tmp_path / "kecheng"))
