"""学习进度: the chart of each chapter, study time, the per-lesson tables, export and import.

The page is one of the quiz's generated pages (:mod:`peixun.quiz.pages` hands it over here);
quiz.js fills the tables, record-pages.js the chart and the time, record-exchange.js the
export and import. Nothing here holds a learner's data: it is all in the browser.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from peixun.course.model import Course
from peixun.quiz.model import Question

UrlFor = Callable[[str], str]  # docs-relative source path -> URL relative to the current page
Questions = dict[str, list[Question]]

NOJS = Markup('<p class="px-quiz__nojs">{}</p>').format(
    "学习进度需要浏览器启用 JavaScript（学习记录保存在本机浏览器中）。"
)


def _bar(kind: str, label: str) -> Markup:
    """One bar: its name, the bar itself (decoration only) and the value in words."""
    return Markup(
        '<div class="px-chart__bar"><span class="px-chart__label">{label}</span>'
        '<span class="px-chart__track" aria-hidden="true">'
        '<span class="px-chart__fill px-chart__fill--{kind}" data-fill="{kind}"></span></span>'
        '<span class="px-chart__value" data-value="{kind}">–</span></div>'
    ).format(kind=kind, label=label)


def chart_html(course: Course, url_for: UrlFor) -> Markup:
    """Per chapter: lessons finished and the self-test score, as bars with their values."""
    rows = Markup("").join(
        Markup(
            '<li class="px-chart__row" data-chapter="{id}"><a href="{url}">{title}</a>{done}{score}</li>'
        ).format(
            id=chapter.folder,
            url=url_for(chapter.index_path),
            title=chapter.title,
            done=_bar("done", "完成"),
            score=_bar("score", "得分"),
        )
        for chapter in course.chapters
    )
    return Markup(
        '<div class="px-record" data-px-chart data-search-exclude>{nojs}'
        '<h2 id="xueshi">学习时间</h2><p data-px-hours>–</p>'
        '<h2 id="gezhang">各章完成情况</h2>'
        '<p class="px-chart__key">“完成”是读完并做完自测的课数；“得分”是本章全部自测题答对的比例，'
        "未答的题不得分。</p>"
        '<ul class="px-chart">{rows}</ul></div>'
    ).format(rows=rows, nojs=NOJS)


def exchange_html() -> Markup:
    """导出学习记录 / 导入学习记录, worked by record-exchange.js."""
    return Markup(
        '<div class="px-record px-exchange" data-px-exchange data-search-exclude>'
        '<h2 id="daochu">导出与导入学习记录</h2>'
        "<p>学习记录只保存在这台设备的这个浏览器里。导出的文件可以在另一台设备上导入，"
        "也可以交给支部书记汇总。导入时，同一条记录保留较新的一份，本机已有的记录不会丢失。</p>"
        '<p class="px-exchange__actions">'
        '<button type="button" class="md-button md-button--primary" data-px-action="export">'
        "导出学习记录</button> "
        '<button type="button" class="md-button" data-px-action="import">导入学习记录</button>'
        '<input type="file" accept=".json,application/json" data-px-import hidden '
        'aria-label="选择要导入的学习记录文件"></p>'
        '<p class="px-exchange__status" role="status" data-px-status></p></div>'
    )


def tables_html(course: Course, questions: Questions, url_for: UrlFor) -> Markup:
    """A table per chapter: each lesson's answered and correct counts, filled in by quiz.js
    from the course map."""
    blocks = Markup("")
    for chapter in course.chapters:
        rows = Markup("")
        for lesson in chapter.lessons:
            total = len(questions.get(lesson.slug, []))
            # Only the lesson id: its questions, fingerprints and older keys are in the course
            # map (coursemap.py), which quiz.js reads; at 1,000 lessons they would weigh a MB.
            rows += Markup(
                '<tr data-lesson="{lesson}">'
                '<td><a href="{url}">{title}</a></td>'
                '<td data-cell="done">–</td><td data-cell="right">–</td><td>{total}</td></tr>'
            ).format(
                lesson=lesson.meta.id,
                url=url_for(lesson.src_path) + ("#zice" if total else ""),
                title=lesson.title,
                total=total,
            )
        blocks += Markup(
            '<table class="px-progress__chapter"><caption><a href="{url}">{title}</a>'
            '<span class="px-progress__sum" data-cell="chapter"></span></caption>'
            "<thead><tr><th>课文</th><th>已答</th><th>答对</th><th>题数</th></tr></thead>"
            "<tbody>{rows}</tbody></table>"
        ).format(url=url_for(chapter.index_path), title=chapter.title, rows=rows)
    return Markup(
        '<section class="px-progress" data-progress data-search-exclude>'
        '<h2 id="gekezice">各课自测</h2>'
        '<p class="px-progress__total" data-cell="total"></p>{blocks}'
        '<p><button type="button" class="md-button" data-action="forget" hidden>'
        "清除本机的全部答题记录</button></p></section>"
    ).format(blocks=blocks)


def progress_html(course: Course, questions: Questions, url_for: UrlFor) -> Markup:
    """The whole page body after its introduction."""
    return chart_html(course, url_for) + tables_html(course, questions, url_for) + exchange_html()
