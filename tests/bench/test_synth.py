"""The synthetic course: deterministic, valid for every validator, and buildable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bench.builds import run_build
from bench.synth import VARY_EVERY, SynthError, Varier, synthesize
from peixun.course.check import check_course
from peixun.course.glossary import load_glossary
from peixun.course.model import load_course
from tests.sitebuild import ROOT

REAL_LESSONS = len(load_course(ROOT / "docs", ROOT / "sources").lessons())
SECTION_ID = re.compile(r"^##\s.*\{#([a-z0-9-]+)\}\s*$", re.M)


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """More lessons than the real course has, so that varied copies are included."""
    out = tmp_path_factory.mktemp("synth") / "course"
    synthesize(ROOT, out, REAL_LESSONS + 3, per_chapter=5)
    return out


def test_same_arguments_give_the_same_files(synth: Path, tmp_path: Path) -> None:
    synthesize(ROOT, tmp_path / "again", REAL_LESSONS + 3, per_chapter=5)
    assert tree(tmp_path / "again") == tree(synth)


def test_course_has_the_lessons_chapters_and_questions_asked_for(synth: Path) -> None:
    course = load_course(synth / "docs", synth / "sources")  # raises on any front-matter problem
    assert len(course.lessons()) == REAL_LESSONS + 3
    assert all(len(c.lessons) <= 5 for c in course.chapters)
    for lesson in course.lessons():
        for ref in lesson.meta.sources:
            assert (synth / "sources" / ref.file).is_file()


def test_banks_have_ten_unique_questions_pointing_at_real_sections(synth: Path) -> None:
    course = load_course(synth / "docs", synth / "sources")
    for lesson in course.lessons():
        bank = yaml.safe_load((synth / "quizzes" / f"{lesson.slug}.yml").read_text("utf-8"))
        ids = [q["id"] for q in bank["questions"]]
        assert len(ids) >= 10
        assert len(set(ids)) == len(ids)
        sections = set(SECTION_ID.findall(lesson.document.body))
        assert {q["source"] for q in bank["questions"]} <= sections


def test_varied_copies_pass_the_content_check(synth: Path) -> None:
    course = load_course(synth / "docs", synth / "sources")
    problems = check_course(course, load_glossary(synth / "docs"), "docs/glossary.md")
    assert [str(p) for p in problems] == []


def test_verbatim_copies_are_caught_as_shared_passages(tmp_path: Path) -> None:
    out = tmp_path / "verbatim"
    synthesize(ROOT, out, REAL_LESSONS + 1, verbatim=True)
    course = load_course(out / "docs", out / "sources")
    problems = check_course(course, load_glossary(out / "docs"), "docs/glossary.md")
    assert problems
    assert all("基本相同" in p.message for p in problems)


def test_varier_changes_every_eighth_gram_and_keeps_markup() -> None:
    line = "团结是班子建设的“生命线”，见[协调关系](02-xietiao-guanxi.md#guanxi)和`003_源文件.txt`。"
    varied = Varier(1).line(line)
    assert "](02-xietiao-guanxi.md#guanxi)" in varied
    assert "`003_源文件.txt`" in varied
    han = "".join(re.findall(r"[\u4e00-\u9fff]", line.split("](")[0]))
    out = "".join(re.findall(r"[\u4e00-\u9fff]", varied.split("](")[0]))
    assert len(out) == len(han)
    grams = {han[i : i + 8] for i in range(len(han) - 7)}
    assert not grams & {out[i : i + 8] for i in range(len(out) - 7)}
    assert VARY_EVERY < 8


def test_headings_and_fixed_sections_are_kept() -> None:
    body = "## 学习目标 {#mubiao}\n\n支部书记是党支部的“班长”。\n\n```\n代码里的汉字不动\n```\n"
    varied = Varier(3).body(body)
    assert varied.startswith("## 学习目标 {#mubiao}\n")
    assert "代码里的汉字不动" in varied


def test_refuses_to_write_into_a_folder_it_did_not_make(tmp_path: Path) -> None:
    keep = tmp_path / "notes.txt"
    keep.write_text("重要", encoding="utf-8")
    with pytest.raises(SynthError, match="不是空的"):
        synthesize(ROOT, tmp_path, 3)
    assert keep.read_text(encoding="utf-8") == "重要"


def test_rewrites_a_folder_it_made(tmp_path: Path) -> None:
    synthesize(ROOT, tmp_path / "c", 3)
    synthesize(ROOT, tmp_path / "c", 2)
    assert len(load_course(tmp_path / "c" / "docs", tmp_path / "c" / "sources").lessons()) == 2


def test_small_synthetic_course_builds(synth: Path, tmp_path: Path) -> None:
    build = run_build(synth, tmp_path / "site")
    assert build.returncode == 0, build.log
    assert build.warnings == 0, build.log
    course = load_course(synth / "docs", synth / "sources")
    last = course.lessons()[-1].src_path.replace(".md", ".html")
    assert (tmp_path / "site" / last).is_file()
