"""Course settings (``extra.peixun`` in mkdocs.yml): defaults, their effect, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from peixun.course.settings import CourseSettings, load_settings
from peixun.errors import ContentError
from tests.sitebuild import build

EXAM_LINE = "    exam:\n      size: 20                 # 综合测评每次抽题数\n"


def set_exam(course: Path, replacement: str) -> int:
    """Replace the exam block of the new course's settings; return the line of its first key."""
    config = course / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert EXAM_LINE in text
    config.write_text(text.replace(EXAM_LINE, replacement), encoding="utf-8")
    return text[: text.index(EXAM_LINE)].count("\n") + 2


def test_defaults_when_nothing_is_set() -> None:
    settings = load_settings(None, "site_name: x\n")
    assert settings.exam.size == 20 and settings.exam.pass_mark == 60
    assert settings.pages.exam == "zonghe-ceping.md"
    assert settings.nav_order() == [
        "xuexi-jindu.md",
        "zonghe-ceping.md",
        "cuoti-ben.md",
        "xuexi-dangan.md",
        "zhibu-huizong.md",
        "xuexi-jihua.md",
        "glossary.md",
        "sources.md",
    ]


def test_a_renamed_page_moves_in_the_default_order() -> None:
    settings = CourseSettings.model_validate({"pages": {"progress": "jindu.md"}})
    assert settings.nav_order()[0] == "jindu.md"


def test_a_misspelt_key_names_the_key_and_its_line() -> None:
    text = "site_name: x\nmarkdown_extensions:\n  - toc:\n      slugify: !!python/name:str\nextra:\n  peixun:\n    exam:\n      sise: 5\n"
    with pytest.raises(ContentError) as caught:
        load_settings({"exam": {"sise": 5}}, text)
    assert (
        str(caught.value)
        == "mkdocs.yml（extra.peixun） 第 8 行：字段 exam → sise：未知字段（是否拼错？）"
    )


def test_a_wrong_key_stops_the_build_naming_key_and_line(course_copy: Path) -> None:
    line = set_exam(course_copy, "    exam:\n      sizee: 5\n")
    result = build(course_copy)
    assert result.returncode != 0
    assert f"mkdocs.yml（extra.peixun） 第 {line} 行：字段 exam → sizee：未知字段" in result.output
    assert "Traceback" not in result.output


def test_an_out_of_range_value_stops_the_build(course_copy: Path) -> None:
    line = set_exam(course_copy, "    exam:\n      size: 0\n")
    result = build(course_copy)
    assert result.returncode != 0
    assert f"第 {line} 行：字段 exam → size：数值太小" in result.output


def test_page_names_and_exam_size_come_from_the_settings(course_copy: Path) -> None:
    set_exam(course_copy, "    exam:\n      size: 3\n    pages:\n      exam: kaoshi.md\n")
    result = build(course_copy)
    assert result.returncode == 0, result.output
    site = result.site
    assert not (site / "zonghe-ceping.html").exists()
    exam = (site / "kaoshi.html").read_text(encoding="utf-8")
    assert 'data-exam="zonghe"' in exam
    assert "&#34;size&#34;:3," in exam  # data-quota, read by exam.js
    assert "抽取 3 题" in exam
    chapter = (site / "01-shiyong-shuoming/index.html").read_text(encoding="utf-8")
    assert 'href="../kaoshi.html">综合测评</a>' in chapter
