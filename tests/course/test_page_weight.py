"""Page weight: no page of this course over 300 KB of HTML; the exam, chapter tests and wrong
book hold no question (each chapter's questions are one script, loaded when needed)."""

from __future__ import annotations

from pathlib import Path

from peixun.course.model import load_course
from tests.sitebuild import ROOT

LIMIT = 300_000


def test_no_page_over_300_kb(built_site: Path) -> None:
    heavy = {
        str(p.relative_to(built_site)): p.stat().st_size
        for p in built_site.rglob("*.html")
        if p.stat().st_size > LIMIT
    }
    assert heavy == {}


def test_exam_chapter_tests_and_wrong_book_embed_no_question(built_site: Path) -> None:
    chapters = load_course(ROOT / "docs", ROOT / "sources").chapters
    pages = ["zonghe-ceping.html", "cuoti-ben.html"]
    pages += [f"{c.folder}/zhangjie-ceshi.html" for c in chapters]
    for name in pages:
        html = (built_site / name).read_text("utf-8")
        assert "data-question=" not in html, name
        assert "px-quiz__solution" not in html, name
    for chapter in chapters:
        script = built_site / "assets" / "peixun" / "questions" / f"{chapter.folder}.js"
        assert "data-question=" in script.read_text("utf-8"), chapter.folder
