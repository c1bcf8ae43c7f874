"""Moodle XML per question type, and the QTI 2.1 package's structure."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from peixun.exchange.gather import Item
from peixun.exchange.moodle_xml import to_moodle_xml
from peixun.exchange.qti import QTI, identifier, write_qti
from peixun.quiz.model import Question

KINDS = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse"}
KINDS |= {"order": "ordering"}


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path)
    assert found is not None, path
    return found.text or ""


def _moodle(items: list[Item]) -> list[ET.Element]:
    data, skipped = to_moodle_xml(items)
    assert skipped == []
    root = ET.fromstring(data)  # well-formed, or this raises
    assert root.tag == "quiz"
    return [q for q in root.findall("question") if q.get("type") != "category"]


def test_moodle_xml_every_type(items: list[Item]) -> None:
    questions = _moodle(items)
    assert len(questions) == len(items)
    for item, element in zip(items, questions, strict=True):
        q = item.question
        fill_kind = "shortanswer" if len(q.blanks or ()) == 1 else "multianswer"
        assert element.get("type") == KINDS.get(q.type, fill_kind)
        assert _text(element, "name/text") == q.id
        assert html.unescape(_text(element, "generalfeedback/text")) == q.explanation
        answers = element.findall("answer")
        if q.options is not None:
            assert _text(element, "single") == ("true" if q.type == "single" else "false")
            right = [
                html.unescape(_text(a, "text"))
                for a in answers
                if float(a.get("fraction", "0")) > 0
            ]
            assert right == [o.text for o in q.options if o.correct]
            total = sum(
                float(a.get("fraction", "0")) for a in answers if float(a.get("fraction", "0")) > 0
            )
            assert abs(total - 100) < 0.01
        elif q.type == "truefalse":
            right = [_text(a, "text") for a in answers if a.get("fraction") == "100"]
            assert right == ["true" if q.answer else "false"]
        elif q.type == "order":
            assert [html.unescape(_text(a, "text")) for a in answers] == q.items
            assert [a.get("fraction") for a in answers] == [
                str(n) for n in range(1, len(answers) + 1)
            ]
        elif fill_kind == "shortanswer":
            assert [html.unescape(_text(a, "text")) for a in answers] == (q.blanks or [[]])[0]
        else:
            stem = _text(element, "questiontext/text")
            assert stem.count("{1:SHORTANSWER:") == len(q.blanks or ())
        if q.type != "fill" or fill_kind == "shortanswer":
            assert html.unescape(_text(element, "questiontext/text")) == q.stem


def test_moodle_xml_escapes_markup() -> None:
    q = Question(
        id="biaoji",
        type="fill",
        stem="<b>党</b> & “____”与 ____",
        blanks=[["a}b", "c~d"], ["<i>"]],
        explanation="x < y",
        source="s",
    )
    (element,) = _moodle([Item("a/b", q)])
    stem = _text(element, "questiontext/text")
    assert "<b>" not in stem and "&lt;b&gt;" in stem
    assert "{1:SHORTANSWER:%100%a\\}b~%100%c\\~d}" in stem
    assert "{1:SHORTANSWER:%100%&lt;i&gt;}" in stem


def _q(tag: str) -> str:
    return f"{{{QTI}}}{tag}"


def test_qti_package_structure(items: list[Item], tmp_path: Path) -> None:
    path = tmp_path / "qti.zip"
    assert write_qti(items, path) == []
    with zipfile.ZipFile(path) as package:
        manifest = ET.fromstring(package.read("imsmanifest.xml"))
        cp = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
        resources = manifest.findall(f"{cp}resources/{cp}resource")
        assert len(resources) == len(items)
        for item, resource in zip(items, resources, strict=True):
            q = item.question
            assert resource.get("type") == "imsqti_item_xmlv2p1"
            element = ET.fromstring(package.read(resource.get("href", "")))
            assert element.tag == _q("assessmentItem")
            assert element.get("identifier") == identifier(item)
            assert element.get("adaptive") == "false" and element.get("timeDependent") == "false"
            children = [c.tag.removeprefix(f"{{{QTI}}}") for c in element]
            # The order the QTI 2.1 schema requires.
            first_outcome = children.index("outcomeDeclaration")
            assert set(children[:first_outcome]) == {"responseDeclaration"}
            assert children[first_outcome:] == [
                "outcomeDeclaration",
                "itemBody",
                "responseProcessing",
            ]
            body = element.find(_q("itemBody"))
            assert body is not None
            declarations = element.findall(_q("responseDeclaration"))
            values = [[v.text for v in d.iter(_q("value"))] for d in declarations]
            if q.type == "fill":
                entries = body.findall(f".//{_q('textEntryInteraction')}")
                assert len(entries) == len(declarations) == len(q.blanks or ())
                assert [d.get("baseType") for d in declarations] == ["string"] * len(entries)
                keys = [[m.get("mapKey") for m in d.iter(_q("mapEntry"))] for d in declarations]
                assert keys == q.blanks
                continue
            (declaration,) = declarations
            interaction = body.find(
                _q("orderInteraction" if q.type == "order" else "choiceInteraction")
            )
            assert interaction is not None
            assert _text(interaction, _q("prompt")) == q.stem
            choices = {c.get("identifier"): c.text for c in interaction.findall(_q("simpleChoice"))}
            picked = [choices[v] for v in values[0]]
            cardinality = {"single": "single", "truefalse": "single", "multiple": "multiple"}
            assert declaration.get("cardinality") == cardinality.get(q.type, "ordered")
            if q.options is not None:
                assert picked == [o.text for o in q.options if o.correct]
                assert interaction.get("maxChoices") == ("1" if q.type == "single" else "0")
            elif q.type == "truefalse":
                assert picked == ["正确" if q.answer else "错误"]
            else:
                assert picked == q.items
