"""Moodle XML (https://docs.moodle.org/en/Moodle_XML_format), built with xml.etree.

single/multiple -> ``multichoice``; truefalse -> ``truefalse``; fill with one blank ->
``shortanswer``, with several -> ``multianswer`` (Cloze); order -> ``ordering`` (core
since Moodle 4.4, the qtype_ordering plugin before). Text goes in as escaped HTML.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from peixun.exchange.gather import Item
from peixun.quiz.model import BLANK, Question

_CLOZE_SPECIAL = re.compile(r'([}#~/"\\])')


def _fraction(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _html(parent: ET.Element, tag: str, markup: str) -> ET.Element:
    """``<tag format="html"><text>markup</text></tag>``; the XML escaping is ElementTree's."""
    element = ET.SubElement(parent, tag, format="html")
    ET.SubElement(element, "text").text = markup
    return element


def _text(parent: ET.Element, tag: str, text: str, *, as_html: bool = True) -> ET.Element:
    if as_html:
        return _html(parent, tag, html.escape(text))
    element = ET.SubElement(parent, tag)
    ET.SubElement(element, "text").text = text
    return element


def _cloze_answer(text: str) -> str:
    return _CLOZE_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _answer(parent: ET.Element, fraction: float, text: str, feedback: str | None = None) -> None:
    answer = _text(parent, "answer", text)
    answer.set("fraction", _fraction(fraction))
    if feedback:
        _text(answer, "feedback", feedback)


def _cloze(question: Question) -> str:
    """The stem with each ____ replaced by a Cloze short-answer field, all as HTML."""
    parts = BLANK.split(question.stem)
    out = [html.escape(parts[0])]
    for accepted, rest in zip(question.blanks or [], parts[1:], strict=True):
        field = "~".join(f"%100%{_cloze_answer(a)}" for a in accepted)
        out.append(f"{{1:SHORTANSWER:{field}}}{html.escape(rest)}")
    return "".join(out)


def _kind(q: Question) -> str:
    if q.type in ("single", "multiple"):
        return "multichoice"
    if q.type == "fill":
        return "shortanswer" if len(q.blanks or ()) == 1 else "multianswer"
    return {"truefalse": "truefalse", "order": "ordering"}[q.type]


def _question(quiz: ET.Element, q: Question) -> None:
    kind = _kind(q)
    element = ET.SubElement(quiz, "question", type=kind)
    _text(element, "name", q.id, as_html=False)
    if kind == "multianswer":
        _html(element, "questiontext", _cloze(q))
    else:
        _text(element, "questiontext", q.stem)
    _text(element, "generalfeedback", q.explanation)
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "idnumber").text = q.id
    if q.options is not None:
        ET.SubElement(element, "single").text = "true" if q.type == "single" else "false"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "ABCD"
        right = sum(o.correct for o in q.options)
        wrong = len(q.options) - right
        for o in q.options:
            fraction = 100 / right if o.correct else (0 if q.type == "single" else -100 / wrong)
            _answer(element, fraction, o.text, o.feedback)
    elif q.answer is not None:
        _answer(element, 100 if q.answer else 0, "true")
        _answer(element, 0 if q.answer else 100, "false")
    elif kind == "shortanswer":
        ET.SubElement(element, "usecase").text = "0"
        for accepted in (q.blanks or [[]])[0]:
            _answer(element, 100, accepted)
    elif q.items is not None:
        for tag, value in (
            ("layouttype", "VERTICAL"),
            ("selecttype", "ALL"),
            ("selectcount", "0"),
            ("gradingtype", "ABSOLUTE_POSITION"),
            ("showgrading", "SHOW"),
            ("numberingstyle", "none"),
        ):
            ET.SubElement(element, tag).text = value
        # The ordering type keeps the correct order in each answer's fraction (1, 2, 3, ...);
        # Moodle shuffles the items for the learner.
        for position, item in enumerate(q.items, start=1):
            _answer(element, position, item)
    if q.tags:
        tags = ET.SubElement(element, "tags")
        for tag in q.tags:
            _text(tags, "tag", tag, as_html=False)


def to_moodle_xml(items: list[Item]) -> tuple[bytes, list[str]]:
    """The ``<quiz>`` document, one category per lesson; every type fits (nothing left out)."""
    quiz = ET.Element("quiz")
    lesson = ""
    for item in items:
        if item.lesson != lesson:
            lesson = item.lesson
            category = ET.SubElement(quiz, "question", type="category")
            _text(category, "category", f"$course$/top/peixun/{lesson}", as_html=False)
        _question(quiz, item.question)
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True), []
