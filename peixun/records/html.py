"""A sheet as HTML (the page, and through it the PDF): fields in the declared order.

Each field is one ``[data-field]`` block that print.css keeps on one page; blank fields are
ruled lines to write on. Every piece of content is escaped by markupsafe.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from peixun.handouts.page import page_header_css
from peixun.records.fields import SIGN_DATE, SPEAKER, RecordField, groups
from peixun.records.sheet import Group, Sheet

SHEET_CLASS = "px-record"
HEADING = "学习记录（会议记录）"


def _rules(count: int) -> str:
    return '<span class="px-record__rule"></span>' * count


_BLANK = '<span class="px-record__blank"><span class="px-sr-only">留空待填</span></span>'


def _groups(found: Sequence[Group]) -> str:
    html = ""
    for label, items in found:
        if not items:
            continue
        if label:
            html += f'<p class="px-record__group">{escape(label)}</p>'
        html += "<ol>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ol>"
    return html or '<p class="px-record__none">（本课没有列出）</p>'


def _short(fields: Sequence[RecordField]) -> str:
    cells = "".join(
        f'<div class="px-record__cell" data-field="{label}"><dt>{label}</dt><dd>{_BLANK}</dd></div>'
        for label in (escape(f.label) for f in fields)
    )
    return f'<dl class="px-record__grid">{cells}</dl>'


def _field(field: RecordField, sheet: Sheet) -> str:
    label = escape(field.label)
    if field.kind == "sign":
        return (
            f'<p class="px-record__field px-record__sign" data-field="{label}">'
            f"<strong>{label}：</strong>{_BLANK}　<strong>{escape(SIGN_DATE)}：</strong>{_BLANK}</p>"
        )
    if field.kind == "topic":
        body = f'<p class="px-record__topic">{escape(sheet.topic)}</p>'
    elif field.kind == "points":
        body = _groups(sheet.points)
    elif field.kind == "questions":
        body = _groups(sheet.questions)
    elif field.kind == "speakers":
        speaker = (
            f'<div class="px-record__speaker"><p>{escape(SPEAKER)}：{_BLANK}</p>'
            f"{_rules(field.rows)}</div>"
        )
        body = speaker * field.speakers
    else:
        body = f'<div class="px-record__lines">{_rules(field.rows)}</div>'
    filled = " px-record__field--filled" if field.kind in ("topic", "points", "questions") else ""
    return (
        f'<section class="px-record__field{filled}" data-field="{label}">'
        f'<h2 class="px-record__label">{label}</h2>{body}</section>'
    )


def sheet_html(sheet: Sheet, fields: Sequence[RecordField]) -> Markup:
    """The sheet: its heading, what it is for, then every field.

    Built with escape() and str formatting, wrapped in Markup once: Markup.format's
    string.Formatter made this render twice as slow for the same bytes."""
    scope = " · ".join(x for x in (sheet.course, sheet.chapter, sheet.lesson) if x)
    blocks = "".join(
        _short(group) if group[0].kind == "short" else _field(group[0], sheet)
        for group in groups(list(fields))
    )
    return Markup(
        f'<div class="{escape(SHEET_CLASS)}" data-record data-course="{escape(sheet.course)}"'
        f' data-title="{escape(sheet.title)}">'
        f"{escape(page_header_css(sheet.course, sheet.title))}"
        f'<h1 class="px-record__heading">{escape(HEADING)}</h1>'
        f'<p class="px-record__scope">{escape(scope)}</p>{blocks}</div>'
    )
