"""Raw HTML in lessons: inline marks pass; anything that runs or loads is refused at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from peixun.course.html_check import check_raw_html
from tests.sitebuild import build, run_peixun


def problems(text: str) -> list[tuple[int | None, str]]:
    lines = list(enumerate(text.split("\n"), start=10))
    return [(e.line, e.message) for e in check_raw_html("docs/a.md", lines)]


@pytest.mark.parametrize(
    "text",
    [
        "普通的一段文字。",
        "水分子是 H<sub>2</sub>O，注<sup>1</sup>。",
        '<abbr title="中国共产党">中共</abbr>和<mark>重点</mark>。',
        '<div markdown class="px-note">说明</div>',
        "代码里的 `<script>` 只是文字。",
        "<!-- 编辑备注 -->",
        "[站内链接](../01-a/02-b.md#mubiao)",
    ],
)
def test_allowed_html_passes(text: str) -> None:
    assert problems(text) == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ("前文<SCRIPT src=x.js></SCRIPT>", "<script>"),
        ("<img src=x onerror=alert(1)>", "<img>"),
        ('<span onclick="alert(1)">点我</span>', "on… 事件"),
        ('<span style="color:red">红</span>', "属性“style”"),
        ("[点这里](javascript:alert(1))", "javascript:"),
        ('<span title="javascript:alert(1)">x</span>', "javascript:"),
        ("<iframe src='https://example.com'></iframe>", "<iframe>"),
    ],
)
def test_code_in_a_lesson_is_refused_at_its_line(text: str, said: str) -> None:
    found = problems("第一行\n" + text)
    assert found, text
    assert all(line == 11 for line, _ in found)
    assert any(said in message for _, message in found)


def test_check_and_build_refuse_a_script_in_a_lesson(project_copy: Path) -> None:
    lesson = project_copy / "docs" / "01-juese-renzhi" / "01-diwei-zuoyong.md"
    lines = lesson.read_text(encoding="utf-8").split("\n")
    at = next(i for i, text in enumerate(lines) if text.startswith("## ") and i > 8) + 2
    lines.insert(at, '<span onclick="alert(1)">点我</span>')
    lesson.write_text("\n".join(lines), encoding="utf-8")
    proc = run_peixun("check", str(project_copy))
    assert proc.returncode == 1
    assert f"docs/01-juese-renzhi/01-diwei-zuoyong.md 第 {at + 1} 行" in proc.stdout
    assert "onclick" in proc.stdout
    result = build(project_copy, quiet=True)
    assert result.returncode != 0 and "onclick" in result.output
    assert "Traceback" not in result.output
