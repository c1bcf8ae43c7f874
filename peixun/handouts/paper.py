"""The chapter's self-check questions on paper: the learner's sheet and the teacher's key.

On paper nothing may give an answer away: options and order items are printed in the site's
fixed shuffled order (the banks often list the right option first), so that the learner's and
the teacher's editions, every rebuild, the site and the exports agree on every letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from peixun.quiz import Option, Question, answer_text
from peixun.quiz.model import BLANK, TYPE_NAMES
from peixun.quiz.shuffle import shown_items, shown_options

LETTERS = "ABCDEFGH"
SHORT_CHOICE = 10  # characters: choices this short are set side by side
HOW_TO_ANSWER = (
    "单选题、多选题在括号内填写选项字母；判断题正确的填“√”，错误的填“×”；"
    "填空题在横线上作答；排序题按正确顺序写出字母。"
)


@dataclass(frozen=True)
class PaperQuestion:
    """A question as printed: its number in the chapter and its options or items in print order."""

    number: int
    question: Question
    options: tuple[Option, ...]
    items: tuple[str, ...]


def number_questions(
    questions: Sequence[Question], first: int, lesson_id: str
) -> list[PaperQuestion]:
    """Number the lesson's questions from ``first`` and fix their print order of options and
    items: the site's order (:mod:`peixun.quiz.shuffle`)."""
    papers = []
    for number, q in enumerate(questions, start=first):
        options = tuple(shown_options(lesson_id, q)) if q.type in ("single", "multiple") else ()
        written = q.items or []
        items = tuple(written[i] for i in shown_items(lesson_id, q)) if q.type == "order" else ()
        papers.append(PaperQuestion(number, q, options, items))
    return papers


def _stem(q: Question) -> Markup:
    pieces = BLANK.split(q.stem)
    # A screen reader ignores aria-label on a plain span: say 填空 in visually hidden text.
    blank = Markup('<span class="px-handout-q__blank"><span class="px-sr-only">填空</span></span>')
    return blank.join(escape(piece) for piece in pieces)


def question_html(paper: PaperQuestion) -> Markup:
    """The question with room to answer, and no trace of the answer."""
    q = paper.question
    slot = Markup("")
    if q.type in ("single", "multiple", "truefalse"):
        slot = Markup('<span class="px-handout-q__slot">（　　）</span>')
    choices = Markup("")
    if paper.options or paper.items:
        texts = [o.text for o in paper.options] or list(paper.items)
        short = " px-handout-q__choices--short" if max(map(len, texts)) <= SHORT_CHOICE else ""
        choices = Markup('<ol class="px-handout-q__choices{}">{}</ol>').format(
            short,
            Markup("").join(
                Markup('<li><span class="px-handout-q__letter">{}．</span>{}</li>').format(
                    LETTERS[i], text
                )
                for i, text in enumerate(texts)
            ),
        )
    order_line = Markup("")
    if q.type == "order":
        order_line = Markup(
            '<p class="px-handout-q__line">正确顺序：'
            '<span class="px-handout-q__blank px-handout-q__blank--long">'
            '<span class="px-sr-only">填空</span></span>'
            "</p>"
        )
    return Markup(
        '<div class="px-handout-q">'
        '<p class="px-handout-q__stem"><span class="px-handout-q__no">{no}．</span>'
        '<span class="px-handout-q__type">〔{type}〕</span>{stem}{slot}</p>'
        "{choices}{order_line}</div>"
    ).format(
        no=paper.number,
        type=TYPE_NAMES[q.type],
        stem=_stem(q),
        slot=slot,
        choices=choices,
        order_line=order_line,
    )


def answer_with_letters(paper: PaperQuestion) -> str:
    """The answer as a teacher checks a paper: letters where the paper shows letters."""
    q = paper.question
    text = answer_text(
        q.model_copy(update={"options": list(paper.options)}) if paper.options else q
    )
    if q.type in ("single", "multiple"):
        letters = "、".join(LETTERS[i] for i, o in enumerate(paper.options) if o.correct)
        return f"{letters}（{text}）"
    if q.type == "order":
        position = {item: i for i, item in enumerate(paper.items)}
        letters = " → ".join(LETTERS[position[item]] for item in q.items or [])
        return f"{letters}（{text}）"
    if q.type == "truefalse":
        return f"{'√' if q.answer else '×'}（{text}）"
    return text


def other_spellings(q: Question) -> str:
    """For fill-ins, the further spellings a teacher should accept."""
    notes = []
    blanks = q.blanks or []
    for i, accepted in enumerate(blanks, start=1):
        if len(accepted) > 1:
            where = f"第 {i} 空" if len(blanks) > 1 else "此空"
            notes.append(f"{where}也可写作：{'、'.join(accepted[1:])}")
    return "；".join(notes)


def key_html(paper: PaperQuestion, source: tuple[str, str]) -> Markup:
    """The teacher's key entry: answer, explanation and the section it comes from."""
    href, where = source
    spellings = other_spellings(paper.question)
    return Markup(
        '<div class="px-handout-key">'
        '<p><span class="px-handout-q__no">{no}．</span><strong>答案：</strong>'
        '<span class="px-handout-key__answer">{answer}</span>{spellings}</p>'
        "<p><strong>解析：</strong>{explanation}</p>"
        '<p class="px-handout-key__source"><strong>出处：</strong><a href="{href}">{where}</a></p>'
        "</div>"
    ).format(
        no=paper.number,
        answer=answer_with_letters(paper),
        spellings=Markup("<br><small>{}</small>").format(spellings) if spellings else "",
        explanation=paper.question.explanation,
        href=href,
        where=where,
    )
