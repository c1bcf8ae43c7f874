"""The presentation as HTML: a root ``[data-present]`` holding one ``[data-slide]`` a screen.

Testability contract (issue 13; present.js keeps it): the showing screen has
``aria-current="step"``; the points revealed one by one are ``[data-step]``; a self-check
answer sits in ``[data-reveal]`` whose ``data-state`` turns from ``hidden`` to ``shown``.
Every piece of content is escaped by markupsafe. Without JavaScript the screens stand one
under the other as a plain page.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from peixun.handouts.paper import LETTERS, PaperQuestion, answer_with_letters
from peixun.present.screens import Screen
from peixun.quiz.model import BLANK, TYPE_NAMES

TIMER_MINUTES = (3, 5, 10, 15)
"""The discussion countdown's choices, in minutes."""
TIMER_DEFAULT = 5
BLANK_SHOWN = "＿＿＿＿"


def _steps(screen: Screen) -> Markup:
    items = Markup("")
    for group in screen.steps:
        lines = Markup("").join(
            Markup(
                '<span class="px-present__point px-present__point--{style} '
                'px-present__point--l{level}">{text}</span>'
            ).format(style=point.style, level=point.level, text=point.text)
            for point in group
        )
        items += Markup("<li data-step>{}</li>").format(lines)
    return Markup('<ul class="px-present__points">{}</ul>').format(items) if items else items


def _timer(number: int) -> Markup:
    options = Markup("").join(
        Markup('<option value="{m}"{sel}>{m} 分钟</option>').format(
            m=m, sel=Markup(" selected") if m == TIMER_DEFAULT else ""
        )
        for m in TIMER_MINUTES
    )
    return Markup(
        '<div class="px-present__timer" data-timer data-state="idle">'
        '<label>讨论计时 <select data-timer-minutes id="px-timer-{n}">{options}</select></label> '
        '<button type="button" class="md-button" data-action="timer">开始计时</button> '
        '<button type="button" class="md-button" data-action="timer-reset">重新计时</button>'
        '<p class="px-present__clock" role="timer" aria-label="剩余时间" data-timer-clock>'
        "{m:02d}:00</p>"
        '<div class="px-present__timer-bar" aria-hidden="true"><span data-timer-bar></span></div>'
        '<p class="px-sr-only" aria-live="polite" data-timer-status></p>'
        "</div>"
    ).format(n=number, options=options, m=TIMER_DEFAULT)


def _stem(paper: PaperQuestion) -> Markup:
    q = paper.question
    stem = Markup(BLANK_SHOWN).join(Markup.escape(piece) for piece in BLANK.split(q.stem))
    return Markup(
        '<p class="px-present__stem"><span class="px-present__type">〔{}〕</span>{}</p>'
    ).format(TYPE_NAMES[q.type], stem)


def _quiz(paper: PaperQuestion, number: int) -> Markup:
    texts = [o.text for o in paper.options] or list(paper.items)
    choices = Markup("").join(
        Markup("<li>{}．{}</li>").format(LETTERS[i], text) for i, text in enumerate(texts)
    )
    listed = Markup('<ol class="px-present__choices">{}</ol>').format(choices) if texts else ""
    answer_id = f"px-answer-{number}"
    return Markup(
        "{stem}{listed}"
        '<p><button type="button" class="md-button md-button--primary" data-action="reveal" '
        'aria-expanded="false" aria-controls="{id}">显示答案</button></p>'
        '<div class="px-present__answer" id="{id}" data-reveal data-state="hidden">'
        "<p><strong>答案：</strong>{answer}</p><p><strong>解析：</strong>{explanation}</p></div>"
    ).format(
        stem=_stem(paper),
        listed=listed,
        id=answer_id,
        answer=answer_with_letters(paper),
        explanation=paper.question.explanation,
    )


def _slide(screen: Screen, number: int, total: int) -> Markup:
    slide = screen.slide
    kind = "quiz" if screen.quiz else slide.kind
    heading = "h1" if number == 1 else "h2"
    title = Markup('<{h} class="px-present__title">{t}</{h}>').format(
        h=Markup(heading), t=slide.title
    )
    if slide.kind in ("title", "lesson"):
        body = Markup("").join(
            Markup('<p class="px-present__subtitle">{}</p>').format(line) for line in slide.subtitle
        )
    elif screen.quiz is not None:
        body = _quiz(screen.quiz, number)
    elif slide.kind == "question":
        text = Markup("").join(point.text for point in slide.points)
        body = Markup('<p class="px-present__question">{}</p>{}').format(text, _timer(number))
    else:
        body = _steps(screen)
    return Markup(
        '<section class="px-present__slide px-present__slide--{kind}" data-slide '
        'aria-roledescription="幻灯片" aria-label="第 {n} / {total} 屏">{title}{body}</section>'
    ).format(kind=kind, n=number, total=total, title=title, body=body)


def presentation_html(screens: Sequence[Screen], title: str, back: str) -> Markup:
    """The whole view; ``back`` is the page Esc returns to (a URL relative to this page)."""
    total = len(screens)
    slides = Markup("").join(_slide(s, n, total) for n, s in enumerate(screens, start=1))
    return Markup(
        '<div class="px-present" data-present data-scheme="light" data-back="{back}" '
        'data-search-exclude role="region" aria-label="演示：{title}" tabindex="-1">'
        '<p class="px-present__help">演示：→ ↓ 空格 PageDown 下一步，← ↑ PageUp 上一步，'
        "Home 第一屏，End 最后一屏，F 全屏，Esc 退出。</p>"
        "{slides}"
        '<nav class="px-present__bar" aria-label="演示控制">'
        '<a class="px-present__leave" href="{back}" data-action="leave">退出演示</a>'
        '<button type="button" data-action="prev">上一步</button>'
        '<span class="px-present__progress" data-progress-text>1 / {total}</span>'
        '<button type="button" data-action="next">下一步</button>'
        '<button type="button" data-action="fullscreen">全屏</button>'
        '<button type="button" data-action="scheme" aria-pressed="false">深色</button>'
        "</nav>"
        '<p class="px-sr-only" aria-live="polite" data-announce></p>'
        "</div>"
    ).format(back=back, title=title, slides=slides, total=total)
