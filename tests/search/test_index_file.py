"""Compacting the search index file keeps every value."""

from __future__ import annotations

import json
from pathlib import Path

from peixun.search.index_file import write_compact


def test_compact_index_has_the_same_data_in_fewer_bytes(tmp_path: Path) -> None:
    data = {"config": {"separator": "[\\s\\u200b]+"}, "docs": [{"title": "党支部\u200b书记"}]}
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    before, after = write_compact(path)
    assert after < before
    assert json.loads(path.read_text(encoding="utf-8")) == data
    assert "党支部\u200b书记" in path.read_text(encoding="utf-8")
