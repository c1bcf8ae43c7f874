"""Shared fixtures: the real course built once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.fixture import copy_fixture
from tests.sitebuild import ROOT, BuildResult, build, copy_project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real course, built with ``--strict`` into a temporary folder.

    ``PEIXUN_SITE_DIR`` names a site built elsewhere (CI builds one with the maintained forks
    of MkDocs and Material) to test instead.
    """
    if given := os.environ.get("PEIXUN_SITE_DIR"):
        site = Path(given).resolve()
        assert (site / "index.html").is_file(), f"PEIXUN_SITE_DIR={given}: no index.html there"
        return site
    project = copy_project(tmp_path_factory.mktemp("project"))
    result: BuildResult = build(project)
    assert result.returncode == 0, f"the course does not build:\n{result.output}"
    return result.site


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A throw-away copy of the project, for tests that break something on purpose."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    """A throw-away copy of the small fixture course (tests/fixture), to break on purpose."""
    return copy_fixture(tmp_path / "fixture")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture course, built with ``--strict`` once per session."""
    project = copy_fixture(tmp_path_factory.mktemp("fixture"))
    result = build(project)
    assert result.returncode == 0, f"the fixture course does not build:\n{result.output}"
    return result.site
