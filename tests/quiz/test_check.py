"""``python -m peixun check``: the same validation as the build, without building."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from peixun.cli import main
from tests.quiz.conftest import GOOD_BANK, Project, write_project


def test_check_passes_on_a_good_project(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(GOOD_BANK)
    assert main(["check", str(root)]) == 0
    assert capsys.readouterr().out.startswith("检查通过：1 章，1 课，")


def test_check_prints_each_problem_with_file_and_line(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = GOOD_BANK.replace("source: si-zhong-yishi", "source: nope").replace(
        "id: yishi-fuwu", "id: yishi-fuwu\n    hint: 多余"
    )
    root = project(bank)
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert "quizzes/01-ceshi/01-yishi.yml 第 3 行：字段 questions → 第 1 项 → hint：未知字段" in out
    assert "共 1 处问题" in out


def test_check_reports_lesson_front_matter(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(GOOD_BANK)
    lesson = root / "docs" / "01-ceshi" / "01-yishi.md"
    lesson.write_text(lesson.read_text("utf-8").replace("title: 四种意识\n", ""), "utf-8")
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert "docs/01-ceshi/01-yishi.md 第 2 行：字段 title：缺少必填字段" in out


def test_check_on_the_real_course(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(root)]) == 0
    assert "检查通过" in capsys.readouterr().out


def test_check_outside_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path)]) == 2
    assert "找不到 docs/ 文件夹" in capsys.readouterr().out


def test_check_asks_for_a_missing_lesson_id(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(GOOD_BANK)
    lesson = root / "docs" / "01-ceshi" / "01-yishi.md"
    lesson.write_text(lesson.read_text("utf-8").replace("id: yishi\n", ""), "utf-8")
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert "docs/01-ceshi/01-yishi.md" in out
    assert "缺少课文标识。请在开头两行 --- 之间加一行，如 id: diwei-zuoyong" in out


def test_check_names_both_lessons_sharing_an_id(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(GOOD_BANK)
    chapter = root / "docs" / "01-ceshi"
    (chapter / "02-fuben.md").write_text((chapter / "01-yishi.md").read_text("utf-8"), "utf-8")
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert (
        "docs/01-ceshi/02-fuben.md 第 6 行：课文标识 id: yishi 已被 docs/01-ceshi/01-yishi.md 使用"
        in out
    )


def test_check_on_a_broken_project_prints_no_traceback(tmp_path: Path) -> None:
    root = write_project(tmp_path, {"01-ceshi/01-yishi.yml": "questions: [\n"})
    (root / "docs" / "01-ceshi" / "index.md").write_text("---\ntitle: [\n---\n", "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "peixun", "check", str(root)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 1
    assert "docs/01-ceshi/index.md 第 3 行：YAML 格式错误" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr
