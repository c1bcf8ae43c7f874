"""The 综合测评, 本章测验 and 错题本 pages: a frame that exam.js and review.js fill in.

None of them holds a question. Each names the chapters it may need (``data-chapters``: id,
title, the URL of the chapter's question script, its lessons and how many questions it has of
each type and difficulty); the scripts load the chapters they need through
``window.peixun.loadQuestions`` (:mod:`peixun.quiz.contract`). So a page stays small however
large the course, and the draw can be made from the counts before any question is loaded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Literal

from markupsafe import Markup

from peixun.course.model import Chapter
from peixun.course.settings import ExamSettings
from peixun.quiz.contract import script_json
from peixun.quiz.model import Question

Questions = dict[str, list[Question]]
ExamKind = Literal["exam", "chapter"]

EXAM_ID = "zonghe"
"""The 综合测评's id in saved records (``_exam:paper:zonghe``); a chapter's test uses the
chapter folder, which starts with its number, so the two never meet."""


def chapter_info(
    chapters: Iterable[Chapter], questions: Questions, data_url: Callable[[Chapter], str]
) -> list[dict[str, object]]:
    """What the page says about each chapter that has questions (``data-chapters``)."""
    info: list[dict[str, object]] = []
    for chapter in chapters:
        cells: Counter[tuple[str, int]] = Counter(
            (q.type, q.difficulty or 0)
            for lesson in chapter.lessons
            for q in questions.get(lesson.slug, [])
        )
        if not cells:
            continue
        info.append(
            {
                "id": chapter.folder,
                "title": chapter.title,
                "src": data_url(chapter),
                "lessons": [lesson.meta.id for lesson in chapter.lessons],
                "cells": [[kind, level, n] for (kind, level), n in sorted(cells.items())],
            }
        )
    return info


def _quota(exam: ExamSettings, size: int | None) -> dict[str, object]:
    if size is not None:  # a chapter test: the whole chapter, no quotas
        return {"size": size, "chapters": {}, "types": {}, "difficulty": {}}
    return {
        "size": exam.size,
        "chapters": exam.chapters,
        "types": exam.types,
        "difficulty": {str(k): v for k, v in exam.difficulty.items()},
    }


def exam_html(
    kind: ExamKind,
    exam_id: str,
    info: list[dict[str, object]],
    exam: ExamSettings,
    size: int | None = None,
) -> Markup:
    """The exam frame: rules, start buttons, an empty paper and result, the attempts table."""
    minutes = exam.chapter_time_limit if kind == "chapter" else exam.time_limit
    return Markup(
        '<section class="px-exam" data-exam="{id}" data-kind="{kind}" data-chapters="{chapters}"'
        ' data-quota="{quota}" data-pass="{pass_mark}" data-minutes="{minutes}"'
        " data-search-exclude>"
        '<p class="px-quiz__nojs">{nojs}</p>'
        '<div class="px-exam__intro" data-part="intro" hidden>'
        '<p class="px-exam__rules" data-rules></p>'
        '<p class="px-exam__start">'
        '<button type="button" class="md-button md-button--primary" data-action="start">'
        "开始考试</button>{practice}</p></div>"
        '<div class="px-exam__status" role="status" data-status></div>'
        '<div class="px-exam__result" data-part="result" hidden></div>'
        '<div class="px-exam__paper" data-part="paper" hidden></div>'
        '<div class="px-exam__attempts" data-part="attempts" hidden></div>'
        "</section>"
    ).format(
        id=exam_id,
        kind=kind,
        chapters=script_json(info),
        quota=script_json(_quota(exam, size)),
        pass_mark=exam.pass_mark,
        minutes=minutes,
        nojs="测验需要浏览器启用 JavaScript 才能抽题、计分（答题记录保存在本机浏览器中）。"
        "也可以打印各章讲义，做讲义后面的纸上练习。",
        practice=Markup(
            ' <button type="button" class="md-button" data-action="practice">逐题练习</button>'
        )
        if kind == "chapter"
        else Markup(""),
    )


def review_html(info: list[dict[str, object]]) -> Markup:
    """The 错题本 frame: review.js lists the questions due, and all of them on request."""
    return Markup(
        '<section class="px-review" data-review data-chapters="{chapters}" data-search-exclude>'
        '<p class="px-quiz__nojs">错题本需要浏览器启用 JavaScript（答题记录保存在本机浏览器中）。</p>'
        '<p class="px-review__summary" role="status" data-summary></p>'
        '<p class="px-review__actions" data-part="actions" hidden>'
        '<button type="button" class="md-button" data-action="all">全部重做</button> '
        '<button type="button" class="md-button" data-action="print">打印错题清单</button></p>'
        '<p class="px-quiz__empty" hidden>暂无错题。做过的题答错后会出现在这里。</p>'
        '<div class="px-review__list" data-part="list"></div>'
        '<ol class="px-review__print" data-part="print"></ol>'
        "</section>"
    ).format(chapters=script_json(info))
