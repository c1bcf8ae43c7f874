"""The pieces of ``python -m bench`` on a tiny course (no timed assertions)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
import yaml

from bench import synth
from bench.builds import (
    Build,
    Comparison,
    ScalePoint,
    plain_config,
    run_build,
    write_plain_config,
)
from bench.firstvisit import FirstVisit, element_count
from bench.profile import profile_build
from bench.report import Results, render
from bench.serve import Rebuild, serve_rebuilds
from bench.synth import synthesize
from bench.targets import targets
from bench.weight import PageWeight, Weight, page_weight, static_transfer
from peixun.search.measure import SearchDownload
from tests.sitebuild import ROOT


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("tiny") / "course"
    synthesize(ROOT, project, 3)
    write_plain_config(project)
    return project


def test_plain_config_drops_only_our_hooks_and_assets() -> None:
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    plain = plain_config(ours)
    assert "hooks:" in ours
    assert "\nhooks:" not in plain  # the hooks bring our scripts and styles too
    assert "peixun_hooks.py" not in plain
    # Everything else stays, YAML tags included.
    for kept in (
        "theme:",
        "plugins:",
        "markdown_extensions:",
        "!!python/object/apply",
        "extra:",
    ):
        assert kept in plain
    yaml.compose(plain, Loader=yaml.SafeLoader)  # still well-formed YAML


def test_plain_build_has_no_quiz_assets_and_ours_has(tiny: Path, tmp_path: Path) -> None:
    plain = run_build(tiny, tmp_path / "plain", "mkdocs-plain.yml")
    assert plain.returncode == 0, plain.log
    assert plain.built_in is not None and plain.built_in > 0
    assert plain.max_rss > 10 * 1024 * 1024  # a Python process with MkDocs loaded
    html = (tmp_path / "plain" / "index.html").read_text(encoding="utf-8")
    assert "quiz.js" not in html
    ours = run_build(tiny, tmp_path / "ours")
    assert ours.returncode == 0, ours.log
    assert "quiz.js" in (tmp_path / "ours" / "index.html").read_text(encoding="utf-8")

    weight = page_weight(tmp_path / "ours", tiny, browser=False)
    assert weight.lesson.endswith(".html")
    assert weight.quiz_js is not None and weight.search_index is not None
    assert f"/{weight.lesson}" in weight.transfer
    assert weight.total().raw > weight.search_index.raw  # Material's bundle alone is larger


def test_static_transfer_counts_the_page_and_what_it_references(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "x.css").write_text("body{}" * 10)
    (tmp_path / "s.js").write_text("let a=1;")
    page = tmp_path / "a" / "p.html"
    page.write_text(
        '<link rel="stylesheet" href="../css/x.css"><link rel="next" href="q.html">'
        '<script src="../s.js"></script><script src="https://example.org/x.js"></script>'
    )
    out = static_transfer(tmp_path, page)
    assert set(out) == {"/a/p.html", "/css/x.css", "/s.js"}
    assert out["/css/x.css"].raw == 60


def test_serve_rebuilds_after_a_lesson_edit_and_serves_the_change(tiny: Path) -> None:
    lesson = next((tiny / "docs").glob("0*/01-*.md"))
    [rebuild] = serve_rebuilds(tiny, [lesson], timeout=120)
    assert rebuild.what == lesson.relative_to(tiny).as_posix()
    assert rebuild.seconds is not None and rebuild.seconds > 0
    assert rebuild.shown is not None and rebuild.shown > 0  # the served page had the marker
    assert rebuild.cpu is not None and rebuild.cpu > 0  # serve's own CPU time for the rebuild
    assert "基准测试修改标记1-" in lesson.read_text(encoding="utf-8")


def test_element_count_counts_every_element_as_built() -> None:
    assert element_count("<!doctype html><html><body><p>一<br>二</p><img src=x></body></html>") == 5


def _build(cpu: float, rss_mib: int = 100) -> Build:
    return Build(cpu + 2, cpu - 1, rss_mib * 1024 * 1024, 0, 0, "", cpu)


def test_targets_say_met_and_missed() -> None:
    results = Results(
        [("CPU", "测试")],
        comparison=Comparison([_build(12)] * 5, [_build(10)] * 5),
        scale=[
            ScalePoint(100, 1000, _build(10), _build(5), 0.1, 0.2, 1, 1, 1, 1, []),
            ScalePoint(
                1000,
                10000,
                _build(110, 2000),
                _build(40),
                1,
                2,
                40,
                10,
                1,
                1,
                [SearchDownload("三会一课", 400_000, 9), SearchDownload("如何", 1_200_000, 60)],
            ),
        ],
        rebuilds=[
            Rebuild("docs/a.md", 2.0, 1.8, 2.5),
            Rebuild("docs/a.md", 2.0, 1.8, 3.5),
            Rebuild("docs/a.md", 2.0, 1.8, 4.5),
            Rebuild("quizzes/a.yml", 2.0, 1.8),
            Rebuild("docs/a.md", 1.0, 0.8, 0.1, "mkdocs-plain.yml"),
        ],
        weight=PageWeight(
            Weight(9000, 3000),
            Weight(5000, 2000),
            "a.html",
            {"/a.html": Weight(300_000, 90_000), "/search/search_index.json": Weight(1, 1)},
        ),
        visit=FirstVisit("a.html", 1400, [("zonghe-ceping.html", 3001)], 2, {"页首": 0.0}),
    )
    rows = {name: (measured, met) for name, measured, met in targets(results)}
    assert rows["构建 ≤ 1.3 × 纯 Material（CPU 与墙钟中位数）"] == (
        "CPU 1.20 ×，墙钟 1.17 ×",
        "达到",
    )
    assert rows["mkdocs serve：保存课文后 ≤ 3 秒看到修改"] == (
        "3.50 秒（中位数，3 次，到页面显示修改）",
        "**未达到**",
    )
    assert rows["mkdocs serve：保存题库后 ≤ 3 秒看到修改"][1] == "达到"
    assert rows["N=1000 构建时间 ≤ 10 × N=100"] == (
        "11.0 ×（CPU 时间；墙钟 9.3 ×；纯 Material 8.0 ×）",
        "**未达到**",
    )
    assert rows["N=1000 峰值内存 ≤ 600 MiB"] == ("2000 MiB", "**未达到**")
    assert rows["N=1000 网站 ≤ 3 × 纯 Material 网站"][1] == "**未达到**"  # 40 against 10
    measured, met = rows["N=1000 第一次搜索下载的索引 ≤ 1 MB"]
    assert "“三会一课” 400.0 KB（9 个文件）" in measured and met == "**未达到**"  # 1.2 MB
    assert rows["测验 JS+CSS（压缩后）gzip ≤ 8 KB"] == ("5.0 KB", "达到")
    assert rows["课文页首次访问 ≤ 400 KB（未压缩，不含搜索索引）"][1] == "达到"
    assert rows["课文页首次访问 gzip 后 ≤ 120 KB（不含搜索索引）"] == ("90.0 KB", "达到")
    assert rows["课文页元素 ≤ 1,500"][1] == "达到"
    assert rows["全站没有超过 3,000 个元素的页面"][1] == "**未达到**"
    assert rows["课文页 CLS ≤ 0.02（手机窗口）"] == ("页首 0.000", "达到")
    report = render(results)
    assert "| 本项目（全部钩子） | 12.00 | 14.00 | 11.00 |" in report
    assert "| 1000 | 10000 | 110.0 | 112.0 | 109.0 | 110 | 2000 MiB | 40.0 |" in report
    assert "| 纯 Material | `docs/a.md` | 0.10 | 1.00 | 0.80 |" in report


def test_synth_command_reports_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser()
    synth.add_arguments(parser)
    (tmp_path / "keep.md").write_text("x", encoding="utf-8")
    args = parser.parse_args(["--lessons", "3", "--out", str(tmp_path), "--from", str(ROOT)])
    assert synth.run(args) == 1
    assert "不是空的" in capsys.readouterr().err
    assert (tmp_path / "keep.md").read_text(encoding="utf-8") == "x"


def test_profile_writes_a_call_tree_naming_our_hooks(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "profile.txt"
    head = profile_build(tiny, out, top=400)
    assert out.is_file()
    assert "mkdocs build" in head
    assert "site/hooks/course.py" in out.read_text(encoding="utf-8")
    assert not (tiny / "site-profile").exists()
