"""Editorial checks: each rule on a small lesson (the real course passing them: tests/course)."""

from __future__ import annotations

from pathlib import Path

import pytest

from peixun.course.check import check_sections, check_shared_passages, check_text
from peixun.course.glossary import add_tooltips, parse_glossary
from peixun.course.model import Chapter, ChapterMeta, Course, Lesson, LessonMeta
from peixun.text.frontmatter import parse_document
from tests.sitebuild import ROOT

GOOD_BODY = """
## 学习目标 {#mubiao}

- 能说出支部书记的职责。

## 支部书记的职责 {#zhize}

支部书记要抓好本单位的党建工作，做好党员干部的思想工作。

## 本课要点 {#yaodian}

- 抓好党建工作。

## 思考与讨论 {#taolun}

1. 本支部的党建工作怎样抓？

## 资料来源 {#laiyuan}

- 原始文档`001_be371333e53776e4.txt`。
"""


def lesson(body: str, name: str = "01-ceshi.md") -> Lesson:
    text = f"---\ntitle: 测试\nsources:\n  - file: a.txt\n    passage: 开篇\n---\n{body}"
    doc = parse_document(text, f"docs/99-ceshi/{name}")
    meta = LessonMeta.model_validate({**doc.meta, "id": "ceshi"})
    return Lesson(f"99-ceshi/{name}", 1, meta, doc)


def messages(errors: list) -> list[str]:
    return [str(e) for e in errors]


def test_a_well_formed_lesson_passes() -> None:
    assert check_sections(lesson(GOOD_BODY)) == []
    assert check_text(lesson(GOOD_BODY)) == []


def test_heading_without_id_is_named_with_its_line() -> None:
    body = GOOD_BODY.replace("## 支部书记的职责 {#zhize}", "## 支部书记的职责")
    [error] = check_sections(lesson(body))
    assert str(error) == (
        "docs/99-ceshi/01-ceshi.md 第 12 行：二级标题“支部书记的职责”缺少 id，"
        "请写成“## 标题 {#pinyin-id}”。"
    )


def test_fixed_sections_must_be_in_place() -> None:
    body = GOOD_BODY.replace("## 思考与讨论 {#taolun}", "## 讨论 {#taolun}")
    assert any("最后三个二级标题" in m for m in messages(check_sections(lesson(body))))
    body = GOOD_BODY.replace("## 学习目标 {#mubiao}", "## 目标 {#mubiao}")
    assert any("学习目标" in m for m in messages(check_sections(lesson(body))))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("支部书记要抓党建,做思想工作。", "半角标点“建,”"),
        ("四种意识:服务、监督。", "半角标点“识:”"),
        ("要有“服务”意识(见上文)。", "半角标点“识(”"),
        ("不要把自己摆在领导的位臵上。", "“臵”不在常用字范围"),
        ("隨著改革的深入。", "有繁体字"),
        ("要深入`线调查研究。", "被挖掉的字"),
        ("支部 书记要带头。", "汉字之间有空格"),
        (
            "去掉了网页和 PDF 带来的内容。",
            "汉字与字母、数字之间不加空格：“去掉了网页和 PDF 带来”请写成“去掉了网页和PDF带来”",
        ),
        ("本文章共2页，下一页。", "网页或 PDF 的残留"),
    ],
)
def test_raw_text_is_caught(line: str, expected: str) -> None:
    body = GOOD_BODY.replace("做好党员干部的思想工作。", line)
    found = messages(check_text(lesson(body)))
    assert any(expected in m and "第 14 行" in m for m in found), found


def test_numbers_times_links_and_code_keep_ascii() -> None:
    body = GOOD_BODY.replace(
        "做好党员干部的思想工作。",
        "2024年8:30开会，共3,000人，见[第一课](../01-x/01-y.md#a)和`002_x.txt`。",
    )
    assert check_text(lesson(body)) == []


def test_a_passage_told_in_two_lessons_is_flagged() -> None:
    passage = "作为党支部书记，根本的职责是要抓好本单位的党建工作，做好党员干部职工的思想工作，保证党委各项政策的贯彻落实。"
    one = lesson(GOOD_BODY.replace("做好党员干部的思想工作。", passage), "01-a.md")
    two = lesson(GOOD_BODY.replace("做好党员干部的思想工作。", "另外，" + passage), "02-b.md")
    chapter = Chapter("99-ceshi", 99, ChapterMeta(title="测试", summary="测试"), [one, two])
    [error] = check_shared_passages(Course([chapter]))
    assert "docs/99-ceshi/02-b.md" in str(error) and "docs/99-ceshi/01-a.md 第 14 行" in str(error)


def test_glossary_terms_become_tooltips_outside_links_and_headings() -> None:
    terms = parse_glossary("---\ntitle: 术语表\n---\n\n支委会\n:   支部委员会。\n")
    html = add_tooltips('<h2>支委会</h2><p>召开支委会，<a href="#">支委会</a></p>', terms)
    assert html == (
        '<h2>支委会</h2><p>召开<abbr title="支部委员会。">支委会</abbr>，<a href="#">支委会</a></p>'
    )


def test_tooltip_text_is_escaped() -> None:
    terms = parse_glossary('术语\n:   含有 "引号" 和 <b>标签</b>\n')
    assert 'title="含有 &#34;引号&#34; 和 &lt;b&gt;标签&lt;/b&gt;"' in add_tooltips(
        "<p>术语</p>", terms
    )


def test_simplified_text_that_opencc_phrases_misread_is_not_flagged() -> None:
    body = GOOD_BODY.replace("做好党员干部的思想工作。", "其后各点原文缺失，全文即告结束。")
    assert check_text(lesson(body)) == []


def test_check_command_reports_editorial_problems(fixture_project: Path) -> None:
    import subprocess
    import sys

    project_copy = fixture_project
    lesson_file = next((project_copy / "docs").glob("01-*/01-*.md"))
    text = lesson_file.read_text(encoding="utf-8")
    lesson_file.write_text(text.replace("。", ",", 1), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "peixun", "check", str(project_copy)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 1
    assert "中文里用了半角标点" in proc.stdout
    assert f"docs/{lesson_file.parent.name}/{lesson_file.name} 第" in proc.stdout


def test_a_term_defined_twice_is_named_at_its_second_line() -> None:
    from peixun.course.check import check_glossary

    text = "---\ntitle: 术语表\n---\n\n支委会\n:   支部委员会。\n\n支委会\n:   另一种说法。\n"
    terms = parse_glossary(text)
    lessons = Course(
        [
            Chapter(
                "99-ceshi",
                99,
                ChapterMeta(title="测试", summary="测试"),
                [lesson(GOOD_BODY.replace("做好党员干部的思想工作。", "召开支委会。"))],
            )
        ]
    )
    found = messages(check_glossary(terms, lessons, "docs/glossary.md"))
    assert "docs/glossary.md 第 8 行：术语“支委会”已在第 5 行定义过，请只定义一次。" in found


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("## 本课要点 {#zhize}", "docs/99-ceshi/01-ceshi.md 第 16 行：id“zhize”在本课中重复。"),
        ("## 支部书记的职责 {#Zhi_Ze}", "id“Zhi_Ze”应为小写拼音、数字和连字符。"),
    ],
)
def test_a_section_id_used_twice_or_malformed_is_named(heading: str, expected: str) -> None:
    old = "## 本课要点 {#yaodian}" if "本课要点" in heading else "## 支部书记的职责 {#zhize}"
    found = messages(check_sections(lesson(GOOD_BODY.replace(old, heading))))
    assert any(expected in m for m in found), found
