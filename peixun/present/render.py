"""The presentation as HTML: a root ``[data-present]`` holding one ``[data-slide]`` a screen.

Testability contract (issue 13; present.js keeps it): the showing screen has
``aria-current="step"``; the points revealed one by one are ``[data-step]``; a self-check
answer sits in ``[data-reveal]`` whose ``data-state`` turns from ``hidden`` to ``shown``.
Every piece of content is escaped by markupsafe. Without JavaScript the screens stand one
under the other as a plain page.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from peixun.handouts.paper import LETTERS, PaperQuestion, answer_with_letters
from peixun.present.screens import Screen
from peixun.quiz.model import BLANK, TYPE_NAMES

TIMER_MINUTES = (3, 5, 10, 15)
"""The discussion countdown's choices, in minutes."""
TIMER_DEFAULT = 5
BLANK_SHOWN = "＿＿＿＿"


def _steps(screen: Screen) -> str:
    items = "".join(
        "<li data-step>"
        + "".join(
            f'<span class="px-present__point px-present__point--{escape(point.style)} '
            f'px-present__point--l{escape(point.level)}">{escape(point.text)}</span>'
            for point in group
        )
        + "</li>"
        for group in screen.steps
    )
    return f'<ul class="px-present__points">{items}</ul>' if items else ""


def _timer(number: int) -> str:
    options = "".join(
        f'<option value="{m}"{" selected" if m == TIMER_DEFAULT else ""}>{m} 分钟</option>'
        for m in TIMER_MINUTES
    )
    return (
        '<div class="px-present__timer" data-timer data-state="idle">'
        f'<label>讨论计时 <select data-timer-minutes id="px-timer-{escape(number)}">{options}'
        "</select></label> "
        '<button type="button" class="md-button" data-action="timer">开始计时</button> '
        '<button type="button" class="md-button" data-action="timer-reset">重新计时</button>'
        '<p class="px-present__clock" role="timer" aria-label="剩余时间" data-timer-clock>'
        f"{TIMER_DEFAULT:02d}:00</p>"
        '<div class="px-present__timer-bar" aria-hidden="true"><span data-timer-bar></span></div>'
        '<p class="px-sr-only" aria-live="polite" data-timer-status></p>'
        "</div>"
    )


def _stem(paper: PaperQuestion) -> str:
    q = paper.question
    stem = BLANK_SHOWN.join(escape(piece) for piece in BLANK.split(q.stem))
    return (
        '<p class="px-present__stem"><span class="px-present__type">'
        f"〔{escape(TYPE_NAMES[q.type])}〕</span>{stem}</p>"
    )


def _quiz(paper: PaperQuestion, number: int) -> str:
    texts = [o.text for o in paper.options] or list(paper.items)
    choices = "".join(
        f"<li>{escape(LETTERS[i])}．{escape(text)}</li>" for i, text in enumerate(texts)
    )
    listed = f'<ol class="px-present__choices">{choices}</ol>' if texts else ""
    answer_id = escape(f"px-answer-{number}")
    return (
        f"{_stem(paper)}{listed}"
        '<p><button type="button" class="md-button md-button--primary" data-action="reveal" '
        f'aria-expanded="false" aria-controls="{answer_id}">显示答案</button></p>'
        f'<div class="px-present__answer" id="{answer_id}" data-reveal data-state="hidden">'
        f"<p><strong>答案：</strong>{escape(answer_with_letters(paper))}</p>"
        f"<p><strong>解析：</strong>{escape(paper.question.explanation)}</p></div>"
    )


def _slide(screen: Screen, number: int, total: int) -> str:
    slide = screen.slide
    kind = "quiz" if screen.quiz else slide.kind
    heading = "h1" if number == 1 else "h2"
    title = f'<{heading} class="px-present__title">{escape(slide.title)}</{heading}>'
    if slide.kind in ("title", "lesson"):
        body = "".join(
            f'<p class="px-present__subtitle">{escape(line)}</p>' for line in slide.subtitle
        )
    elif screen.quiz is not None:
        body = _quiz(screen.quiz, number)
    elif slide.kind == "question":
        text = "".join(escape(point.text) for point in slide.points)
        body = f'<p class="px-present__question">{text}</p>{_timer(number)}'
    else:
        body = _steps(screen)
    return (
        f'<section class="px-present__slide px-present__slide--{escape(kind)}" data-slide '
        f'aria-roledescription="幻灯片" aria-label="第 {escape(number)} / {escape(total)} 屏">'
        f"{title}{body}</section>"
    )


def presentation_html(screens: Sequence[Screen], title: str, back: str) -> Markup:
    """The whole view; ``back`` is the page Esc returns to (a URL relative to this page).

    Built with escape() and str formatting, wrapped in Markup once: Markup.format's
    string.Formatter made this render twice as slow for the same bytes."""
    total = len(screens)
    slides = "".join(_slide(s, n, total) for n, s in enumerate(screens, start=1))
    back = escape(back)
    return Markup(
        f'<div class="px-present" data-present data-scheme="light" data-back="{back}" '
        f'data-search-exclude role="region" aria-label="演示：{escape(title)}" tabindex="-1">'
        '<p class="px-present__help">演示：→ ↓ 空格 PageDown 下一步，← ↑ PageUp 上一步，'
        "Home 第一屏，End 最后一屏，F 全屏，Esc 退出。</p>"
        f"{slides}"
        '<nav class="px-present__bar" aria-label="演示控制">'
        f'<a class="px-present__leave" href="{back}" data-action="leave">退出演示</a>'
        '<button type="button" data-action="prev">上一步</button>'
        f'<span class="px-present__progress" data-progress-text>1 / {escape(total)}</span>'
        '<button type="button" data-action="next">下一步</button>'
        '<button type="button" data-action="fullscreen">全屏</button>'
        '<button type="button" data-action="scheme" aria-pressed="false">深色</button>'
        "</nav>"
        '<p class="px-sr-only" aria-live="polite" data-announce></p>'
        "</div>"
    )
