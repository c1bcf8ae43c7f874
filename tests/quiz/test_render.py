"""Bank in, HTML out: a golden file, and escaping of every piece of bank text.

Regenerate the golden file after an intended change with ``PEIXUN_REGOLD=1`` (tests/golden.py).
"""

from __future__ import annotations

from pathlib import Path

from peixun.quiz import course_questions
from peixun.quiz.model import Option, Question
from peixun.quiz.render import Entry, question_html, quiz_html
from tests.golden import check_golden
from tests.quiz.conftest import Project, course_in

GOLDEN = Path(__file__).parent / "golden"

BANK = """\
questions:
  - id: yishi-fuwu
    type: single
    stem: 支部书记要甘当什么？
    options:
      - text: 服务员
        correct: true
      - text: 裁判员
        feedback: 原文说的是服务员。
      - text: 运动员
    explanation: 原文：“甘当服务员。”
    source: si-zhong-yishi
    difficulty: 1
    tags: [意识]
  - id: yishi-duoxuan
    type: multiple
    stem: 下列哪些属于四种意识？
    options:
      - text: 服务意识
        correct: true
      - text: 监督意识
        correct: true
      - text: 学习能力
        feedback: 这是五种能力之一。
    explanation: 见“四种意识”。
    source: si-zhong-yishi
  - id: yishi-panduan
    type: truefalse
    stem: 预见意识要求想在前头。
    answer: true
    explanation: 原文：“想在前头。”
    source: si-zhong-yishi
  - id: yishi-tiankong
    type: fill
    stem: 四种意识：服务、____、协调、____。
    blanks:
      - [监督, 监督意识]
      - [预见, 预见意识]
    explanation: 见“四种意识”。
    source: si-zhong-yishi
  - id: yishi-paixu
    type: order
    stem: 按课文顺序排列。
    items: [服务意识, 监督意识, 协调意识]
    explanation: 见“四种意识”。
    source: si-zhong-yishi
"""


def _readable(html: str) -> str:
    return html.replace("><", ">\n<") + "\n"


def _check_golden(name: str, html: str) -> None:
    check_golden(GOLDEN / name, _readable(html))


def _entries(root: Path) -> list[Entry]:
    questions = course_questions(course_in(root), root / "quizzes")["01-ceshi/01-yishi"]
    return [
        Entry(
            q,
            "yishi",
            "01-ceshi/01-yishi",
            "四种意识",
            "第一章 测试",
            f"01-yishi.html#{q.source}",
            "四种意识",
        )
        for q in questions
    ]


def test_lesson_quiz_matches_golden_file(project: Project) -> None:
    _check_golden("lesson-quiz.html", str(quiz_html(_entries(project(BANK)), "lesson")))


def test_exam_quiz_matches_golden_file(project: Project) -> None:
    entries = _entries(project(BANK))[:2]
    _check_golden("exam-quiz.html", str(quiz_html(entries, "exam", exam_size=20)))


def test_every_bank_text_is_escaped() -> None:
    evil = '<script>alert("x")</script>'
    q = Question(
        id="xss",
        type="fill",
        stem=f"{evil}____",
        blanks=[[evil]],
        explanation=evil,
        source="s",
        tags=[evil],
    )
    entry = Entry(q, "l", "c/l", evil, evil, '#s" onclick="x', evil)
    html = str(question_html(entry, 1, show_lesson=True))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'onclick="x' not in html
    options = [Option(text=evil, correct=True, feedback=evil), Option(text="乙"), Option(text="丙")]
    single = Question(
        id="s", type="single", stem="？", options=options, explanation="。", source="s"
    )
    html = str(
        question_html(Entry(single, "l", "c/l", "课", "章", "#s", "节"), 1, show_lesson=False)
    )
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") >= 3  # option text, its feedback in data-key, the answer


def test_order_items_never_start_solved(project: Project) -> None:
    for entry in _entries(project(BANK)):
        if entry.question.type == "order":
            html = str(question_html(entry, 1, show_lesson=False))
            positions = [
                html.index(f'data-item="{i}"') for i in range(len(entry.question.items or []))
            ]
            assert positions != sorted(positions)
