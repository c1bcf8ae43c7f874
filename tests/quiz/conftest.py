"""A tiny course in a temporary folder, for quiz unit tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from peixun.course.model import Course, load_course

LESSON = """\
---
title: 四种意识
sources:
  - file: yuanwen.txt
    passage: 开篇
id: yishi
---

## 学习目标 {#mubiao}

- **能说出**：四种意识。
- **能说明**：各自的含义。

## 四种意识 {#si-zhong-yishi}

支部书记要强化四种意识：

- **服务意识**：甘当服务员。
- **监督意识**：敢于监督。
- **协调意识**：善于协调。
- **预见意识**：想在前头。

## 五种能力 {#wu-zhong-nengli}

- **学习能力**：勤学。
- **决策能力**：善断。
- **执行能力**：落实。

## 本课要点 {#yaodian}

- 四种意识和五种能力。

## 思考与讨论 {#taolun}

1. 本支部怎样强化服务意识？

## 资料来源 {#laiyuan}

- 原文。
"""

GOOD_BANK = """\
questions:
  - id: yishi-fuwu
    type: single
    stem: 支部书记要甘当什么？
    options:
      - text: 服务员
        correct: true
      - text: 裁判员
        feedback: 原文说的是服务员。
      - text: 运动员
    explanation: 原文：“甘当服务员。”
    source: si-zhong-yishi
"""

Project = Callable[..., Path]


def write_project(root: Path, banks: dict[str, str], lessons: dict[str, str] | None = None) -> Path:
    """Write docs/, sources/ and quizzes/ under ``root``; ``banks`` maps a path under quizzes/."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "sources" / "yuanwen.txt").write_text("原文。\n", "utf-8")
    chapter = root / "docs" / "01-ceshi"
    chapter.mkdir(parents=True, exist_ok=True)
    (chapter / "index.md").write_text(
        "---\ntitle: 第一章 测试\nsummary: 测试。\n---\n\n导语。\n", "utf-8"
    )
    for name, text in (lessons or {"01-yishi.md": LESSON}).items():
        (chapter / name).write_text(text, "utf-8")
    for rel, text in banks.items():
        path = root / "quizzes" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def course_in(root: Path) -> Course:
    return load_course(root / "docs", root / "sources")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """``project(bank_text)`` writes the tiny course with that bank for its lesson."""

    def make(bank: str | None = None, **kwargs: object) -> Path:
        banks = {} if bank is None else {"01-ceshi/01-yishi.yml": bank}
        return write_project(tmp_path, banks, **kwargs)  # type: ignore[arg-type]

    return make


FULL_BANK = (
    GOOD_BANK
    + """\
  - id: yishi-duoxuan
    type: multiple
    stem: 下列哪些属于四种意识？
    options:
      - text: 服务意识
        correct: true
      - text: 监督意识
        correct: true
      - text: 学习能力
      - text: 执行能力
    explanation: 见“四种意识”。
    source: si-zhong-yishi
  - id: yishi-panduan
    type: truefalse
    stem: 预见意识要求想在前头。
    answer: true
    explanation: 原文：“想在前头。”
    source: si-zhong-yishi
  - id: yishi-tiankong
    type: fill
    stem: 支部书记要敢于监督，这是“____”。
    blanks:
      - [监督意识]
    explanation: 原文：“监督意识：敢于监督。”
    source: si-zhong-yishi
  - id: yishi-nengli
    type: single
    stem: 五种能力中，“善断”说的是哪一种？
    options:
      - text: 决策能力
        correct: true
      - text: 学习能力
      - text: 执行能力
    explanation: 原文：“决策能力：善断。”
    source: wu-zhong-nengli
"""
)
"""GOOD_BANK grown to the editorial minimum of five hand-written questions."""
