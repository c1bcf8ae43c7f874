"""The search index file, written compactly, with peixun's own additions.

Material writes ``search_index.json`` with every Chinese character and every word break
(U+200B) escaped as ``\\uXXXX``: six bytes where UTF-8 needs three. The offline plugin then
inlines the same text into ``search_index.js``, which a browser opened from a folder parses
on first search. Rewriting the file as UTF-8 halves it without changing a value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from peixun.search.pinyin import CONFIG_KEY as PINYIN_KEY
from peixun.search.pinyin import pinyin_table
from peixun.search.split_index import write_split
from peixun.search.variants import CONFIG_KEY as VARIANTS_KEY
from peixun.search.variants import glossary_variants

TAG = re.compile(r"<[^>]*>|\u200b")


def page_titles(index: dict[str, Any]) -> list[str]:
    """The titles of the pages in the index (entries without ``#``: a page, not a section)."""
    return [
        TAG.sub("", str(doc.get("title", "")))
        for doc in index.get("docs", [])
        if "#" not in str(doc.get("location", ""))
    ]


def write_compact(
    path: Path, glossary: Iterable[tuple[str, str]] = (), split: Path | None = None
) -> tuple[int, int]:
    """Rewrite the index at ``path`` as compact UTF-8, adding to its ``config`` the pinyin of the
    glossary's terms and of the page titles, and the glossary's variants (``glossary``: pairs of
    term and definition); return the file's sizes before and after.

    With ``split`` (the site folder), the documents go to peixun's split index there
    (:mod:`peixun.search.split_index`) and the file keeps only the ``config``, which the theme's
    page script still reads (the highlighting of a result's words)."""
    before = path.stat().st_size
    data = json.loads(path.read_text(encoding="utf-8"))
    glossary = list(glossary)
    additions = {
        PINYIN_KEY: pinyin_table([*(term for term, _ in glossary), *page_titles(data)]),
        VARIANTS_KEY: glossary_variants(glossary),
    }
    if split is None:
        data.setdefault("config", {}).update(additions)
    else:  # the worker reads the additions from the split index's meta.js
        write_split(split, data, additions)
        data = {**data, "docs": []}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return before, path.stat().st_size
