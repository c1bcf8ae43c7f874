"""Fixtures for handout tests: the real course with its questions, and a site with PDFs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from peixun.course.model import Course, load_course
from peixun.quiz import Question, course_questions
from tests.sitebuild import ROOT


@dataclass
class CourseWithQuestions:
    course: Course
    questions: dict[str, list[Question]]


@pytest.fixture(scope="session")
def real_course() -> CourseWithQuestions:
    course = load_course(ROOT / "docs", ROOT / "sources")
    return CourseWithQuestions(course, course_questions(course, ROOT / "quizzes"))


@dataclass
class CommandResult:
    returncode: int
    stdout: str
    stderr: str


def run_handouts(*args: str, env: dict[str, str] | None = None) -> CommandResult:
    """``python -m peixun handouts ARGS`` as a user runs it, from the project folder."""
    proc = subprocess.run(
        [sys.executable, "-m", "peixun", "handouts", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    return CommandResult(proc.returncode, proc.stdout, proc.stderr)


@dataclass
class PdfRun:
    site: Path
    result: CommandResult


@pytest.fixture(scope="session")
def pdf_run(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> PdfRun:
    """A copy of the built course on which ``handouts --pdf`` has run."""
    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(built_site, site)
    return PdfRun(site, run_handouts("--pdf", "--site", str(site)))
