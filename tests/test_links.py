"""Links between pages are checked at the line that holds them, as the build resolves them."""

from __future__ import annotations

from pathlib import Path

from peixun.course.links import check_links
from tests.sitebuild import build, run_peixun

PAGES = {
    "01-a/index.md",
    "01-a/01-x.md",
    "01-a/02-y.md",
    "02-b/01-z.md",
    "glossary.md",
    "01-a/zhangjie-ceshi.md",
}
ANCHORS = {"01-a/01-x.md": {"mubiao", "guanjian"}, "02-b/01-z.md": {"yaodian"}}


def problems(text: str, src: str = "01-a/01-x.md") -> list[tuple[int | None, str]]:
    lines = list(enumerate(text.split("\n"), start=5))
    found = check_links("docs/" + src, src, lines, PAGES, ANCHORS.get)
    return [(e.line, e.message) for e in found]


def test_good_links_pass() -> None:
    text = (
        "见[下一课](02-y.md)、[第二章](../02-b/01-z.md#yaodian)、[本节](#guanjian)、"
        "[术语](../glossary.md)、[测验](zhangjie-ceshi.md)、[外部](https://example.org/a)。"
        "代码 `[x](nowhere.md)` 不算。"
    )
    assert problems(text) == []


def test_missing_page_is_named_at_its_line() -> None:
    found = problems("第一行\n见[第三课](03-w.md)。")
    assert found == [(6, found[0][1])]
    assert "docs/01-a/03-w.md 不存在" in found[0][1]


def test_missing_anchor_lists_the_page_ids() -> None:
    [(line, message)] = problems("见[要点](../02-b/01-z.md#yaodain)。")
    assert line == 5
    assert "#yaodain" in message and "yaodian" in message


def test_missing_anchor_on_the_same_page() -> None:
    [(_, message)] = problems("见[上文](#meiyou)。")
    assert "docs/01-a/01-x.md" in message


def test_html_targets_and_absolute_paths_are_explained() -> None:
    [(_, html)] = problems("[x](02-y.html)")
    assert ".md" in html
    [(_, absolute)] = problems("[x](/01-a/02-y.md)")
    assert "相对" in absolute


def test_anchor_of_a_generated_page_is_not_guessed() -> None:
    assert problems("[测验](zhangjie-ceshi.md#q1)") == []


def test_check_and_quiet_build_name_a_broken_link_and_anchor(project_copy: Path) -> None:
    lesson = project_copy / "docs" / "01-juese-renzhi" / "02-zhengzhi-juese.md"
    text = lesson.read_text(encoding="utf-8")
    assert "](03-baizheng-weizhi.md)" in text
    text = text.replace("](03-baizheng-weizhi.md)", "](03-baizheng-weizi.md)", 1)
    glossary = project_copy / "docs" / "glossary.md"
    glossary.write_text(
        glossary.read_text(encoding="utf-8")
        + "\n见[第一课](01-juese-renzhi/01-diwei-zuoyong.md#meiyou)。\n",
        encoding="utf-8",
    )
    lesson.write_text(text, encoding="utf-8")
    broken_line = (
        text.split("\n").index(
            next(line for line in text.split("\n") if "03-baizheng-weizi.md" in line)
        )
        + 1
    )
    proc = run_peixun("check", str(project_copy))
    assert proc.returncode == 1
    assert f"docs/01-juese-renzhi/02-zhengzhi-juese.md 第 {broken_line} 行" in proc.stdout
    assert "docs/01-juese-renzhi/03-baizheng-weizi.md 不存在" in proc.stdout
    assert "docs/glossary.md 第" in proc.stdout and "#meiyou" in proc.stdout
    result = build(project_copy, quiet=True)
    assert result.returncode != 0
    assert "03-baizheng-weizi.md 不存在" in result.output and "Traceback" not in result.output


def test_check_and_quiet_build_find_spacing_on_pages_that_are_not_lessons(
    project_copy: Path,
) -> None:
    home = project_copy / "docs" / "index.md"
    text = home.read_text(encoding="utf-8")
    assert "网页和PDF带来" in text
    home.write_text(text.replace("网页和PDF带来", "网页和 PDF 带来"), encoding="utf-8")
    line = text.split("\n").index(next(x for x in text.split("\n") if "网页和PDF" in x)) + 1
    proc = run_peixun("check", str(project_copy))
    assert proc.returncode == 1
    assert (
        f"docs/index.md 第 {line} 行：汉字与字母、数字之间不加空格：“去掉了网页和 PDF 带来”"
        "请写成“去掉了网页和PDF带来”" in proc.stdout
    )
    result = build(project_copy, quiet=True)
    assert result.returncode != 0 and "网页和 PDF 带来" in result.output
    assert "Traceback" not in result.output
