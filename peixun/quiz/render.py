"""Questions to HTML. Every piece of bank text goes through markupsafe; the JS reads data-*.

The quiz root is a <section> holding no other <section>: Material's search indexer matches
elements by tag name, so a nested element of the root's tag would end data-search-exclude early.
Without JavaScript the questions are readable and each answer waits in a closed <details>;
quiz.js adds the interaction. Options and order items appear in the fixed shuffled order of
:mod:`peixun.quiz.shuffle`, never in the bank's order. Attribute names are a contract with
quiz.js and the tests.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup, escape

from peixun.memo import Memo
from peixun.quiz.answers import answer_text, fingerprint
from peixun.quiz.contract import (
    FINGERPRINT_ATTR,
    LEGACY_ATTR,
    LEGACY_OPTIONS_ATTR,
    LESSON_ATTR,
    QUESTION_ATTR,
    legacy_key,
)
from peixun.quiz.model import BLANK, TYPE_NAMES, Question
from peixun.quiz.shuffle import in_shown_order, shown_items, shown_options

QuizMode = Literal["lesson", "chapter", "exam", "wrong"]
"""lesson/chapter: saved answers shown again; exam: a fresh random draw; wrong: last wrong only."""


@dataclass(frozen=True)
class Entry:
    """A question in its place: which lesson and chapter it belongs to, where its answer is."""

    question: Question
    lesson_id: str  # front matter id: the key of saved answers
    lesson_slug: str  # path without .md: the key in builds before lesson ids
    lesson_title: str
    chapter_title: str
    source_href: str  # link to the cited section
    source_title: str  # that section's heading


def dom_id(entry: Entry) -> str:
    return "q-" + entry.lesson_slug.replace("/", "--") + "--" + entry.question.id


def legacy_of(lesson_slug: str, q: Question) -> str:
    """Where builds before lesson ids and stable generated ids kept this question's answer."""
    return legacy_key(lesson_slug, q.former_id or q.id)


def _key(q: Question) -> str:
    """What quiz.js needs to mark an answer, as JSON (escaped into an attribute).

    Choices are named by :attr:`Option.key`, never by place: saved answers keep their meaning
    whatever order the options are shown in.
    """
    data: dict[str, object]
    if q.type in ("single", "multiple"):
        options = q.options or []
        feedback = {o.key: o.feedback for o in options if o.feedback}
        data = {"c": sorted(o.key for o in options if o.correct), "f": feedback}
    elif q.type == "truefalse":
        data = {"c": ["true" if q.answer else "false"]}
    elif q.type == "fill":
        data = {"b": q.blanks or []}
    else:
        data = {"n": len(q.items or [])}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _legacy_positions(q: Question) -> str:
    """The attribute that lets quiz.js read answers saved when options were named by place."""
    if q.options is None:
        return ""
    keys = json.dumps([o.key for o in q.options], separators=(",", ":"))
    return f' {LEGACY_OPTIONS_ATTR}="{escape(keys)}"'


def _stem(q: Question) -> str:
    if q.type != "fill":
        return escape(q.stem)
    parts = BLANK.split(q.stem)
    return str(escape(parts[0])) + "".join(
        f'<span class="px-quiz__blank">（{n}）</span>{escape(part)}'
        for n, part in enumerate(parts[1:], start=1)
    )


def _choices(q: Question, lesson_id: str, name: str) -> str:
    if q.type == "truefalse":
        pairs = [("true", "正确"), ("false", "错误")]
        kind = "radio"
    else:
        pairs = [(o.key, o.text) for o in shown_options(lesson_id, q)]
        kind = "radio" if q.type == "single" else "checkbox"
    name = escape(name)
    rows = "".join(
        f'<label class="px-quiz__option"><input type="{kind}" name="{name}"'
        f' value="{escape(value)}"> <span>{escape(text)}</span></label>'
        for value, text in pairs
    )
    return f'<div class="px-quiz__options">{rows}</div>'


def _blanks(q: Question, name: str) -> str:
    name = escape(name)
    rows = "".join(
        f'<label class="px-quiz__fill">第 {n} 空 <input type="text" name="{name}-{n}"'
        ' autocomplete="off" spellcheck="false"></label>'
        for n in range(1, len(q.blanks or []) + 1)
    )
    return f'<div class="px-quiz__fills">{rows}</div>'


def _order(q: Question, lesson_id: str) -> str:
    items = q.items or []
    rows = "".join(
        f'<li data-item="{i}"><span class="px-quiz__item">{escape(items[i])}</span></li>'
        for i in shown_items(lesson_id, q)
    )
    return f'<ol class="px-quiz__order">{rows}</ol>'


@dataclass(frozen=True)
class _Parts:
    """A question's HTML, cut where the page it goes on changes it (see :func:`question_html`).

    The pieces are escaped HTML; the page puts ``hidden``, the number, the origin line and
    the source link between them.
    """

    start: str  # <fieldset … data-key="…"[data-options…] (then " hidden" or nothing, then ">")
    label: str  # after the number: the type, the stem, up to the origin line
    body: str  # the controls and the answer, up to the source link's href
    end: str  # after the href: the source's title, the closing tags


