"""Chinese search. jieba learns the course's terms before pages are indexed;
each page's index entries are weighed as Material adds them; the index file is compacted and
given the pinyin of the glossary terms and page titles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from peixun.search.index_file import write_compact
from peixun.search.jieba_words import load_words
from peixun.search.ranking import weigh_page_entries
from peixun.search.userdict import dictionary
from peixun.site.bridge import glossary_of

log = get_plugin_logger(__name__)
# mkdocs-material's search plugin, and MkDocs-MaterialX's (the maintained fork; scripts/fork.py).
SEARCH_PLUGINS = ("material/search", "materialx/search")
ENGINE_PLUGIN = "material/search"
"""The search plugin whose worker protocol peixun's own worker speaks (assets/search/worker.js);
under MaterialX the theme's worker stays, with the query side in search-zh.js."""
INDEX_FILE = Path("search") / "search_index.json"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    terms = [t.term for t in glossary_of(config)]
    pages = [file.content_string for file in files.documentation_pages()]
    words = dictionary(terms, pages)
    load_words(words)
    log.debug("搜索分词词典：%d 个词（术语表 %d 条）", len(words), len(terms))
    return files


@event_priority(-10)  # after the search plugin has added this page's entries
def on_page_context(
    context: dict[str, object], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, object]:
    entries = _index_entries(config)
    if entries is not None:
        weigh_page_entries(entries, page.url)
    return context


def _index_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entries of this build's search index (MaterialX keeps it on its lunr provider)."""
    for name in SEARCH_PLUGINS:
        plugin = config.plugins.get(name)
        for owner in (plugin, getattr(plugin, "provider", None)):
            if (index := getattr(owner, "search_index", None)) is not None:
                entries: list[dict[str, Any]] = index.entries
                return entries
    return None


@event_priority(-50)  # after the search plugin wrote the index, before offline inlines it
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    path = site / INDEX_FILE
    if path.is_file():
        glossary = [(t.term, t.definition) for t in glossary_of(config)]
        split = site if own_worker(config) else None
        before, after = write_compact(path, glossary, split)
        log.debug("搜索索引：%d → %d 字节", before, after)


def own_worker(config: MkDocsConfig) -> bool:
    """Whether search runs in peixun's worker on the split index (Material's search plugin)."""
    return ENGINE_PLUGIN in config.plugins


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # main.html names the worker on search-lazy.js's tag, which hands it to the theme
    env.globals["peixun_search_worker"] = own_worker(config)
    return env
