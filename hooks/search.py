"""MkDocs hook: Chinese search. jieba learns the course's terms before pages are indexed,
and the index entries are weighed before Material writes the index."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from peixun.mkdocs_bridge import build_errors
from peixun.search.glossary import glossary_terms
from peixun.search.jieba_words import load_words
from peixun.search.ranking import weigh_entries
from peixun.search.userdict import dictionary

log = get_plugin_logger(__name__)
GLOSSARY = "glossary.md"
SEARCH_PLUGIN = "material/search"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir)
    with build_errors():
        terms = [t.term for t in glossary_terms(docs / GLOSSARY, f"{docs.name}/{GLOSSARY}")]
    pages = [file.content_string for file in files.documentation_pages()]
    words = dictionary(terms, pages)
    load_words(words)
    log.debug("搜索分词词典：%d 个词（术语表 %d 条）", len(words), len(terms))
    return files


@event_priority(50)  # before the search plugin writes search_index.json
def on_post_build(config: MkDocsConfig) -> None:
    search = config.plugins.get(SEARCH_PLUGIN)
    index = getattr(search, "search_index", None)
    if index is not None:
        weigh_entries(index.entries)