def _parts(entry: Entry) -> _Parts:
    """The page-independent pieces of ``entry``'s HTML: made from all but its number,
    placement and source link."""
    q = entry.question
    name = dom_id(entry)
    if q.type == "fill":
        controls = _blanks(q, name)
    elif q.type == "order":
        controls = _order(q, entry.lesson_id)
    else:
        controls = _choices(q, entry.lesson_id, name)
    tag = ' <span class="px-quiz__tag">自动生成</span>' if q.generated else ""
    hint = "（多选）" if q.type == "multiple" and "多选" not in q.stem else ""
    answer = answer_text(in_shown_order(entry.lesson_id, q))
    return _Parts(
        start=(
            f'<fieldset class="px-quiz__q" id="{escape(name)}" {QUESTION_ATTR}="{escape(q.id)}"'
            f' data-type="{escape(q.type)}" {LESSON_ATTR}="{escape(entry.lesson_id)}"'
            f' {LEGACY_ATTR}="{escape(legacy_of(entry.lesson_slug, q))}"'
            f' {FINGERPRINT_ATTR}="{escape(fingerprint(q))}"'
            f' data-chapter="{escape(entry.chapter_title)}" data-key="{escape(_key(q))}"'
            f"{_legacy_positions(q)}"
        ),
        label=(
            f" 题 · {escape(TYPE_NAMES[q.type])}{tag}</span>"
            f'<span class="px-quiz__stem">{_stem(q)}{hint}</span></legend>'
        ),
        body=(
            f"{controls}"
            '<div class="px-quiz__actions">'
            '<button type="button" class="md-button md-button--primary" data-action="submit"'
            " hidden>提交</button> "
            '<button type="button" class="md-button" data-action="retry" hidden>重做</button></div>'
            '<div class="px-quiz__feedback" role="status"></div>'
            '<details class="px-quiz__answer"><summary>答案与解析</summary>'
            f'<div class="px-quiz__solution"><p><strong>答案：</strong>{escape(answer)}</p>'
            f"<p>{escape(q.explanation)}</p>"
            '<p><a class="px-quiz__source" href="'
        ),
        end=f'">回看原文：{escape(entry.source_title)}</a></p></div></details></fieldset>',
    )


# Made once per build for each question in its lesson (a lesson page and its chapter's
# question script both show it), and kept across mkdocs serve rebuilds (peixun.memo).
_PARTS: Memo[_Parts] = Memo(within_build=True)


def question_html(entry: Entry, number: int, show_lesson: bool, hidden: bool = False) -> Markup:
    """One question as a fieldset, with its answer in a closed <details>.

    What differs from page to page (the number, the origin line, the source link, hidden)
    is put in here, around the pieces :func:`_parts` makes once.
    """
    parts = _PARTS.get(
        lambda: _parts(entry),
        entry.question,
        entry.lesson_id,
        entry.lesson_slug,
        entry.chapter_title,
        entry.source_title,
    )
    origin = (
        f'<p class="px-quiz__origin">出自：{escape(entry.chapter_title)} · '
        f'<a href="{escape(entry.source_href.split("#", 1)[0])}">'
        f"{escape(entry.lesson_title)}</a></p>"
        if show_lesson
        else ""
    )
    return Markup(
        f"{parts.start}{' hidden' if hidden else ''}>"
        f'<legend><span class="px-quiz__label">第 <span class="px-quiz__no">{escape(number)}</span>'
        f"{parts.label}{origin}{parts.body}{escape(entry.source_href)}{parts.end}"
    )


NOSCRIPT: dict[QuizMode, str] = {
    "lesson": "",
    "chapter": "",
    "exam": "综合测评需要浏览器启用 JavaScript 才能抽题和计分；"
    "下面列出全部题目，答案在每题的“答案与解析”中。",
    "wrong": "错题本需要浏览器启用 JavaScript（答题记录保存在本机浏览器中）。",
}


def quiz_html(entries: Sequence[Entry], mode: QuizMode, exam_size: int = 20) -> Markup:
    """A quiz: its questions, a score line that quiz.js keeps current, and mode controls."""
    show_lesson = mode != "lesson"
    hidden = mode == "wrong"  # quiz.js shows the questions last answered wrong
    body = "".join(
        question_html(entry, n, show_lesson, hidden) for n, entry in enumerate(entries, start=1)
    )
    extra = ""
    if mode == "exam":
        extra = (
            '<p class="px-quiz__controls"><button type="button" class="md-button" '
            'data-action="draw" hidden>重新抽题</button></p>'
        )
    elif mode == "wrong":
        extra = '<p class="px-quiz__empty" hidden>暂无错题。做过的题答错后会出现在这里。</p>'
    breakdown = ""
    if mode == "exam":
        breakdown = (
            '<table class="px-quiz__breakdown" hidden><caption>各章得分</caption>'
            "<thead><tr><th>章</th><th>已答</th><th>答对</th></tr></thead><tbody></tbody></table>"
        )
    note = NOSCRIPT[mode]
    noscript = f'<p class="px-quiz__nojs">{escape(note)}</p>' if note else ""
    return Markup(
        f'<section class="px-quiz" data-quiz="{escape(mode)}" data-size="{escape(exam_size)}"'
        f" data-search-exclude>{noscript}{extra}"
        f'<p class="px-quiz__score" hidden></p>{breakdown}{body}</section>'
    )
