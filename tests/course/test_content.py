"""This repository's own course: it passes every editorial check and its site names it."""

from __future__ import annotations

from pathlib import Path

from peixun.course.check import check_course
from peixun.course.glossary import load_glossary
from peixun.course.model import load_course
from tests.sitebuild import ROOT


def test_the_course_passes_every_editorial_check() -> None:
    docs = ROOT / "docs"
    course = load_course(docs, ROOT / "sources")
    problems = check_course(course, load_glossary(docs), "docs/glossary.md")
    assert [str(p) for p in problems] == []


def test_glossary_is_read_from_the_course(root: Path) -> None:
    terms = load_glossary(root / "docs")
    assert len({t.term for t in terms}) == len(terms)


def test_home_page_names_the_course(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert (
        "<title>首页 - 党支部书记履职能力培训</title>" in html or "党支部书记履职能力培训" in html
    )
