"""The words jieba keeps whole: from the glossary, the headings and quoted formulae."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest

from peixun.course.glossary import load_glossary, parse_glossary
from peixun.errors import ContentError
from peixun.search.jieba_words import load_words
from peixun.search.userdict import dictionary, formula_words, heading_words, userdict_text

GLOSSARY = """---
title: 术语表
---

民主集中制
:   原文称之为支部书记“手中的武器”。

求实四问
:   做任何工作之前都要问的四个问题。
:   第二条释义，仍属同一术语。

互联网+
:   原文在党建中使用的说法，
    这一行是释义的续行。

批评和自我批评
:   党的三大作风之一。
"""


def test_glossary_terms_are_read_with_their_lines(tmp_path: Path) -> None:
    terms = parse_glossary(GLOSSARY, "docs/glossary.md")
    assert [(t.term, t.line) for t in terms] == [
        ("民主集中制", 5),
        ("求实四问", 8),
        ("互联网+", 12),
        ("批评和自我批评", 16),
    ]


def test_a_definition_without_a_term_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        parse_glossary("---\ntitle: 术语表\n---\n\n:   没有术语的释义\n", "docs/glossary.md")
    assert str(caught.value).startswith("docs/glossary.md 第 5 行：")
    assert "上面没有术语" in str(caught.value)


def test_a_missing_glossary_gives_no_terms(tmp_path: Path) -> None:
    assert load_glossary(tmp_path) == []


def test_heading_words_take_quoted_words_and_numbered_concepts() -> None:
    markdown = (
        "## 坚持“五个必访” {#wu-ge-bifang}\n"
        "## 党员先进性教育的六项标准 {#liu-xiang-biaozhun}\n"
        "## 强化四种意识\n"
        "### 当好班子的“润滑剂”\n"
        "## 处理好集体领导与分工负责的关系\n"
        "正文里的“三会一课”不是标题。\n"
    )
    assert heading_words(markdown) == ["五个必访", "六项标准", "四种意识", "润滑剂"]


def test_formula_words_are_short_quoted_phrases_with_a_numeral() -> None:
    text = "在“三会一课”中落实“求实四问”，做到“红红脸、出出汗”，当好“班长”，《党章》"
    assert formula_words(text) == ["三会一课", "求实四问"]


def test_phrases_joined_by_and_stay_searchable_by_their_parts() -> None:
    words = dictionary(["批评和自我批评", "互联网+", "民主集中制"], [])
    assert words == ["互联网", "民主集中制"]


def test_userdict_text_is_one_word_a_line() -> None:
    assert userdict_text(["三会一课", "求实四问"]) == "三会一课\n求实四问\n"


def test_jieba_keeps_the_course_terms_whole_once_loaded() -> None:
    terms = ["三会一课", "求实四问", "五个必访", "四个带好头"]
    sentence = "支部要在三会一课中落实求实四问，坚持五个必访，做到四个带好头。"
    load_words(terms)
    tokens = list(jieba.cut(sentence))
    for term in terms:
        assert term in tokens, tokens


def test_the_real_course_dictionary_has_the_issue_terms(root: Path) -> None:
    docs = root / "docs"
    terms = [t.term for t in load_glossary(docs)]
    pages = [p.read_text(encoding="utf-8") for p in docs.rglob("*.md")]
    words = set(dictionary(terms, pages))
    assert {"民主集中制", "三会一课", "求实四问", "五个必访"} <= words
