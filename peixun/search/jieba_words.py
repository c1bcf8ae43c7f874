"""Teach jieba (the segmenter Material's search plugin uses) the course's own words."""

from __future__ import annotations

import io
import logging

import jieba

from peixun.search.userdict import userdict_text


def load_words(words: list[str]) -> None:
    """Add ``words`` to jieba's dictionary for this process (idempotent, so rebuilds are safe)."""
    jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict…" lines are not build news
    jieba.load_userdict(io.StringIO(userdict_text(words)))
