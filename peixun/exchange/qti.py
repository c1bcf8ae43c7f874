"""IMS QTI 2.1: a content package (zip) with ``imsmanifest.xml`` and one item file per question.

single/multiple/truefalse -> ``choiceInteraction``; fill -> ``textEntryInteraction`` per blank
(every accepted answer mapped to a point); order -> ``orderInteraction``. The explanation
and the options' feedback go in a ``rubricBlock`` for tutors and scorers.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from peixun.exchange.gather import Item
from peixun.exchange.table import LETTERS, order_shown
from peixun.quiz.model import BLANK, Question

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def identifier(item: Item) -> str:
    """An identifier unique in the course that is also an XML name (no leading digit)."""
    return "item-" + re.sub(r"[^A-Za-z0-9-]", "-", f"{item.lesson}-{item.question.id}")


def _declare(
    item: ET.Element, name: str, cardinality: str, base: str, values: list[str]
) -> ET.Element:
    declaration = _sub(
        item, "responseDeclaration", identifier=name, cardinality=cardinality, baseType=base
    )
    correct = _sub(declaration, "correctResponse")
    for value in values:
        _sub(correct, "value", value)
    return declaration


def _choices(interaction: ET.Element, texts: list[str]) -> None:
    for letter, text in zip(LETTERS, texts, strict=False):
        _sub(interaction, "simpleChoice", text, identifier=letter)


def _body(element: ET.Element, q: Question) -> ET.Element:
    """Adds the response declarations to ``element`` and returns the item body."""
    body = ET.Element("itemBody")
    if q.options is not None:
        right = [LETTERS[i] for i, o in enumerate(q.options) if o.correct]
        single = q.type == "single"
        _declare(element, "RESPONSE", "single" if single else "multiple", "identifier", right)
        interaction = _sub(body, "choiceInteraction", responseIdentifier="RESPONSE")
        interaction.set("shuffle", "false")
        interaction.set("maxChoices", "1" if single else "0")
        _sub(interaction, "prompt", q.stem)
        _choices(interaction, [o.text for o in q.options])
        return body
    if q.answer is not None:
        _declare(element, "RESPONSE", "single", "identifier", ["A" if q.answer else "B"])
        interaction = _sub(body, "choiceInteraction", responseIdentifier="RESPONSE")
        interaction.set("shuffle", "false")
        interaction.set("maxChoices", "1")
        _sub(interaction, "prompt", q.stem)
        _choices(interaction, ["正确", "错误"])
        return body
    if q.items is not None:
        shown = order_shown(q)
        order = [LETTERS[shown.index(i)] for i in q.items]
        _declare(element, "RESPONSE", "ordered", "identifier", order)
        interaction = _sub(body, "orderInteraction", responseIdentifier="RESPONSE")
        interaction.set("shuffle", "false")
        _sub(interaction, "prompt", q.stem)
        _choices(interaction, shown)
        return body
    paragraph = _sub(body, "p")
    parts = BLANK.split(q.stem)
    paragraph.text = parts[0]
    for n, (accepted, rest) in enumerate(zip(q.blanks or [], parts[1:], strict=True), start=1):
        name = f"RESPONSE_{n}"
        declaration = _declare(element, name, "single", "string", accepted[:1])
        mapping = _sub(declaration, "mapping", defaultValue="0")
        for answer in accepted:
            _sub(mapping, "mapEntry", mapKey=answer, mappedValue="1", caseSensitive="true")
        blank = _sub(paragraph, "textEntryInteraction", responseIdentifier=name)
        blank.set("expectedLength", str(max(len(a) for a in accepted) + 2))
        blank.tail = rest
    return body


def item_xml(item: Item) -> ET.Element:
    """One ``assessmentItem``."""
    q = item.question
    # Names without a namespace and the xmlns written as attributes: the whole document is in
    # QTI's namespace (one default namespace, so ElementTree needs no prefix table).
    element = ET.Element("assessmentItem", {"xmlns": QTI, "xmlns:xsi": XSI})
    element.set(
        "xsi:schemaLocation",
        f"{QTI} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd",
    )
    element.set("identifier", identifier(item))
    element.set("title", q.id)
    element.set("adaptive", "false")
    element.set("timeDependent", "false")
    element.set("{http://www.w3.org/XML/1998/namespace}lang", "zh-CN")
    body = _body(element, q)
    score = _sub(element, "outcomeDeclaration", identifier="SCORE", cardinality="single")
    score.set("baseType", "float")
    _sub(_sub(score, "defaultValue"), "value", "0")
    element.append(body)
    rubric = _sub(body, "rubricBlock", view="scorer tutor")
    _sub(rubric, "p", f"解析：{q.explanation}")
    for letter, option in zip(LETTERS, q.options or [], strict=False):
        if option.feedback:
            _sub(rubric, "p", f"选 {letter}：{option.feedback}")
    if q.type == "fill":
        processing = _sub(element, "responseProcessing")
        total = _sub(_sub(processing, "setOutcomeValue", identifier="SCORE"), "sum")
        for n in range(1, len(q.blanks or ()) + 1):
            _sub(total, "mapResponse", identifier=f"RESPONSE_{n}")
    else:
        _sub(element, "responseProcessing", template=_MATCH_CORRECT)
    return element


def _manifest(names: list[tuple[str, str]]) -> ET.Element:
    manifest = ET.Element("manifest", {"xmlns": CP, "identifier": "MANIFEST-peixun"})
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "QTIv2.1 Package"
    ET.SubElement(metadata, "schemaversion").text = "1.0.0"
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    for name, href in names:
        resource = ET.SubElement(resources, "resource", identifier=name, href=href)
        resource.set("type", "imsqti_item_xmlv2p1")
        ET.SubElement(resource, "file", href=href)
    return manifest


def _bytes(element: ET.Element) -> bytes:
    ET.indent(element)
    data: bytes = ET.tostring(element, encoding="utf-8", xml_declaration=True)
    return data


def write_qti(items: list[Item], path: Path) -> list[str]:
    """The package at ``path``; every type fits QTI 2.1 (nothing left out)."""
    names: list[tuple[str, str]] = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for item in items:
            name = identifier(item)
            href = f"items/{name}.xml"
            package.writestr(href, _bytes(item_xml(item)))
            names.append((name, href))
        package.writestr("imsmanifest.xml", _bytes(_manifest(names)))
    return []
