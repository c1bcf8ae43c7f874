"""学习计划: the page where a branch secretary lays the chapters over the months of a year.

One chapter a month, for the monthly 主题党日, in course order; dates, places and chairs are
left blank to fill in by hand. plan.js fills the months from the chosen start month and keeps
the choice in the browser (``_plan:`` records, :mod:`peixun.quiz.contract`). Without
JavaScript the page still lists every chapter in order, a month apiece.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from peixun.course.model import Course

PLAN_COLUMNS = ("月份", "学习内容", "日期", "地点", "主持人", "备注")
"""The table's columns; the first two are filled in, the rest are left blank."""
PLAN_KEY = "_plan:year"
"""The record the choice is saved under, after the course's storage prefix."""
MARKER = "<!-- peixun:plan -->"


def plan_markdown() -> str:
    """The page: its title, what it is for, and the marker the plan replaces."""
    return (
        "---\ntitle: 学习计划\nsearch:\n  exclude: true\n---\n\n"
        "按每月一次主题党日、每次学习一章排出年度学习计划：选好起始月份和要学的章节，"
        "下面的表格随即排好，日期、地点、主持人留空，打印后手填。选择只保存在本机的浏览器中。\n\n"
        f"{MARKER}\n"
    )


def _chapter_data(course: Course) -> list[dict[str, object]]:
    return [
        {"folder": c.folder, "title": c.title, "lessons": len(c.lessons)} for c in course.chapters
    ]


def _row(month: str, title: str, lessons: int) -> Markup:
    blanks = Markup("<td></td>") * (len(PLAN_COLUMNS) - 2)
    return Markup("<tr><td>{}</td><td>{}<small>（{} 课）</small></td>{}</tr>").format(
        month, title, lessons, blanks
    )


def plan_html(course: Course) -> Markup:
    """The chooser (screen only) and the plan table (printed)."""
    boxes = Markup("").join(
        Markup(
            '<li><label><input type="checkbox" value="{folder}" checked> {title}</label></li>'
        ).format(folder=c.folder, title=c.title)
        for c in course.chapters
    )
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(c) for c in PLAN_COLUMNS)
    rows = Markup("").join(
        _row(f"第 {n} 个月", c.title, len(c.lessons)) for n, c in enumerate(course.chapters, 1)
    )
    return Markup(
        '<div class="px-plan" data-plan data-key="{key}" data-chapters="{chapters}">'
        '<p class="px-plan__nojs">排月份、保存选择需要浏览器启用 JavaScript；'
        "下表按课程顺序每月一章列出全部章节。</p>"
        '<form class="px-plan__form" hidden>'
        '<p><label>起始月份 <input type="month" data-plan-start required></label></p>'
        "<fieldset><legend>要学的章节（每月一章，按课程顺序）</legend>"
        '<ul class="px-plan__chapters">{boxes}</ul>'
        '<p><button type="button" class="md-button" data-action="all">全选</button> '
        '<button type="button" class="md-button" data-action="none">全不选</button></p>'
        "</fieldset>"
        '<p><button type="button" class="md-button md-button--primary" data-action="print">'
        "打印学习计划</button></p>"
        '<p class="px-plan__status" aria-live="polite" data-plan-status></p>'
        "</form>"
        '<h2 class="px-plan__heading" data-plan-heading>主题党日学习计划</h2>'
        '<table class="px-plan__table"><caption class="px-sr-only">每月一章的学习安排</caption>'
        "<thead><tr>{head}</tr></thead><tbody data-plan-rows>{rows}</tbody></table>"
        "</div>"
    ).format(
        key=PLAN_KEY,
        chapters=json.dumps(_chapter_data(course), ensure_ascii=False),
        boxes=boxes,
        head=head,
        rows=rows,
    )
