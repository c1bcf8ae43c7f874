"""Shared fixtures: the real course built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import ROOT, BuildResult, build, copy_project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real course, built with ``--strict`` into a temporary folder."""
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
