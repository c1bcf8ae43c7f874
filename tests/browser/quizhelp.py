"""Helpers for the quiz browser tests: open a lesson, answer a question right or wrong."""

from __future__ import annotations

import json
from typing import Any

from peixun.course.settings import CourseSettings
from peixun.quiz.contract import storage_prefix

LESSON1 = "01-juese-renzhi/01-diwei-zuoyong.html"
LESSON2 = "01-juese-renzhi/02-zhengzhi-juese.html"
COURSE_PREFIX = storage_prefix(CourseSettings().storage_namespace("党支部书记履职能力培训"))
"""Where this course (no course_id in mkdocs.yml: a hash of its site name) keeps answers."""
STORAGE_PREFIX = COURSE_PREFIX + "diwei-zuoyong:"
"""Saved answers of lesson 1 (front matter id: diwei-zuoyong)."""


def question(page: Any, qid: str) -> Any:
    return page.locator(f'[data-question="{qid}"]:visible')


def ready(page: Any) -> None:
    """Wait until quiz.js has set up every quiz on the page."""
    page.wait_for_selector("[data-quiz][data-ready], [data-progress][data-ready]", state="attached")


def answer(q: Any, correct: bool) -> None:
    """Answer through the page's own controls and submit it."""
    choose(q, correct)
    q.get_by_role("button", name="提交").click()


def choose(q: Any, correct: bool) -> None:
    """Answer through the page's own controls; orders are arranged with the move buttons
    (a wrong order is given by moving the first item down)."""
    key = json.loads(q.get_attribute("data-key"))
    kind = q.get_attribute("data-type")
    if kind in ("single", "multiple", "truefalse"):
        inputs = q.locator("input")
        values = [inputs.nth(i).get_attribute("value") for i in range(inputs.count())]
        solution = [str(c) for c in key["c"]]
        right = [v for v in values if v in solution]
        wrong = [v for v in values if v not in solution]
        chosen = right if correct else ([wrong[0]] if kind != "multiple" else right[:1])
        for value in chosen:
            q.locator(f'input[value="{value}"]').check()
    elif kind == "fill":
        for i, accepted in enumerate(key["b"]):
            q.locator("input[type=text]").nth(i).fill(accepted[0] if correct else "不对")
    elif correct:  # order: the build and every retry shuffle, so an untouched list is wrong
        arrange(q)
    else:
        arrange(q)
        q.locator("li").first.locator('[data-move="down"]').click()


def arrange(q: Any) -> None:
    """Put an ordering question right by pressing its 上移 buttons (selection sort)."""
    n = q.locator("li").count()
    for target in range(n):
        items = [q.locator("li").nth(i).get_attribute("data-item") for i in range(n)]
        current = items.index(str(target))
        for _ in range(current - target):
            q.locator(f'li[data-item="{target}"] [data-move="up"]').click()
