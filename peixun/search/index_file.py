"""The search index file, written compactly.

Material writes ``search_index.json`` with every Chinese character and every word break
(U+200B) escaped as ``\\uXXXX``: six bytes where UTF-8 needs three. The offline plugin then
inlines the same text into ``search_index.js``, which a browser opened from a folder parses
on first search. Rewriting the file as UTF-8 halves it without changing a value.
"""

from __future__ import annotations

import json
from pathlib import Path


def write_compact(path: Path) -> tuple[int, int]:
    """Rewrite the JSON file at ``path`` as compact UTF-8; return its sizes before and after."""
    before = path.stat().st_size
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return before, path.stat().st_size
