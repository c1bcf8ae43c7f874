"""The built wheel alone is enough: install it into a fresh venv, ``peixun new``, build strictly,
and use the new course's quiz and search in Chromium.

Slow (the venv installs every dependency from the package index): one module-scoped fixture
does it once for the tests below.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from peixun.search.measure import material_search
from tests.browser.quizhelp import answer, question, ready
from tests.browsing import serve
from tests.sitebuild import ROOT

LESSON = "01-shiyong-shuoming/01-bianxie-yike.html"


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> str:
    proc = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert proc.returncode == 0, f"{' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a clean copy of the package (no build/ left in the checkout)."""
    source = tmp_path_factory.mktemp("source")
    shutil.copytree(
        ROOT / "peixun", source / "peixun", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), "."]
    run(pip_wheel, source, dict(os.environ))
    (built,) = out.glob("peixun-*.whl")
    return built


@pytest.fixture(scope="module")
def installed_site(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course made and built by the peixun of a fresh venv, away from this repository."""
    work = tmp_path_factory.mktemp("fresh")
    venv = work / "venv"
    # Nothing of this checkout may leak in: no PYTHONPATH, and every command runs outside it.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    run([sys.executable, "-m", "venv", str(venv)], work, env)
    run([str(venv / "bin/python"), "-m", "pip", "install", "-q", str(wheel)], work, env)
    run([str(venv / "bin/peixun"), "new", "kecheng", "--title", "新课程试用"], work, env)
    course = work / "kecheng"
    run([str(venv / "bin/peixun"), "check"], course, env)
    run([str(venv / "bin/mkdocs"), "build", "--strict"], course, env)
    return course / "site"


@pytest.fixture(scope="module")
def installed_url(installed_site: Path) -> Iterator[str]:
    with serve(installed_site) as url:
        yield url


def test_wheel_holds_the_assets_and_the_course_template(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "peixun"
    for folder in ("assets", "scaffold/template"):
        for path in (package / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                assert f"peixun/{path.relative_to(package).as_posix()}" in names, path
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "peixun = peixun.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_new_course_quiz_answers_in_the_browser(page: Page, installed_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(installed_url + LESSON)
    ready(page)
    for qid in ("jiegou-kaitou", "caogao-fabu", "tiku-weizhi"):
        q = question(page, qid)
        answer(q, correct=True)
        expect(q).to_have_attribute("data-state", "correct")
        expect(q.get_by_role("status")).to_contain_text("回答正确")
    wrong = question(page, "jiegou-guding")
    answer(wrong, correct=False)
    expect(wrong.get_by_role("status")).to_contain_text("回答错误")
    assert errors == []


def test_new_course_search_finds_its_lesson(page: Page, installed_url: str) -> None:
    ask = material_search(page, installed_url)
    assert ask("题库怎样写").ranked[0] == LESSON + "#tiku"
    assert any(hit.startswith(LESSON) for hit in ask("课文骨架").ranked[:3])
