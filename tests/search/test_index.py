"""The search index of the built course: segmentation, what is in it, and its weights."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from peixun.search.queryset import load_queries, to_location
from peixun.search.ranking import PAGE_ENTRY
from peixun.search.split_index import read_split
from tests.sitebuild import build

QUERIES = Path(__file__).with_name("queries.yml")
HEADING_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"')


def _index(site: Path) -> dict[str, Any]:
    """Material's index file (its config) with the documents of peixun's split index."""
    data: dict[str, Any] = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert data["docs"] == []  # the documents are in the split index only
    return {**data, "docs": read_split(site)}


def _tokens(index: dict[str, Any]) -> set[str]:
    separator = re.compile(index["config"]["separator"])
    tokens: set[str] = set()
    for doc in index["docs"]:
        for field in ("title", "text"):
            tokens.update(t for t in separator.split(re.sub("<[^>]*>", " ", doc[field])) if t)
    return tokens


def _plain(text: str) -> str:
    return re.sub("<[^>]*>", "", text).replace("\u200b", "")


def test_separator_splits_chinese_punctuation_and_keeps_the_word_breaks(built_site: Path) -> None:
    separator = re.compile(_index(built_site)["config"]["separator"])
    assert separator.split("支部\u200b书记") == ["支部", "书记"]
    for mark in "，。、；：？！“”‘’（）《》…":
        assert separator.split(f"班子{mark}团结") == ["班子", "团结"], mark
    assert separator.split("2.5") == ["2.5"]  # decimals stay whole


def test_course_terms_are_whole_words_in_the_index(built_site: Path) -> None:
    tokens = _tokens(_index(built_site))
    assert {"民主集中制", "三会一课", "求实四问", "五个必访", "四个带好头"} <= tokens


def test_every_result_is_a_heading_of_a_page_written_in_docs(built_site: Path, root: Path) -> None:
    """Generated pages (handouts, exams, progress…) and quiz markup are not searchable."""
    written = {
        to_location(p.relative_to(root / "docs").as_posix()) for p in (root / "docs").rglob("*.md")
    }
    for doc in _index(built_site)["docs"]:
        page, _, anchor = doc["location"].partition("#")
        page = page or "index.html"
        assert page in written, f"{doc['location']} 不是 docs/ 里的页面"
        if anchor:
            html = (built_site / page).read_text(encoding="utf-8")
            assert anchor in HEADING_ID.findall(html), f"{doc['location']} 不是标题"


def test_quiz_questions_and_explanations_are_not_in_the_index(built_site: Path, root: Path) -> None:
    """Guards the quiz markup (data-search-exclude) once the quizzes are shown in lessons."""
    text = "\n".join(_plain(doc["title"] + doc["text"]) for doc in _index(built_site)["docs"])
    banks = sorted((root / "quizzes").rglob("*.yml"))
    assert banks
    for bank in banks:
        data = yaml.safe_load(bank.read_text(encoding="utf-8")) or {}
        for question in data.get("questions", []):
            # A true/false statement may quote the lesson word for word; other stems and the
            # explanations are written for the quiz only.
            fields = (
                ("explanation",) if question.get("type") == "truefalse" else ("stem", "explanation")
            )
            for field in fields:
                value = question.get(field)
                if isinstance(value, str):
                    assert value not in text, (
                        f"{bank.name} {question.get('id')} 的 {field} 进了搜索"
                    )


def test_pages_and_framing_sections_weigh_less_than_teaching_sections(built_site: Path) -> None:
    boosts = {doc["location"]: doc.get("boost", 1.0) for doc in _index(built_site)["docs"]}
    lesson = "01-juese-renzhi/01-diwei-zuoyong.html"
    assert boosts[lesson] == pytest.approx(PAGE_ENTRY)
    assert boosts[f"{lesson}#zhibu-diwei"] == 1.0
    assert boosts[f"{lesson}#mubiao"] < 1.0
    assert boosts[f"{lesson}#yaodian"] < 1.0


def test_query_set_is_realistic_and_points_at_real_sections(built_site: Path) -> None:
    queries = load_queries(QUERIES)
    assert len(queries) >= 120
    assert {q.kind for q in queries} == {"term", "question", "partial", "lay", "pinyin"}
    assert all(" " not in q.query for q in queries), "查询按学员习惯不带空格"
    locations = {doc["location"] for doc in _index(built_site)["docs"]}
    stale = [
        f"{q.query} → {target}"
        for q in queries
        for target in q.expect
        if to_location(target) not in locations
    ]
    assert stale == [], "tests/search/queries.yml 中这些小节已不存在：" + "；".join(stale)


def test_a_definition_without_a_term_stops_the_build_cleanly(fixture_project: Path) -> None:
    glossary = fixture_project / "docs" / "glossary.md"
    glossary.write_text("---\ntitle: 术语表\n---\n\n:   没有术语的释义\n", encoding="utf-8")
    result = build(fixture_project)
    assert result.returncode != 0
    assert "docs/glossary.md 第 5 行" in result.output
    assert "上面没有术语" in result.output
    assert "Traceback" not in result.output


def test_markup_marked_data_search_exclude_stays_out_of_the_index(fixture_project: Path) -> None:
    """The contract quiz markup relies on: shown on the page, absent from search."""
    lesson = fixture_project / "docs" / "01-diyi-zhang" / "01-xuexi-huanjie.md"
    marker = "自测答案示例甲乙丙"
    lesson.write_text(
        lesson.read_text(encoding="utf-8")
        + f'\n\n<div class="quiz" data-search-exclude markdown>\n\n{marker}\n\n</div>\n',
        encoding="utf-8",
    )
    result = build(fixture_project)
    assert result.returncode == 0, result.output
    page = result.site / "01-diyi-zhang" / "01-xuexi-huanjie.html"
    assert marker in page.read_text(encoding="utf-8")
    indexed = "".join(_plain(doc["title"] + doc["text"]) for doc in _index(result.site)["docs"])
    assert "示例原文把学习分为三个环节" in indexed
    assert marker not in indexed


def test_index_files_are_plain_utf8_and_the_offline_copy_matches(built_site: Path) -> None:
    pages = sorted((built_site / "search" / "peixun" / "pages").glob("*.js"))
    raw = "".join(page.read_text(encoding="utf-8") for page in pages)
    assert "\\u" not in raw  # no escaped Chinese or word breaks
    assert "党支部" in raw
    stub = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert len(stub) < 2_000  # what the theme's page script still fetches: the config alone
    inline = (built_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert inline == f"var __index = {stub}"
