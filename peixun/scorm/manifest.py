"""``imsmanifest.xml`` for SCORM 1.2 and SCORM 2004 (4th edition), built with ElementTree.

The organization follows the course: one item per chapter holding one item per lesson; the
exam is an item of its own after the chapters. Each lesson and the exam is a SCO (its page is
what the LMS launches); every other file of the site is listed once in a shared asset
resource that each SCO depends on.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import quote

VERSIONS = ("1.2", "2004")


@dataclass(frozen=True)
class Sco:
    """A page the LMS launches: a lesson or the exam."""

    key: str  # unique among the package's SCOs: a lesson id, or "exam"
    title: str
    href: str  # site-relative path of the page


@dataclass(frozen=True)
class Chapter:
    title: str
    key: str  # the chapter folder
    lessons: list[Sco] = field(default_factory=list)


@dataclass(frozen=True)
class Package:
    """What the manifest describes."""

    title: str
    identifier: str  # the course's storage namespace: stable across exports
    chapters: list[Chapter]
    exam: Sco | None
    files: list[str]  # every site-relative file path in the zip (the manifest excepted)
    pass_mark: int  # 0-100


@dataclass(frozen=True)
class _Dialect:
    cp: str
    adlcp: str
    schemaversion: str
    scormtype: str  # the attribute's name differs in case between the versions
    locations: str


XSI = "http://www.w3.org/2001/XMLSchema-instance"
IMSSS = "http://www.imsglobal.org/xsd/imsss"
DIALECTS = {
    "1.2": _Dialect(
        cp="http://www.imsproject.org/xsd/imscp_rootv1p1p2",
        adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2",
        schemaversion="1.2",
        scormtype="scormtype",
        locations="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
        "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd",
    ),
    "2004": _Dialect(
        cp="http://www.imsglobal.org/xsd/imscp_v1p1",
        adlcp="http://www.adlnet.org/xsd/adlcp_v1p3",
        schemaversion="2004 4th Edition",
        scormtype="scormType",
        locations="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd "
        "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
        "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd",
    ),
}
SHARED = "r-site"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def href(path: str) -> str:
    """A site path as a URI reference (file names may hold Chinese or spaces)."""
    return quote(path, safe="/")


def manifest_xml(package: Package, version: str) -> bytes:
    """The manifest as UTF-8 XML with a declaration."""
    d = DIALECTS[version]
    for prefix, uri in (("", d.cp), ("adlcp", d.adlcp), ("xsi", XSI), ("imsss", IMSSS)):
        ET.register_namespace(prefix, uri)

    def el(
        parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str
    ) -> ET.Element:
        name = tag if tag.startswith("{") else f"{{{d.cp}}}{tag}"
        node = ET.Element(name, attrs) if parent is None else ET.SubElement(parent, name, attrs)
        if text is not None:
            node.text = text
        return node

    root = el(None, "manifest", identifier=f"peixun-{package.identifier}", version="1")
    root.set(f"{{{XSI}}}schemaLocation", d.locations)
    metadata = el(root, "metadata")
    el(metadata, "schema", "ADL SCORM")
    el(metadata, "schemaversion", d.schemaversion)
    organizations = el(root, "organizations", default="org")
    organization = el(organizations, "organization", identifier="org")
    el(organization, "title", package.title)
    scos: list[Sco] = []
    for chapter in package.chapters:
        chapter_item = el(organization, "item", identifier=f"ch-{chapter.key}")
        el(chapter_item, "title", chapter.title)
        for lesson in chapter.lessons:
            item = el(
                chapter_item, "item", identifier=f"l-{lesson.key}", identifierref=f"r-{lesson.key}"
            )
            el(item, "title", lesson.title)
            scos.append(lesson)
    if package.exam is not None:
        exam = package.exam
        item = el(organization, "item", identifier="exam", identifierref=f"r-{exam.key}")
        el(item, "title", exam.title)
        _pass_mark(item, version, package.pass_mark, d)
        scos.append(exam)
    resources = el(root, "resources")
    for sco in scos:
        resource = el(
            resources, "resource", identifier=f"r-{sco.key}", type="webcontent", href=href(sco.href)
        )
        resource.set(f"{{{d.adlcp}}}{d.scormtype}", "sco")
        el(resource, "file", href=href(sco.href))
        el(resource, "dependency", identifierref=SHARED)
    shared = el(resources, "resource", identifier=SHARED, type="webcontent")
    shared.set(f"{{{d.adlcp}}}{d.scormtype}", "asset")
    launched = {sco.href for sco in scos}
    for path in package.files:
        if path not in launched:
            el(shared, "file", href=href(path))
    ET.indent(root)
    # The declaration written out in the common form: some LMS read it with a strict pattern.
    return DECLARATION + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"


def _pass_mark(item: ET.Element, version: str, pass_mark: int, d: _Dialect) -> None:
    """The course's pass mark, where each version's LMS reads it."""
    if version == "1.2":
        ET.SubElement(item, f"{{{d.adlcp}}}masteryscore").text = str(pass_mark)
        return
    sequencing = ET.SubElement(item, f"{{{IMSSS}}}sequencing")
    objectives = ET.SubElement(sequencing, f"{{{IMSSS}}}objectives")
    primary = ET.SubElement(
        objectives, f"{{{IMSSS}}}primaryObjective", objectiveID="pass", satisfiedByMeasure="true"
    )
    ET.SubElement(primary, f"{{{IMSSS}}}minNormalizedMeasure").text = f"{pass_mark / 100:g}"
