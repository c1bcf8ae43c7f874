"""A sheet as HTML (the page, and through it the PDF): fields in the declared order.

Each field is one ``[data-field]`` block that print.css keeps on one page; blank fields are
ruled lines to write on. Every piece of content is escaped by markupsafe.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from peixun.handouts.page import page_header_css
from peixun.records.fields import SIGN_DATE, SPEAKER, RecordField, groups
from peixun.records.sheet import Group, Sheet

SHEET_CLASS = "px-record"
HEADING = "学习记录（会议记录）"


def _rules(count: int) -> Markup:
    return Markup('<span class="px-record__rule"></span>') * count


def _blank() -> Markup:
    return Markup('<span class="px-record__blank"><span class="px-sr-only">留空待填</span></span>')


def _groups(found: Sequence[Group]) -> Markup:
    html = Markup("")
    for label, items in found:
        if not items:
            continue
        if label:
            html += Markup('<p class="px-record__group">{}</p>').format(label)
        html += Markup("<ol>{}</ol>").format(
            Markup("").join(Markup("<li>{}</li>").format(item) for item in items)
        )
    return html or Markup('<p class="px-record__none">（本课没有列出）</p>')


def _short(fields: Sequence[RecordField]) -> Markup:
    cells = Markup("").join(
        Markup(
            '<div class="px-record__cell" data-field="{label}"><dt>{label}</dt><dd>{blank}</dd></div>'
        ).format(label=f.label, blank=_blank())
        for f in fields
    )
    return Markup('<dl class="px-record__grid">{}</dl>').format(cells)


def _field(field: RecordField, sheet: Sheet) -> Markup:
    if field.kind == "sign":
        return Markup(
            '<p class="px-record__field px-record__sign" data-field="{label}">'
            "<strong>{label}：</strong>{blank}　<strong>{date}：</strong>{blank}</p>"
        ).format(label=field.label, date=SIGN_DATE, blank=_blank())
    if field.kind == "topic":
        body = Markup('<p class="px-record__topic">{}</p>').format(sheet.topic)
    elif field.kind == "points":
        body = _groups(sheet.points)
    elif field.kind == "questions":
        body = _groups(sheet.questions)
    elif field.kind == "speakers":
        speaker = Markup(
            '<div class="px-record__speaker"><p>{who}：{blank}</p>{rules}</div>'
        ).format(who=SPEAKER, blank=_blank(), rules=_rules(field.rows))
        body = speaker * field.speakers
    else:
        body = Markup('<div class="px-record__lines">{}</div>').format(_rules(field.rows))
    filled = " px-record__field--filled" if field.kind in ("topic", "points", "questions") else ""
    return Markup(
        '<section class="px-record__field{filled}" data-field="{label}">'
        '<h2 class="px-record__label">{label}</h2>{body}</section>'
    ).format(filled=filled, label=field.label, body=body)


def sheet_html(sheet: Sheet, fields: Sequence[RecordField]) -> Markup:
    """The sheet: its heading, what it is for, then every field."""
    scope = " · ".join(x for x in (sheet.course, sheet.chapter, sheet.lesson) if x)
    blocks = Markup("").join(
        _short(group) if group[0].kind == "short" else _field(group[0], sheet)
        for group in groups(list(fields))
    )
    return Markup(
        '<div class="{cls}" data-record data-course="{course}" data-title="{title}">'
        "{header}"
        '<h1 class="px-record__heading">{heading}</h1>'
        '<p class="px-record__scope">{scope}</p>{blocks}</div>'
    ).format(
        cls=SHEET_CLASS,
        course=sheet.course,
        title=sheet.title,
        header=page_header_css(sheet.course, sheet.title),
        heading=HEADING,
        scope=scope,
        blocks=blocks,
    )
