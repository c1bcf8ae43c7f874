"""``mkdocs serve``: every save shows up in the served pages, and nothing old stays.

Serve keeps question HTML, handouts, 演示 views and the content check (each lesson's own
checks, and the whole course's) between rebuilds (peixun.memo);
these edits reach each of them. The test polls the served HTML until the change appears
(it gives up after a long while only so that a broken rebuild fails instead of hanging):
how fast is measured in the benchmark, not here.
"""

from __future__ import annotations

import contextlib
import queue
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.fixture import copy_fixture
from tests.sitebuild import ENDED, free_port, serving

GIVE_UP = 240  # seconds: only a rebuild that never comes takes this long
LESSON = "01-diyi-zhang/01-xuexi-huanjie"
# The lesson page carries its quiz's HTML; the handouts and the 演示 pages carry lesson text
# and questions. (The chapter test and exam pages load their questions in the browser.)
PAGES = {
    "lesson": f"{LESSON}.html",
    "learner handout": "handouts/01-diyi-zhang-student.html",
    "teacher handout": "handouts/01-diyi-zhang-teacher.html",
    "lesson presentation": f"present/{LESSON}.html",
    "chapter presentation": "present/01-diyi-zhang.html",
}

PRESENTATIONS = ["lesson presentation", "chapter presentation"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The fixture course under ``mkdocs serve``: (project folder, base URL)."""
    project = copy_fixture(tmp_path_factory.mktemp("serve"))
    port = free_port()
    with serving(project, port) as (lines, _pid):
        log: list[str] = []
        deadline = time.monotonic() + GIVE_UP
        while not any("Serving on" in line for line in log):
            if ENDED in log or time.monotonic() > deadline:
                pytest.fail("mkdocs serve did not start:\n" + "\n".join(log))
            with contextlib.suppress(queue.Empty):
                log.append(lines.get(timeout=1)[1])
        yield project, f"http://127.0.0.1:{port}/"


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except OSError:  # URLError, a refused connection, a timeout: serve is rebuilding
        return ""


def _until(base: str, check: Callable[[dict[str, str]], bool]) -> dict[str, str]:
    """The served pages, fetched again and again until ``check`` holds for them."""
    deadline = time.monotonic() + GIVE_UP
    while True:
        pages = {name: _get(base + path) for name, path in PAGES.items()}
        if check(pages) or time.monotonic() > deadline:
            return pages
        time.sleep(0.5)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _seen(pages: dict[str, str], names: list[str], new: str, old: str) -> bool:
    return all(new in pages[n] and old not in pages[n] for n in names)


def test_each_saved_change_appears_everywhere_and_nothing_stale_remains(
    served: tuple[Path, str],
) -> None:
    project, base = served
    first = _until(base, lambda pages: all(pages.values()))
    assert "学习的第一个环节是什么？" in first["lesson"], "the served lesson has no quiz"

    # A lesson: a cited section's heading, shown in the quiz's 回看原文 links and handouts.
    _edit(project / "docs" / f"{LESSON}.md", "## 三个环节 {", "## 三个学习环节 {")
    pages = _until(
        base,
        lambda p: (
            "回看原文：三个学习环节<" in p["lesson"]
            and "第 1 课 · 三个学习环节<" in p["teacher handout"]
            and all(">三个学习环节<" in p[n] for n in PRESENTATIONS)
        ),
    )
    for name in PRESENTATIONS:
        assert ">三个学习环节<" in pages[name], name
        assert ">三个环节<" not in pages[name], name
    assert "回看原文：三个学习环节<" in pages["lesson"]
    assert "回看原文：三个环节<" not in pages["lesson"]
    assert "第 1 课 · 三个学习环节<" in pages["teacher handout"]
    assert "第 1 课 · 三个环节<" not in pages["teacher handout"]
    assert 'id="ke1-san-ge-huanjie"' in pages["learner handout"]
    assert "三个学习环节<" in pages["learner handout"]

    # A bank: a question's stem, on the lesson, the chapter test, the exam and both handouts.
    _edit(
        project / "quizzes" / f"{LESSON}.yml",
        "stem: 学习的第一个环节是什么？",
        "stem: 学习的头一个环节是什么？",
    )
    names = list(PAGES)
    pages = _until(
        base, lambda p: _seen(p, names, "学习的头一个环节是什么？", "第一个环节是什么？")
    )
    for name in names:
        assert "学习的头一个环节是什么？" in pages[name], name
        assert "学习的第一个环节是什么？" not in pages[name], name

    # The glossary: a definition, shown as the term's tooltip on the lesson.
    _edit(project / "docs" / "glossary.md", "第二个学习环节：", "第二个学习环节（已改）：")
    pages = _until(base, lambda p: "第二个学习环节（已改）" in p["lesson"])
    assert "第二个学习环节（已改）：逐节阅读正文" in pages["lesson"]
    assert "第二个学习环节：逐节阅读正文" not in pages["lesson"]

    # mkdocs.yml: the course name, in every page's header and on the handouts.
    _edit(project / "mkdocs.yml", "site_name: 示例课程", "site_name: 示例课程乙")
    pages = _until(base, lambda p: _seen(p, names, "示例课程乙", 'data-course="示例课程"'))
    assert 'data-course="示例课程乙"' in pages["teacher handout"]
    assert 'data-course="示例课程乙"' in pages["learner handout"]
    for name in names:
        assert "示例课程乙" in pages[name], name
        assert 'data-course="示例课程"' not in pages[name], name
    # Everything edited before is still there after a rebuild that did not touch it.
    assert "学习的头一个环节是什么？" in pages["lesson"]
    assert "第 1 课 · 三个学习环节<" in pages["teacher handout"]
