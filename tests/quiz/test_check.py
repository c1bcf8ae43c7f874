"""``python -m peixun check``: the same validation as the build, without building."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from peixun.cli import main
from tests.quiz.conftest import FULL_BANK, GOOD_BANK, Project, write_project
from tests.sitebuild import build_here


def test_check_passes_on_a_good_project(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(FULL_BANK)
    assert main(["check", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("检查通过：1 章，1 课，")


def test_check_prints_each_problem_with_file_and_line(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = FULL_BANK.replace("source: si-zhong-yishi", "source: nope", 1).replace(
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


def test_check_asks_for_five_hand_written_questions_a_lesson(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(GOOD_BANK)  # one question, and the generated ones, which do not count
    assert main(["check", str(root)]) == 1
    out = capsys.readouterr().out
    assert (
        "docs/01-ceshi/01-yishi.md：本课只有 1 道手写的自测题，每课至少 5 道（自动生成的题不计）。"
        "请在 quizzes/01-ceshi/01-yishi.yml 中补足。" in out
    )
    assert "共 1 处问题" in out


def test_check_reports_the_banks_fairness_and_warns_of_too_few_wrong_options(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = FULL_BANK.replace(
        "      - text: 执行能力\n    explanation: 见“四种意识”。", "    explanation: 见“四种意识”。"
    )
    root = project(bank)
    assert main(["check", str(root)]) == 0  # reminders do not fail the check
    out = capsys.readouterr().out
    assert "题库统计（正确选项按显示的位置计）：" in out
    bank_line = next(line for line in out.splitlines() if "01-yishi.yml：" in line)
    assert "判断题 对 1 · 错 0（对占 100%）" in bank_line
    assert "多选题 1 道，错误选项不少于 2 个的 0 道" in bank_line
    assert "正确选项 " in bank_line and "全课程（手写题）：" in out
    line = bank.splitlines().index("  - id: yishi-duoxuan") + 4  # its options: line
    assert (
        f"quizzes/01-ceshi/01-yishi.yml 第 {line} 行：多选题“yishi-duoxuan”只有 1 个错误选项" in out
    )


def test_the_build_stops_at_the_same_minimum(fixture_project: Path) -> None:
    bank = fixture_project / "quizzes" / "02-dier-zhang" / "01-xiaozu-taolun.yml"
    text = bank.read_text("utf-8")
    bank.write_text(text[: text.index("  - id: taolun-guina\n")], "utf-8")  # five become four
    result = build_here(fixture_project)
    assert not result.ok
    assert any(
        "docs/02-dier-zhang/01-xiaozu-taolun.md：本课只有 4 道手写的自测题" in message
        for message in result.messages()
    ), result.messages()
