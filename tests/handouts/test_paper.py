"""Questions on paper: nothing gives the answer away, and the key matches the printed letters."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from peixun.handouts.paper import (
    LETTERS,
    answer_with_letters,
    key_html,
    number_questions,
    question_html,
)
from peixun.quiz import Question


def _question(**fields: object) -> Question:
    base: dict[str, object] = {"id": "q", "explanation": "原文：“……”", "source": "diwei"}
    return Question.model_validate({**base, **fields})


SINGLE = _question(
    id="qiaoliang",
    type="single",
    stem="党支部是党与人民群众紧密联系的什么？",
    options=[
        {"text": "桥梁与纽带", "correct": True},
        {"text": "战斗堡垒", "feedback": "说的是作用。"},
        {"text": "第一责任人"},
    ],
)
FILL = _question(
    id="banzhang",
    type="fill",
    stem="书记是一班人的“____”，党员的“____”。",
    blanks=[["班长", "班 长"], ["核心"]],
)
ORDER = _question(
    id="shunxu", type="order", stem="按课文顺序排列。", items=["甲", "乙", "丙", "丁"]
)
TRUE = _question(id="dui", type="truefalse", stem="书记是“班长”。", answer=True)


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_numbers_run_on_from_the_given_start() -> None:
    papers = number_questions([SINGLE, FILL, ORDER], 7, "diwei")
    assert [p.number for p in papers] == [7, 8, 9]
    assert _plain(str(question_html(papers[0]))).startswith("7．〔单选题〕")


def test_sheet_has_room_to_answer_and_no_answer() -> None:
    for q in (SINGLE, FILL, ORDER, TRUE):
        html = str(question_html(number_questions([q], 1, "diwei")[0]))
        assert "原文" not in html and "correct" not in html and "说的是作用" not in html
        assert "（　　）" in html or "px-handout-q__blank" in html
    fill = str(question_html(number_questions([FILL], 1, "diwei")[0]))
    assert fill.count('class="px-handout-q__blank"') == 2
    assert "班长" not in fill and "核心" not in fill and "____" not in fill


def test_key_gives_letters_words_other_spellings_and_source() -> None:
    single, fill, order, true = number_questions([SINGLE, FILL, ORDER, TRUE], 1, "diwei")
    right = LETTERS[[o.text for o in single.options].index("桥梁与纽带")]
    assert answer_with_letters(single) == f"{right}（桥梁与纽带）"
    assert answer_with_letters(true) == "√（正确）"
    assert answer_with_letters(fill) == "班长；核心"
    letters = answer_with_letters(order).split("（")[0].split(" → ")
    assert [order.items[LETTERS.index(x)] for x in letters] == ["甲", "乙", "丙", "丁"]
    key = _plain(str(key_html(fill, ("#ke1-diwei", "第 1 课 · 地位"))))
    assert "第 1 空也可写作：班 长" in key
    assert "解析：原文：“……”" in key and "出处：第 1 课 · 地位" in key


def test_every_build_prints_the_same_letters() -> None:
    first = number_questions([SINGLE, ORDER], 1, "diwei")
    again = number_questions([SINGLE, ORDER], 1, "diwei")
    assert first == again


ITEM = st.text(alphabet="甲乙丙丁戊己庚辛", min_size=1, max_size=3)


@given(
    st.lists(ITEM, min_size=3, max_size=6, unique=True),
    st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True),
)
def test_an_ordering_is_never_printed_in_its_answer_order(items: list[str], qid: str) -> None:
    q = _question(id=qid, type="order", stem="排列。", items=items)
    printed = number_questions([q], 1, "diwei")[0].items
    assert sorted(printed) == sorted(items)
    assert list(printed) != items
