"""From a raw GBK .txt to a draft lesson of the new course: skeleton, preview banner, refusal."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from peixun.course.check import check_course
from peixun.course.glossary import load_glossary
from peixun.course.model import CLOSING_SECTIONS, OPENING_SECTION, load_course
from peixun.course.settings import is_id
from peixun.importer.skeleton import PLACEHOLDER
from tests.sitebuild import ROOT, build, free_port, run_peixun

from .test_new import peixun

RAW = "学习笔记\n\n一、认真学习\n支部书记要带头学习,做到学深悟透。\n二、联系实际\n学习要联系本单位的实际工作。\n"
CHAPTER = "docs/01-shiyong-shuoming"


def import_note(course: Path) -> Path:
    """Import a GBK note into the course's example chapter; return the new lesson."""
    raw = course.parent / "笔记.txt"
    raw.write_bytes(RAW.encode("gbk"))
    result = peixun("import", str(raw), "--out", f"{CHAPTER}/", cwd=course)
    assert result.returncode == 0, result.stdout + result.stderr
    return course / CHAPTER / "02-xuexi-biji.md"


def test_import_into_a_chapter_writes_its_next_lesson_as_a_skeleton(course_copy: Path) -> None:
    lesson = import_note(course_copy)
    text = lesson.read_text(encoding="utf-8")
    assert "\nid: xuexi-biji\n" in text and "\ndraft: true\n" in text
    assert "- file: 笔记.txt\n" in text
    assert (course_copy / "sources/笔记.txt").read_bytes() == RAW.encode("gbk")
    headings = re.findall(r"^## (.+) \{#(.+)\}$", text, re.M)
    assert headings[0] == OPENING_SECTION and headings[-3:] == list(CLOSING_SECTIONS)
    assert headings[1:-3] == [("一、认真学习", "renzhenxuexi"), ("二、联系实际", "lianxishiji")]
    assert all(is_id(id_) for _, id_ in headings)
    # The source gives no goals, key points or questions: each says so where it is missing.
    for heading in ("mubiao", "yaodian", "taolun"):
        section = text.split(f"{{#{heading}}}\n\n", 1)[1]
        assert section.startswith(PLACEHOLDER), heading
    assert "`笔记.txt`" in text.split("{#laiyuan}", 1)[1]
    assert "支部书记要带头学习，做到学深悟透。" in text
    assert (course_copy / "导入报告.md").is_file()
    assert not list((course_copy / CHAPTER).glob("导入报告*"))


def test_the_skeleton_passes_the_content_check(course_copy: Path) -> None:
    import_note(course_copy)
    course = load_course(course_copy / "docs", course_copy / "sources")
    skeleton = course.lesson("01-shiyong-shuoming/02-xuexi-biji.md")
    assert skeleton is not None and skeleton.meta.draft and skeleton.meta.id == "xuexi-biji"
    assert check_course(course, load_glossary(course_copy / "docs"), "docs/glossary.md") == []


def test_importing_again_adds_no_lesson(course_copy: Path) -> None:
    import_note(course_copy)
    import_note(course_copy)
    names = sorted(p.name for p in (course_copy / CHAPTER).glob("*.md"))
    assert names == ["01-bianxie-yike.md", "02-xuexi-biji.md", "index.md"]


def test_build_refuses_a_draft_naming_the_file(course_copy: Path) -> None:
    import_note(course_copy)
    result = build(course_copy)
    assert result.returncode != 0
    errors = [line for line in result.output.splitlines() if "是草稿" in line]
    assert len(errors) == 1, result.output
    assert f"{CHAPTER}/02-xuexi-biji.md 第 " in errors[0]  # the line of draft: true
    assert "删去" in errors[0] and "draft: true" in errors[0]
    assert "Traceback" not in result.output
    # python -m peixun check says the same before any build.
    check = run_peixun("check", str(course_copy))
    assert check.returncode == 1 and f"{CHAPTER}/02-xuexi-biji.md 第 " in check.stdout


def _fetch(url: str, server: subprocess.Popen[str]) -> str:
    """The page at ``url`` once ``mkdocs serve`` has built the site."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"mkdocs serve gave no page (exit {server.poll()})")


def test_serve_shows_a_draft_with_a_banner(course_copy: Path) -> None:
    import_note(course_copy)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=course_copy,
        env={"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/01-shiyong-shuoming/"
    try:
        draft = _fetch(base + "02-xuexi-biji.html", server)
        example = _fetch(base + "01-bianxie-yike.html", server)
    finally:
        server.terminate()
        server.communicate(timeout=30)
    banner = re.search(r'<div class="admonition warning px-draft"[^>]*>(.*?)</div>', draft, re.S)
    assert banner, draft[:2000]
    assert '<p class="admonition-title">草稿</p>' in banner[1]
    assert "draft: true" in banner[1]
    assert "支部书记要带头学习" in draft
    assert "px-draft" not in example  # a lesson that is not a draft has no banner


def test_build_refuses_a_new_version_left_beside_an_edited_lesson(course_copy: Path) -> None:
    lesson = import_note(course_copy)
    lesson.write_text(
        lesson.read_text("utf-8").replace("draft: true\n", "").replace(PLACEHOLDER, "已写"),
        encoding="utf-8",
    )
    import_note(course_copy)  # the edited lesson stays; the new import waits beside it
    assert (course_copy / CHAPTER / "02-xuexi-biji.new.md").is_file()
    result = build(course_copy)
    assert result.returncode != 0
    assert f"{CHAPTER}/02-xuexi-biji.new.md：这是导入时另存的新版" in result.output
