"""The shown order of options: fixed per question, never the bank's, the same in every copy."""

from __future__ import annotations

import json

from lxml import html as lxml_html

from peixun.exchange.gather import course_items
from peixun.exchange.table import LETTERS, to_row
from peixun.exchange.xlsx import read_xlsx, write_xlsx
from peixun.handouts.paper import answer_with_letters, number_questions, question_html
from peixun.quiz import course_questions
from peixun.quiz.answers import fingerprint
from peixun.quiz.model import Option, Question
from peixun.quiz.render import Entry
from peixun.quiz.render import question_html as site_question_html
from peixun.quiz.shuffle import shown_items, shown_options
from tests.quiz.conftest import Project, course_in

TEXTS = ["服务意识", "监督意识", "协调意识", "预见意识", "学习能力"]


def _single(qid: str, texts: list[str] = TEXTS, right: str = TEXTS[0]) -> Question:
    return Question(
        id=qid,
        type="single",
        stem="哪一项？",
        options=[Option(text=t, correct=t == right) for t in texts],
        explanation="。",
        source="s",
    )


def _shown(lesson: str, q: Question) -> list[str]:
    return [o.text for o in shown_options(lesson, q)]


def test_the_order_is_the_same_in_every_build_and_whatever_the_bank_order() -> None:
    q = _single("fuwu")
    assert _shown("yishi", q) == _shown("yishi", _single("fuwu"))
    reordered = _single("fuwu", list(reversed(TEXTS)))
    assert _shown("yishi", reordered) == _shown("yishi", q)
    assert fingerprint(reordered) == fingerprint(q)  # a saved answer still applies


def test_questions_and_lessons_get_their_own_order() -> None:
    questions = [_single(f"q{n}") for n in range(40)]
    assert len({tuple(_shown("yishi", q)) for q in questions}) > 20
    assert sum(_shown("yishi", q) != _shown("nengli", q) for q in questions) > 30


def test_the_right_option_is_spread_over_the_positions() -> None:
    places = [_shown("yishi", _single(f"q{n}")).index(TEXTS[0]) for n in range(500)]
    for place in range(len(TEXTS)):
        assert 0.12 < places.count(place) / len(places) < 0.28, place


def test_an_ordering_never_starts_in_its_answer_order() -> None:
    for n in range(200):
        q = Question(
            id=f"p{n}",
            type="order",
            stem="排列。",
            items=["甲", "乙", "丙"],
            explanation="。",
            source="s",
        )
        positions = shown_items("yishi", q)
        assert sorted(positions) == [0, 1, 2] and positions != [0, 1, 2]


BANK = """\
questions:
""" + "".join(
    f"""\
  - id: xuan-{n}
    type: {"single" if n % 2 else "multiple"}
    stem: 第 {n} 问：下列哪{"一项" if n % 2 else "些"}正确？
    options:
      - text: 服务意识
        correct: true
      - text: 监督意识
        correct: {"false" if n % 2 else "true"}
      - text: 协调意识
      - text: 预见意识
    explanation: 见“四种意识”。
    source: si-zhong-yishi
"""
    for n in range(1, 9)
)


def _site_answer(entry: Entry) -> str:
    """The letters a learner sees for the right options on the lesson page (no JavaScript)."""
    box = lxml_html.fromstring(str(site_question_html(entry, 1, show_lesson=False)))
    right = json.loads(box.get("data-key"))["c"]
    values = [i.get("value") for i in box.iter("input")]
    assert sorted(values) == sorted(o.key for o in entry.question.options or [])
    return "".join(LETTERS[values.index(v)] for v in sorted(right, key=values.index))


def test_page_handouts_and_spreadsheet_name_the_same_letters(project: Project) -> None:
    root = project(BANK)
    questions = course_questions(course_in(root), root / "quizzes")["01-ceshi/01-yishi"]
    written = [q for q in questions if q.id.startswith("xuan-")]
    site = {
        q.id: _site_answer(Entry(q, "yishi", "01-ceshi/01-yishi", "课", "章", "#s", "节"))
        for q in written
    }
    papers = number_questions(written, 1, "yishi")
    paper = {p.question.id: answer_with_letters(p).split("（")[0].replace("、", "") for p in papers}
    sheet = root / "题库.xlsx"
    write_xlsx(
        [to_row(item.question, item.lesson) for item in course_items(root, None, False)], sheet
    )
    rows = {r.row["题号"]: r.row for r in read_xlsx(sheet, sheet.name)}
    assert site == paper == {qid: rows[qid]["答案"] for qid in site}
    # the bank lists 服务意识 first everywhere; the copies do not
    assert {letters[0] for letters in site.values()} != {"A"}
    for p in papers:
        printed = lxml_html.fromstring(str(question_html(p)))
        texts = [li.text_content()[2:] for li in printed.iter("li")]
        assert texts == [rows[p.question.id][f"选项{letter}"] for letter in LETTERS[: len(texts)]]
