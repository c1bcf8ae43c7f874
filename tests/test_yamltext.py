"""YAML as editors write it: every problem at the line to fix, in Chinese; no key lost."""

from __future__ import annotations

import pytest

from peixun.errors import ContentError
from peixun.text.yamltext import load_yaml


def error_of(text: str) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_yaml(text, "quizzes/a.yml")
    return caught.value


def test_second_top_level_key_is_refused_at_its_line() -> None:
    text = "questions:\n  - id: a\n    stem: 甲\nquestions:\n  - id: b\n    stem: 乙\n"
    error = error_of(text)
    assert error.line == 4
    assert "questions" in error.message and "第 1 行" in error.message


def test_key_twice_inside_a_question_is_refused() -> None:
    text = "questions:\n  - id: a\n    source: mubiao\n    stem: 甲\n    source: yaodian\n"
    error = error_of(text)
    assert (error.file, error.line) == ("quizzes/a.yml", 5)
    assert "source" in error.message


def test_same_key_in_two_items_is_fine() -> None:
    data, _ = load_yaml("- id: a\n- id: b\n", "x.yml")
    assert data == [{"id": "a"}, {"id": "b"}]


def test_unclosed_quote_is_reported_where_it_opens() -> None:
    text = 'a: 1\nb: 2\nc: 3\nstem: "没有结束的引号\n' + "d: 4\n" * 100
    error = error_of(text)
    assert error.line == 4
    assert "引号没有闭合" in error.message


def test_front_matter_lines_are_counted_from_the_file() -> None:
    with pytest.raises(ContentError) as caught:
        load_yaml("title: 甲\ntitle: 乙\n", "docs/a.md", first_line=2)
    assert caught.value.line == 3


def test_tab_indent_is_explained_in_chinese() -> None:
    error = error_of("a:\n\t- x\n")
    assert error.line == 2 and "制表符" in error.message
