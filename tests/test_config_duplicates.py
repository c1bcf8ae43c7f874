"""A key written twice anywhere in mkdocs.yml stops ``check`` and every build, at the second key."""

from __future__ import annotations

from pathlib import Path

import pytest

from peixun.course.settings import load_settings
from peixun.errors import ContentError
from tests.sitebuild import build, run_peixun

TAGGED = (
    "site_name: x\n"
    "docs_dir: !relative $config_dir/docs\n"
    "extra:\n"
    "  analytics: !ENV [ANALYTICS, none]\n"
    "markdown_extensions:\n"
    "  - pymdownx.emoji:\n"
    "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
)


def test_mkdocs_tags_are_no_obstacle() -> None:
    assert load_settings(None, TAGGED).exam.size == 20


@pytest.mark.parametrize(
    ("text", "key", "line", "first"),
    [
        (TAGGED + "site_name: y\n", "site_name", 8, 1),  # top level
        (TAGGED.replace("  analytics:", "  a: 1\n  a: 2\n  analytics:"), "a", 5, 4),
        (TAGGED + "  - toc:\n      permalink: true\n      permalink: false\n", "permalink", 10, 9),
    ],
)
def test_a_second_key_is_an_error_at_its_line(text: str, key: str, line: int, first: int) -> None:
    with pytest.raises(ContentError) as caught:
        load_settings(None, text)
    assert str(caught.value) == (
        f"mkdocs.yml 第 {line} 行：字段“{key}”重复（第 {first} 行已写过）。"
        "后写的会覆盖先写的，请合并为一处或删去一处。"
    )


def test_check_and_every_build_refuse_a_duplicate_key(fixture_project: Path) -> None:
    """A second ``language:`` under ``theme:``: MkDocs would build an English-language site."""
    config = fixture_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  language: zh\n" in text
    config.write_text(text.replace("  language: zh\n", "  language: zh\n  language: en\n"), "utf-8")
    first = text.split("\n").index("  language: zh") + 1
    expected = f"mkdocs.yml 第 {first + 1} 行：字段“language”重复（第 {first} 行已写过）。"
    proc = run_peixun("check", str(fixture_project))
    assert proc.returncode == 1 and expected in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr
    for quiet, strict in ((True, True), (True, False), (False, True)):
        result = build(fixture_project, quiet=quiet, strict=strict)
        assert result.returncode != 0
        assert expected in result.output and "Traceback" not in result.output
        assert not (fixture_project / "site" / "index.html").exists()
