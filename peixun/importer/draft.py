"""A lesson skeleton as a file: front matter (title, id, sources, what is known of the author,
``draft: true``) and the body in the fixed sections (:mod:`peixun.importer.skeleton`)."""

from __future__ import annotations

from typing import Any

import yaml

from peixun.importer.ids import pinyin_id
from peixun.importer.model import Article
from peixun.importer.skeleton import skeleton_body
from peixun.importer.split import UNTITLED
from peixun.importer.structure import to_markdown

FIELD_ORDER = ("author", "affiliation", "journal", "date", "keywords")
LESSON_FALLBACK_ID = "kewen"


def passage(article: Article, unit: str) -> str:
    """Where in the source the article is, in words an editor can find it by."""
    span = (
        f"第{article.first_line}{unit}"
        if article.first_line == article.last_line
        else f"第{article.first_line}–{article.last_line}{unit}"
    )
    return f"{span}：{article.label or article.title}"


def lesson_id(article: Article) -> str:
    """The lesson's id from its title (callers make it unique among the lessons they write)."""
    return pinyin_id(article.title, LESSON_FALLBACK_ID)


def front_matter(article: Article, file: str, unit: str, id_: str) -> dict[str, Any]:
    """The skeleton's front matter, fields in a fixed order so that output is stable."""
    data: dict[str, Any] = {
        "title": article.title,
        "id": id_,
        "sources": [{"file": file, "passage": passage(article, unit)}],
    }
    for name in FIELD_ORDER:
        if value := article.meta.get(name):
            data[name] = value
    data["draft"] = True
    return data


def citation(article: Article, file: str, unit: str) -> str:
    """The 资料来源 entry: what the source itself says of the article, and where it is."""
    said = [] if article.title == UNTITLED else [f"《{article.title}》"]
    said += [article.meta[name] for name in ("author", "journal", "date") if article.meta.get(name)]
    lead = f"{'，'.join(said)}；" if said else ""
    return f"- {lead}见原始文档`{file}`，{passage(article, unit)}。"


def render_draft(article: Article, file: str, unit: str, id_: str | None = None) -> str:
    """The whole skeleton file as text; ``id_`` defaults to :func:`lesson_id`."""
    header = yaml.safe_dump(
        front_matter(article, file, unit, id_ or lesson_id(article)),
        allow_unicode=True,
        sort_keys=False,
        width=1000,
    )
    body = skeleton_body(to_markdown(article.lines), citation(article, file, unit))
    return f"---\n{header}---\n\n{body}"
