"""A draft lesson: front matter (title, sources, what is known of the author) and the body."""

from __future__ import annotations

from typing import Any

import yaml

from peixun.importer.model import Article
from peixun.importer.structure import to_markdown

FIELD_ORDER = ("author", "affiliation", "journal", "date", "keywords")


def passage(article: Article, unit: str) -> str:
    """Where in the source the article is, in words an editor can find it by."""
    span = (
        f"第 {article.first_line} {unit}"
        if article.first_line == article.last_line
        else f"第 {article.first_line}–{article.last_line} {unit}"
    )
    return f"{span}：{article.label or article.title}"


def front_matter(article: Article, file: str, unit: str) -> dict[str, Any]:
    """The draft's front matter, fields in a fixed order so that output is stable."""
    data: dict[str, Any] = {
        "title": article.title,
        "sources": [{"file": file, "passage": passage(article, unit)}],
    }
    for name in FIELD_ORDER:
        if value := article.meta.get(name):
            data[name] = value
    data["draft"] = True
    return data


def render_draft(article: Article, file: str, unit: str) -> str:
    """The whole draft file as text."""
    header = yaml.safe_dump(
        front_matter(article, file, unit), allow_unicode=True, sort_keys=False, width=1000
    )
    return f"---\n{header}---\n\n{to_markdown(article.lines)}"
