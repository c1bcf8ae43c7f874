"""MkDocs hook: Chinese search. jieba learns the course's terms before pages are indexed."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from peixun.mkdocs_bridge import build_errors
from peixun.search.glossary import glossary_terms
from peixun.search.jieba_words import load_words
from peixun.search.userdict import dictionary

log = get_plugin_logger(__name__)
GLOSSARY = "glossary.md"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = Path(config.docs_dir)
    with build_errors():
        terms = [t.term for t in glossary_terms(docs / GLOSSARY, f"{docs.name}/{GLOSSARY}")]
    pages = [file.content_string for file in files.documentation_pages()]
    words = dictionary(terms, pages)
    load_words(words)
    log.debug("搜索分词词典：%d 个词（术语表 %d 条）", len(words), len(terms))
    return files
