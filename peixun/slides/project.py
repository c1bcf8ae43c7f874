"""The course a command reads from the project folder, and its title."""

from __future__ import annotations

from pathlib import Path

import yaml

from peixun.course.settings import _ConfigLoader  # tolerates mkdocs.yml's python tags

DEFAULT_NAME = "培训课程"


def course_name(root: Path) -> str:
    """The course title: ``site_name`` in ``mkdocs.yml`` (as the site shows it)."""
    config = root / "mkdocs.yml"
    if not config.is_file():
        return DEFAULT_NAME
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except yaml.YAMLError:
        return DEFAULT_NAME  # the build and ``check`` report the broken file
    name = data.get("site_name") if isinstance(data, dict) else None
    return name if isinstance(name, str) and name.strip() else DEFAULT_NAME
