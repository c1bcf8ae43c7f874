"""The search query set: what a branch secretary types, and the sections that answer it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from peixun.errors import ContentError
from peixun.text.schema import validate
from peixun.text.yamltext import load_yaml

TARGET_PATTERN = r"^[A-Za-z0-9_./-]+\.md(#[^\s#]+)?$"  # ids may be Chinese (### headings)


class Query(BaseModel):
    """One query and the places a good search sends the learner to."""

    model_config = ConfigDict(extra="forbid")
    query: str = Field(min_length=1)
    kind: Literal["term", "question", "partial", "lay", "pinyin"]
    """term 术语 · question 问句 · partial 半个词 · lay 学员自己的说法 · pinyin 拼音（全拼或首字母）."""
    expect: list[str] = Field(min_length=1)
    """``<lesson path>#<section id>`` under docs/, or a page path alone; any one is a hit."""

    def locations(self) -> set[str]:
        """The expected targets as the built site's search locations (``….html#id``)."""
        return {to_location(target) for target in self.expect}


class QuerySet(BaseModel):
    model_config = ConfigDict(extra="forbid")
    queries: list[Query] = Field(min_length=1)


def to_location(target: str) -> str:
    """``01-x/01-y.md#id`` → ``01-x/01-y.html#id``: the site is built without directory URLs."""
    path, _, anchor = target.partition("#")
    location = path.removesuffix(".md") + ".html"
    return f"{location}#{anchor}" if anchor else location


def load_queries(path: Path) -> list[Query]:
    """Read and check the query set; a target that is not ``….md`` or ``….md#id`` is an error."""
    shown = path.name
    data, locate = load_yaml(path.read_text(encoding="utf-8"), shown)
    queries = validate(QuerySet, data, shown, locate).queries
    pattern = re.compile(TARGET_PATTERN)
    for i, query in enumerate(queries):
        for j, target in enumerate(query.expect):
            if not pattern.match(target):
                raise ContentError(
                    shown,
                    locate(("queries", i, "expect", j)),
                    f"“{target}”不是“课文路径.md#小节id”或“课文路径.md”的形式。",
                )
    return queries
