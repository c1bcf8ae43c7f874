"""The editorial checks every lesson must pass (editorial guide §2–3), with file and line.

Run in the build (each problem a warning, so ``--strict`` stops) and by ``python -m peixun check``.
"""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from opencc_purepy import OpenCC

from peixun.course.glossary import Term
from peixun.course.html_check import check_raw_html
from peixun.course.model import CLOSING_SECTIONS, FIXED_SECTION_IDS, OPENING_SECTION, Course, Lesson
from peixun.errors import ContentError
from peixun.text.hanzi import HAN, HAN_CHARACTER

HEADING = re.compile(r"^##\s+(?P<text>.+?)\s*(?:\{\s*#(?P<id>[^}\s]+)\s*\})?\s*$")
SECTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Debris that copies from web pages and PDFs bring with them.
DEBRIS = re.compile(
    r"本文章共\d+页|\[NextPage\]|浏览量|浏览次数|阅读数|点赞|收藏|分享到|由会员分享|"
    r"精品文档|下载|淘文阁|taowenge|https?://|www\.|\.pdf|!\[[^\]]*\]\(|第\s*\d+\s*页|共\s*\d+\s*页"
)
ASCII_PUNCT = re.compile(
    rf"[{HAN}“”‘’][,;:?!]|[,;:?!](?=[{HAN}“”‘’])|[{HAN}]\(|\((?=[{HAN}])|[{HAN}]\)|"
    rf"[{HAN}]\"|\"(?=[{HAN}])"
)
CUT_MARK = re.compile(rf"[{HAN}][`/][{HAN}]")
SPACE_BETWEEN = re.compile(rf"[{HAN}，。；：？！、][ \u3000]+[{HAN}]")
# What is not prose on a line: inline code, link targets, attribute lists, HTML tags, the
# title of an admonition; each stands in as one neutral mark. Emphasis marks just go.
NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|\{[:#][^}]*\}|<[^>]+>|^\s*[!?]{3}.*$")
EMPHASIS = re.compile(r"\*+")


@cache
def _t2s() -> OpenCC:
    return OpenCC("t2s")


def _prose_lines(lesson: Lesson) -> Iterator[tuple[int, str, str]]:
    """(file line, raw line, line with non-prose removed) for each body line outside code."""
    fenced = False
    for offset, raw in enumerate(lesson.document.body.split("\n")):
        if raw.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if not fenced:
            prose = EMPHASIS.sub("", NOT_PROSE.sub("〇", raw))
            yield lesson.document.body_line + offset, raw, prose


def _traditional(text: str) -> list[str]:
    """Characters that OpenCC converts both in context and alone.

    The phrase tables alone misfire on some simplified text (即告结束 → 告結); a character
    that stays the same when converted on its own is Simplified already.
    """
    # Only a character that changes alone can be reported: without one, skip the costly
    # phrase conversion of the whole line (most lines).
    changing = _changing_alone(set(text))
    if not changing:
        return []
    converted = _t2s().t2s(text)
    if converted == text or len(converted) != len(text):
        return []
    return sorted({a for a, b in zip(text, converted, strict=True) if a != b and a in changing})


_ALONE: dict[bool, set[str]] = {True: set(), False: set()}  # does OpenCC change it alone?


def _changing_alone(chars: set[str]) -> set[str]:
    """Those of ``chars`` that OpenCC converts on their own (memoised: set operations only)."""
    for ch in chars - _ALONE[True] - _ALONE[False]:
        _ALONE[_t2s().t2s(ch) != ch].add(ch)
    return chars & _ALONE[True]


def _not_gb2312(text: str) -> list[str]:
    han = HAN_CHARACTER.findall(text)
    try:
        "".join(han).encode("gb2312")  # one call for the usual line where every character fits
        return []
    except UnicodeEncodeError:
        pass
    out = []
    for ch in han:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            out.append(ch)
    return out


def check_text(lesson: Lesson) -> list[ContentError]:
    """Punctuation, characters, debris and cut-out marks, line by line."""
    errors = []
    file = lesson.document.file

    def add(line: int, message: str) -> None:
        errors.append(ContentError(file, line, message))

    for line, raw, prose in _prose_lines(lesson):
        if m := ASCII_PUNCT.search(prose):
            add(line, f"中文里用了半角标点“{m[0]}”，请改为全角（，；：？！（）“”）。")
        if m := CUT_MARK.search(raw):
            add(line, f"“{m[0]}”像是原文被挖掉的字，请核对原文后补正或改写。")
        if m := SPACE_BETWEEN.search(prose):
            add(line, f"汉字之间有空格：“{m[0]}”，请删除。")
        if m := DEBRIS.search(prose):
            add(line, f"像是网页或 PDF 的残留内容：“{m[0]}”，请删除。")
        if traditional := _traditional(prose):
            add(line, f"有繁体字：{'、'.join(traditional)}，请改为简体。")
        if odd := _not_gb2312(prose):
            add(line, f"“{'、'.join(odd)}”不在常用字范围（GB2312），可能是乱码，请核对。")
    return errors


def check_sections(lesson: Lesson) -> list[ContentError]:
    """The fixed sections in order, and an explicit, unique, well-formed id on every ``##``."""
    file = lesson.document.file
    errors = []
    headings: list[tuple[int, str, str]] = []
    for line, raw, _ in _prose_lines(lesson):
        if raw.startswith("## "):
            m = HEADING.match(raw)
            assert m  # "## " always matches
            if not m["id"]:
                errors.append(
                    ContentError(
                        file,
                        line,
                        f"二级标题“{m['text']}”缺少 id，请写成“## 标题 {{#pinyin-id}}”。",
                    )
                )
                headings.append((line, m["text"], ""))
                continue
            if not SECTION_ID.match(m["id"]):
                errors.append(
                    ContentError(file, line, f"id“{m['id']}”应为小写拼音、数字和连字符。")
                )
            if any(h[2] == m["id"] for h in headings):
                errors.append(ContentError(file, line, f"id“{m['id']}”在本课中重复。"))
            headings.append((line, m["text"], m["id"]))
    expected = [OPENING_SECTION, *CLOSING_SECTIONS]
    found = [(text, id_) for _, text, id_ in headings]
    body_sections = len(headings) - len(expected)
    if not found or found[0] != OPENING_SECTION:
        errors.append(
            ContentError(
                file,
                headings[0][0] if headings else None,
                "第一个二级标题应为“## 学习目标 {#mubiao}”。",
            )
        )
    if found[-len(CLOSING_SECTIONS) :] != list(CLOSING_SECTIONS):
        last_line = headings[-1][0] if headings else None
        errors.append(
            ContentError(
                file,
                last_line,
                "最后三个二级标题应依次为“本课要点 {#yaodian}”“思考与讨论 {#taolun}”“资料来源 {#laiyuan}”。",
            )
        )
    if body_sections < 1:
        errors.append(
            ContentError(
                file, None, "学习目标与本课要点之间至少要有一个正文小节（## 标题 {#id}）。"
            )
        )
    return errors


def _paragraphs(lesson: Lesson) -> Iterator[tuple[int, str]]:
    """(first line, Han characters only) of each paragraph of the lesson's body sections.

    The fixed sections (objectives, key points, discussion, sources) are the editor's own
    words about the lesson and may rightly echo each other.
    """
    start, chunk = 0, list[str]()
    in_fixed = False
    for line, raw, prose in _prose_lines(lesson):
        if raw.startswith("## "):
            heading = HEADING.match(raw)
            in_fixed = bool(heading and heading["id"] in FIXED_SECTION_IDS)
        if in_fixed or not raw.strip() or raw.startswith("#"):
            if chunk:
                yield start, "".join(chunk)
            chunk = []
            continue
        if not chunk:
            start = line
        chunk.append("".join(re.findall(rf"[{HAN}]", prose)))
    if chunk:
        yield start, "".join(chunk)


NGRAM = 8
MIN_PARAGRAPH = 30  # Han characters; shorter lines (list items, headings) may rightly recur
SHARED = 0.5  # share of the shorter paragraph's 8-grams that makes two paragraphs one passage


def check_shared_passages(course: Course) -> list[ContentError]:
    """No passage told twice: paragraphs of two lessons sharing most of their 8-grams."""
    # The index holds a set per 8-gram (a million at 1,000 lessons); with the cycle collector
    # walking them all again and again, the check grew faster than the course. Nothing here
    # makes reference cycles, so pause the collector while indexing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        # Sorted, so that a build's warnings come in the same order every time.
        return sorted(_shared_passages(course), key=lambda e: (e.file, e.line or 0, e.message))
    finally:
        if enabled:
            gc.enable()


def _shared_passages(course: Course) -> list[ContentError]:
    index: dict[int, set[int]] = defaultdict(set)  # hash of 8-gram -> paragraph numbers
    paragraphs: list[tuple[Lesson, int, int]] = []  # lesson, line, number of 8-grams
    errors = []
    for lesson in course.lessons():
        for line, han in _paragraphs(lesson):
            if len(han) < MIN_PARAGRAPH:
                continue
            grams = {hash(han[i : i + NGRAM]) for i in range(len(han) - NGRAM + 1)}
            number = len(paragraphs)
            paragraphs.append((lesson, line, len(grams)))
            counts: dict[int, int] = defaultdict(int)
            for g in grams:
                for other in index[g]:
                    counts[other] += 1
                index[g].add(number)
            for other, shared in counts.items():
                other_lesson, other_line, other_size = paragraphs[other]
                if other_lesson is lesson:
                    continue
                if shared >= SHARED * min(len(grams), other_size):
                    errors.append(
                        ContentError(
                            lesson.document.file,
                            line,
                            f"这一段与 {other_lesson.document.file} 第 {other_line} 行的段落基本相同。"
                            "同一内容只在一课中讲，另一处请改为链接。",
                        )
                    )
    return errors


def check_glossary(terms: list[Term], course: Course, file: str) -> list[ContentError]:
    """Each term defined once and used in at least one lesson."""
    from peixun.course.glossary import duplicate_terms

    errors = duplicate_terms(terms, file)
    bodies = [lesson.document.body for lesson in course.lessons()]
    for t in terms:
        if not any(t.term in body for body in bodies):
            errors.append(ContentError(file, t.line, f"术语“{t.term}”没有在任何课文中出现。"))
    return errors


def check_course(course: Course, terms: list[Term], glossary_file: str) -> list[ContentError]:
    """Every editorial check over the whole course."""
    errors: list[ContentError] = []
    for lesson in course.lessons():
        errors += check_sections(lesson)
        errors += check_text(lesson)
        lines = ((line, raw) for line, raw, _ in _prose_lines(lesson))
        errors += check_raw_html(lesson.document.file, lines)
    errors += check_shared_passages(course)
    errors += check_glossary(terms, course, glossary_file)
    return errors
