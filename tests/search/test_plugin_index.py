"""The search hook weighs entries of Material's index and of MaterialX's (the maintained fork)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from peixun.site.hooks import search


def _config(plugins: dict[str, Any]) -> Any:
    return SimpleNamespace(plugins=plugins)


def test_material_index_is_found_on_the_plugin() -> None:
    entries = [{"location": "a.html", "title": "甲", "text": "乙"}]
    plugin = SimpleNamespace(search_index=SimpleNamespace(entries=entries))
    assert search._index_entries(_config({"material/search": plugin})) is entries


def test_materialx_index_is_found_on_its_lunr_provider() -> None:
    entries = [{"location": "a.html", "title": "甲", "text": "乙"}]
    provider = SimpleNamespace(search_index=SimpleNamespace(entries=entries))
    plugin = SimpleNamespace(provider=provider)
    assert search._index_entries(_config({"materialx/search": plugin})) is entries


@pytest.mark.parametrize("plugins", [{}, {"materialx/search": SimpleNamespace(provider=None)}])
def test_no_search_plugin_means_nothing_to_weigh(plugins: dict[str, Any]) -> None:
    assert search._index_entries(_config(plugins)) is None
