"""The importer's steps in order: one document's lines in, articles and events out.

1. decode (:mod:`read`, before this module)      6. punctuation to GB/T 15834
2. repair mojibake; flag characters outside GB2312  7. split into articles
3. Traditional → Simplified                       8. structure as Markdown (:mod:`draft`)
4. remove what is not text; header → front matter  9. flag suspects and duplicates
5. rejoin broken lines, part glued paragraphs
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from peixun.importer.debris import (
    remove_inline_debris,
    remove_notice_lines,
    remove_page_breaks,
    remove_preview_lines,
)
from peixun.importer.header import extract_header
from peixun.importer.model import Article, Event, Kind, Line, StepResult
from peixun.importer.mojibake import flag_rare_characters, repair_mojibake
from peixun.importer.progress import Progress
from peixun.importer.punctuation import normalize_lines
from peixun.importer.read import Source
from peixun.importer.rejoin import join_broken_lines, separate_paragraphs
from peixun.importer.simplify import simplify
from peixun.importer.split import split_articles
from peixun.importer.suspects import find_suspects
from peixun.text.punctuation import normalize_punctuation

Step = Callable[[list[Line]], StepResult]

# Steps 2 to 6, in order. The GB2312 check runs after conversion, when only the characters no
# converter knows are left outside GB2312.
LINE_STEPS: tuple[Step, ...] = (
    repair_mojibake,  # 2
    simplify,  # 3
    flag_rare_characters,  # 2, checked after 3
    remove_notice_lines,  # 4
    remove_preview_lines,  # 4
    remove_page_breaks,  # 4
    remove_inline_debris,  # 4
    extract_header,  # 4
    join_broken_lines,  # 5
    separate_paragraphs,  # 5
    normalize_lines,  # 6
)
# What each step is called in the progress line of a long import.
STEP_NAMES: dict[Step, str] = {
    repair_mojibake: "修复乱码",
    simplify: "繁体转简体",
    flag_rare_characters: "查找生僻字",
    remove_notice_lines: "去掉下载须知",
    remove_preview_lines: "去掉预览提示",
    remove_page_breaks: "去掉分页",
    remove_inline_debris: "去掉网页残留",
    extract_header: "提取作者和刊物",
    join_broken_lines: "接回断行",
    separate_paragraphs: "分开粘连的段落",
    normalize_lines: "改正标点",
}
# Word paragraphs are real paragraphs: never joined.
WORD_SKIPS = frozenset({join_broken_lines})
META_FIELDS = ("author", "journal", "date", "affiliation", "keywords")


@dataclass
class ImportedDocument:
    """One input file after the pipeline."""

    source: Source
    articles: list[Article]
    events: list[Event] = field(default_factory=list)


def clean_lines(
    lines: list[Line], *, from_word: bool = False, progress: Progress | None = None
) -> tuple[list[Line], list[Event]]:
    """Steps 2 to 6 over ``lines``."""
    events: list[Event] = []
    for step in LINE_STEPS:
        if from_word and step in WORD_SKIPS:
            continue
        if progress is not None:
            progress.stage(STEP_NAMES[step])
        result = step(lines)
        lines = result.lines
        events += result.events
    return lines, events


def _attach_meta(articles: list[Article], events: list[Event]) -> None:
    """Give each article the header fields found within its lines (the first one found wins)."""
    for event in events:
        if event.kind is not Kind.MOVED or event.field not in META_FIELDS:
            continue
        for article in articles:
            if article.first_line <= event.line <= article.last_line:
                article.meta.setdefault(event.field, normalize_punctuation(event.value))
                break


def import_source(source: Source, progress: Progress | None = None) -> ImportedDocument:
    """Run steps 2 to 7 and the per-article half of step 9 on one read input."""
    lines, events = clean_lines(source.lines, from_word=source.unit == "段", progress=progress)
    events = [*source.events, *events]
    if progress is not None:
        progress.stage("拆分篇目、查找可疑之处")
    articles, split_events = split_articles(lines)  # 7
    events += split_events
    _attach_meta(articles, events)
    for article in articles:  # 9
        events += find_suspects(article.lines).events
    events.sort(key=lambda event: event.line)
    return ImportedDocument(source, articles, events)
