"""``python -m peixun check``: the build's content checks, without building the site.

Front matter, the editorial checks of every lesson and the glossary, and every question bank.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from peixun.course.check import BankReport, bank_report, check_course, check_question_minimum
from peixun.course.glossary import GLOSSARY_FILE, load_glossary
from peixun.course.links import check_course_links
from peixun.course.model import Course, load_course
from peixun.course.publish import unpublished
from peixun.course.settings import CourseSettings, read_settings
from peixun.errors import ContentError, ContentErrors, problems_of
from peixun.generated import generated_paths
from peixun.quiz import course_questions
from peixun.quiz.quota import quota_problems


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "project",
        nargs="?",
        default=".",
        type=Path,
        help="项目文件夹（含 docs/、sources/、quizzes/），默认为当前文件夹",
    )


def run(args: argparse.Namespace) -> int:
    root: Path = args.project
    if not (root / "docs").is_dir():
        print(f"{root}：找不到 docs/ 文件夹。请在项目文件夹中运行，或给出项目文件夹的路径。")
        return 2
    problems: list[ContentError] = []
    course: Course | None = None
    try:
        course = load_course(root / "docs", root / "sources")
    except (ContentError, ContentErrors) as exc:
        problems.extend(problems_of(exc))
    settings = CourseSettings()
    try:
        settings = read_settings(root / "mkdocs.yml")
    except (ContentError, ContentErrors) as exc:
        problems.extend(problems_of(exc))
    question_count = 0
    report: BankReport | None = None
    if course is not None:
        glossary = load_glossary(root / "docs")
        problems.extend(check_course(course, glossary, f"docs/{GLOSSARY_FILE}"))
        problems.extend(unpublished(course, root / "docs"))
        try:
            questions = course_questions(course, root / "quizzes")
            question_count = sum(len(qs) for qs in questions.values())
            problems.extend(check_question_minimum(course, questions))
            report = bank_report(course, root / "quizzes", questions)
            generated = generated_paths(course, questions, settings)
            problems.extend(quota_problems(settings.exam, course, questions))
            problems.extend(check_course_links(root / "docs", course, generated))
        except (ContentError, ContentErrors) as exc:
            problems.extend(problems_of(exc))
    for problem in problems:
        print(problem)
    if report is not None:
        _print_report(report)
    if problems:
        print(f"\n共 {len(problems)} 处问题，请按提示修改后再检查。")
        return 1
    assert course is not None
    chapters, lessons = len(course.chapters), len(course.lessons())
    print(f"检查通过：{chapters} 章，{lessons} 课，{question_count} 道自测题。")
    return 0


def _print_report(report: BankReport) -> None:
    """The banks' fairness: counts, then what to improve (reminders; the check still passes)."""
    print("\n题库统计（正确选项按显示的位置计）：")
    for line in report.lines:
        print(f"  {line}")
    if report.warnings:
        print(f"\n提醒（{len(report.warnings)} 处，不影响检查结果）：")
        for warning in report.warnings:
            print(f"  {warning}")
    print()
