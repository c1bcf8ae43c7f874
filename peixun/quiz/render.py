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

from markupsafe import Markup

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


def _legacy_positions(q: Question) -> Markup:
    """The attribute that lets quiz.js read answers saved when options were named by place."""
    if q.options is None:
        return Markup("")
    keys = json.dumps([o.key for o in q.options], separators=(",", ":"))
    return Markup(' {}="{}"').format(Markup(LEGACY_OPTIONS_ATTR), keys)


def _stem(q: Question) -> Markup:
    if q.type != "fill":
        return Markup("{}").format(q.stem)
    parts = BLANK.split(q.stem)
    out = Markup("{}").format(parts[0])
    for n, part in enumerate(parts[1:], start=1):
        out += Markup('<span class="px-quiz__blank">（{}）</span>{}').format(n, part)
    return out


def _choices(q: Question, lesson_id: str, name: str) -> Markup:
    if q.type == "truefalse":
        pairs = [("true", "正确"), ("false", "错误")]
        kind = "radio"
    else:
        pairs = [(o.key, o.text) for o in shown_options(lesson_id, q)]
        kind = "radio" if q.type == "single" else "checkbox"
    rows = Markup("").join(
        Markup(
            '<label class="px-quiz__option"><input type="{kind}" name="{name}" value="{value}">'
            " <span>{text}</span></label>"
        ).format(kind=kind, name=name, value=value, text=text)
        for value, text in pairs
    )
    return Markup('<div class="px-quiz__options">{}</div>').format(rows)


def _blanks(q: Question, name: str) -> Markup:
    rows = Markup("").join(
        Markup(
            '<label class="px-quiz__fill">第 {n} 空 <input type="text" name="{name}-{n}"'
            ' autocomplete="off" spellcheck="false"></label>'
        ).format(n=n, name=name)
        for n in range(1, len(q.blanks or []) + 1)
    )
    return Markup('<div class="px-quiz__fills">{}</div>').format(rows)


def _order(q: Question, lesson_id: str) -> Markup:
    items = q.items or []
    rows = Markup("").join(
        Markup('<li data-item="{i}"><span class="px-quiz__item">{text}</span></li>').format(
            i=i, text=items[i]
        )
        for i in shown_items(lesson_id, q)
    )
    return Markup('<ol class="px-quiz__order">{}</ol>').format(rows)


_RENDERED: Memo[Markup] = Memo()  # kept across mkdocs serve rebuilds (peixun.memo)


def question_html(entry: Entry, number: int, show_lesson: bool, hidden: bool = False) -> Markup:
    """One question as a fieldset, with its answer in a closed <details>."""
    return _RENDERED.get(
        lambda: _question_html(entry, number, show_lesson, hidden),
        entry,
        number,
        show_lesson,
        hidden,
    )


def _question_html(entry: Entry, number: int, show_lesson: bool, hidden: bool) -> Markup:
    q = entry.question
    name = dom_id(entry)
    if q.type == "fill":
        controls = _blanks(q, name)
    elif q.type == "order":
        controls = _order(q, entry.lesson_id)
    else:
        controls = _choices(q, entry.lesson_id, name)
    label = Markup('第 <span class="px-quiz__no">{n}</span> 题 · {kind}').format(
        n=number, kind=TYPE_NAMES[q.type]
    )
    if q.generated:
        label += Markup(' <span class="px-quiz__tag">自动生成</span>')
    origin = (
        Markup(
            '<p class="px-quiz__origin">出自：{chapter} · <a href="{url}">{lesson}</a></p>'
        ).format(
            chapter=entry.chapter_title,
            url=entry.source_href.split("#", 1)[0],
            lesson=entry.lesson_title,
        )
        if show_lesson
        else Markup("")
    )
    hint = Markup("（多选）") if q.type == "multiple" and "多选" not in q.stem else Markup("")
    return Markup(
        '<fieldset class="px-quiz__q" id="{id}" {qattr}="{qid}" data-type="{type}"'
        ' {lattr}="{lesson}" {vattr}="{legacy}" {fattr}="{fp}" data-chapter="{chapter}"'
        ' data-key="{key}"{positions}'
        "{hidden}>"
        '<legend><span class="px-quiz__label">{label}</span>'
        '<span class="px-quiz__stem">{stem}{hint}</span></legend>'
        "{origin}{controls}"
        '<div class="px-quiz__actions">'
        '<button type="button" class="md-button md-button--primary" data-action="submit" hidden>'
        "提交</button> "
        '<button type="button" class="md-button" data-action="retry" hidden>重做</button></div>'
        '<div class="px-quiz__feedback" role="status"></div>'
        '<details class="px-quiz__answer"><summary>答案与解析</summary>'
        '<div class="px-quiz__solution"><p><strong>答案：</strong>{answer}</p>'
        "<p>{explanation}</p>"
        '<p><a class="px-quiz__source" href="{href}">回看原文：{source}</a></p></div>'
        "</details></fieldset>"
    ).format(
        id=name,
        qattr=Markup(QUESTION_ATTR),
        qid=q.id,
        type=q.type,
        lattr=Markup(LESSON_ATTR),
        lesson=entry.lesson_id,
        vattr=Markup(LEGACY_ATTR),
        legacy=legacy_of(entry.lesson_slug, q),
        fattr=Markup(FINGERPRINT_ATTR),
        fp=fingerprint(q),
        chapter=entry.chapter_title,
        key=_key(q),
        positions=_legacy_positions(q),
        hidden=Markup(" hidden") if hidden else Markup(""),
        label=label,
        stem=_stem(q),
        hint=hint,
        origin=origin,
        controls=controls,
        answer=answer_text(in_shown_order(entry.lesson_id, q)),
        explanation=q.explanation,
        href=entry.source_href,
        source=entry.source_title,
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
    body = Markup("").join(
        question_html(entry, n, show_lesson, hidden) for n, entry in enumerate(entries, start=1)
    )
    extra = Markup("")
    if mode == "exam":
        extra = Markup(
            '<p class="px-quiz__controls"><button type="button" class="md-button" '
            'data-action="draw" hidden>重新抽题</button></p>'
        )
    elif mode == "wrong":
        extra = Markup(
            '<p class="px-quiz__empty" hidden>暂无错题。做过的题答错后会出现在这里。</p>'
        )
    breakdown = Markup("")
    if mode == "exam":
        breakdown = Markup(
            '<table class="px-quiz__breakdown" hidden><caption>各章得分</caption>'
            "<thead><tr><th>章</th><th>已答</th><th>答对</th></tr></thead><tbody></tbody></table>"
        )
    note = NOSCRIPT[mode]
    noscript = Markup('<p class="px-quiz__nojs">{}</p>').format(note) if note else Markup("")
    return Markup(
        '<section class="px-quiz" data-quiz="{mode}" data-size="{size}" data-search-exclude>'
        "{noscript}{extra}"
        '<p class="px-quiz__score" hidden></p>{breakdown}{body}</section>'
    ).format(
        mode=mode,
        size=exam_size,
        noscript=noscript,
        extra=extra,
        breakdown=breakdown,
        body=body,
    )
