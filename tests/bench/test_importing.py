"""bench.importing: the long input it makes and the section of the results file it rewrites."""

from __future__ import annotations

from pathlib import Path

from bench.importing import SECTION, Run, long_text, render, replace_section
from tests.sitebuild import ROOT


def test_the_long_input_is_made_of_the_sources_paragraphs() -> None:
    text = long_text(ROOT / "sources", 200_000)
    assert 200_000 <= len(text.encode("utf-8")) < 260_000
    assert text.startswith("第1篇：") and "\n第2篇：" in text
    assert long_text(ROOT / "sources", 200_000) == text  # seeded: the same every run


def test_its_section_replaces_the_earlier_one_and_keeps_the_rest(tmp_path: Path) -> None:
    results = tmp_path / "results.md"
    results.write_text("# 结果\n\n## 分析与说明\n\n### 其他\n\n说明。\n", encoding="utf-8")
    replace_section(results, render([Run(1, 2.0, 300 * 1024 * 1024, 0, "", 1.5)]))
    replace_section(results, render([Run(20, 9.0, 800 * 1024 * 1024, 0, "", 8.5)]))
    text = results.read_text(encoding="utf-8")
    assert text.count(SECTION) == 1 and "### 其他\n\n说明。" in text
    assert "| 20 MB | 9.0 | 8.5 | 800 | 0 |" in text and "| 1 MB |" not in text
