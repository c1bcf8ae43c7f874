"""``python -m peixun new``: a complete course that builds strictly and passes the check."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from peixun.course.model import CLOSING_SECTIONS, OPENING_SECTION
from peixun.search.split_index import indexed_documents
from tests.sitebuild import ROOT, build

from .conftest import TITLE

EXPECTED_FILES = {
    ".gitignore",
    "README.md",
    "mkdocs.yml",
    "hooks/peixun_hooks.py",
    "docs/index.md",
    "docs/glossary.md",
    "docs/sources.md",
    "docs/01-shiyong-shuoming/index.md",
    "docs/01-shiyong-shuoming/01-bianxie-yike.md",
    "quizzes/01-shiyong-shuoming/01-bianxie-yike.yml",
    "sources/示例原始文档.txt",
}


def peixun(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m peixun ARGS`` as an editor runs it."""
    return subprocess.run(
        [sys.executable, "-m", "peixun", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_new_course_has_every_part(new_course: Path) -> None:
    written = {p.relative_to(new_course).as_posix() for p in new_course.rglob("*") if p.is_file()}
    assert written == EXPECTED_FILES
    config = (new_course / "mkdocs.yml").read_text(encoding="utf-8")
    assert f'site_name: "{TITLE}"' in config
    assert re.search(r"^\s+course_id: [a-z0-9-]+", config, re.M)
    assert "hooks/peixun_hooks.py" in config
    readme = (new_course / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(f"# {TITLE}\n")
    assert "mkdocs serve" in readme and "mkdocs build --strict" in readme


def test_example_lesson_has_the_fixed_sections_in_order(new_course: Path) -> None:
    lesson = (new_course / "docs/01-shiyong-shuoming/01-bianxie-yike.md").read_text("utf-8")
    headings = re.findall(r"^## (.+) \{#([a-z0-9-]+)\}$", lesson, re.M)
    assert headings[0] == OPENING_SECTION
    assert headings[-3:] == list(CLOSING_SECTIONS)
    assert len(headings) > 4


def test_bank_has_one_question_of_each_type(new_course: Path) -> None:
    bank = (new_course / "quizzes/01-shiyong-shuoming/01-bianxie-yike.yml").read_text("utf-8")
    types = re.findall(r"^\s+type: (\w+)$", bank, re.M)
    assert sorted(types) == ["fill", "multiple", "order", "single", "truefalse"]


def test_new_course_passes_the_check(new_course: Path) -> None:
    result = peixun("check", str(new_course))
    assert result.returncode == 0, result.stdout
    assert "检查通过：1 章，1 课" in result.stdout


def test_new_course_builds_strictly_with_quiz_handouts_and_generated_pages(
    course_copy: Path,
) -> None:
    result = build(course_copy)
    assert result.returncode == 0, result.output
    site = result.site
    lesson = (site / "01-shiyong-shuoming/01-bianxie-yike.html").read_text("utf-8")
    assert lesson.count("data-question=") >= 5
    assert f"<title>怎样编写一课 - {TITLE}</title>" in lesson
    for page in ("zonghe-ceping", "xuexi-jindu", "cuoti-ben", "01-shiyong-shuoming/zhangjie-ceshi"):
        assert (site / f"{page}.html").is_file(), page
    assert (site / "handouts/01-shiyong-shuoming-student.html").is_file()
    locations = {doc["location"] for doc in indexed_documents(site)}
    assert "01-shiyong-shuoming/01-bianxie-yike.html#tiku" in locations


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "kecheng"
    folder.mkdir()
    (folder / "笔记.txt").write_text("已有的文件", encoding="utf-8")
    result = peixun("new", str(folder), "--title", TITLE)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "不是空文件夹" in lines[0], result.stderr
    assert [p.name for p in folder.iterdir()] == ["笔记.txt"]
    assert (folder / "笔记.txt").read_text(encoding="utf-8") == "已有的文件"


@pytest.mark.parametrize("title", ["", "  "])
def test_an_empty_title_is_refused(tmp_path: Path, title: str) -> None:
    result = peixun("new", str(tmp_path / "k"), "--title", title)
    assert result.returncode == 1
    assert "课程名不能为空" in result.stderr
    assert not (tmp_path / "k").exists()
