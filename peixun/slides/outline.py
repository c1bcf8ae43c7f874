"""A lesson, or a chapter, as a slide outline: what each slide shows and what its notes hold.

Nothing on a slide is written by us but titles: a point is one of the lesson's list items or the
first sentence of one of its paragraphs, word for word. A point too long for three lines is cut
at its own semicolons or commas into several points, and a slide holds at most ``BODY_LINES``
lines, so a long section runs over several slides ("（续）") instead of filling one with text.
The speaker notes hold the section's full text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from peixun.course.model import Chapter, Lesson
from peixun.slides.blocks import Block, inline_plain, plain_text, read_blocks
from peixun.text.markdown import Section

CHARS_PER_LINE = 36  # full-width characters on one line of the body at its font size
BODY_LINES = 9  # lines of body text on one slide (the title adds one or two)
POINT_LINES = 3  # a point longer than this is cut at its own punctuation
SENTENCE_END = re.compile(r"(?<=[。！？!?])(?![”’」』）)\]])")
CLAUSE_END = (re.compile(r"(?<=[；;])"), re.compile(r"(?<=[，,：:])"))
DATE_LINE = "日期："
CONTINUED = "（续）"
SKIPPED_KINDS = ("label", "note")  # editors' notes stay in the speaker notes

SlideKind = Literal["title", "lesson", "points", "question"]


PointStyle = Literal["point", "heading", "more"]


@dataclass(frozen=True)
class Point:
    """A line group on a slide: a point, a sub-heading of the section, or the rest of a point
    cut at its punctuation (``more``: shown without a bullet of its own)."""

    text: str
    level: int = 0
    style: PointStyle = "point"


@dataclass(frozen=True)
class Slide:
    """One slide: its kind, title, lines under the title, and its speaker notes."""

    kind: SlideKind
    title: str
    points: tuple[Point, ...] = ()
    notes: str = ""
    subtitle: tuple[str, ...] = ()
    """Title and lesson slides: the lines under the title (course name, date line)."""


def width(text: str) -> float:
    """Display width in full-width characters (ASCII letters and digits take half)."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


def lines_of(point: Point) -> int:
    """How many lines the point takes on a slide (sub-points are indented by two)."""
    usable = CHARS_PER_LINE - 2 * point.level - 1  # the bullet takes a place
    return max(1, math.ceil(width(point.text) / usable))


def _pieces(text: str, patterns: Iterable[re.Pattern[str]]) -> list[str]:
    """``text`` cut at the first pattern that makes every piece short enough, or at each."""
    limit = POINT_LINES * (CHARS_PER_LINE - 3)
    if width(text) <= limit:
        return [text]
    for pattern in patterns:
        parts = [p for p in pattern.split(text) if p]
        if len(parts) > 1:
            merged: list[str] = []
            for part in parts:  # keep neighbouring short clauses together
                if merged and width(merged[-1] + part) <= limit:
                    merged[-1] += part
                else:
                    merged.append(part)
            return [piece for part in merged for piece in _pieces(part, CLAUSE_END[1:])]
    return [text[i : i + int(limit)] for i in range(0, len(text), int(limit))]


def split_point(point: Point) -> list[Point]:
    """A long point as several, cut at its semicolons, then commas (never reworded)."""
    pieces = _pieces(point.text, CLAUSE_END)
    return (
        [point]
        if len(pieces) == 1
        else [
            Point(piece, point.level, point.style if i == 0 else "more")
            for i, piece in enumerate(pieces)
        ]
    )


def first_sentence(text: str) -> str:
    """The paragraph's first sentence, as written."""
    return next((s for s in SENTENCE_END.split(text) if s.strip()), text).strip()


def points_of(blocks: Iterable[Block]) -> list[Point]:
    """The slide points of a section's blocks: items whole, paragraphs' first sentences."""
    points: list[Point] = []
    for block in blocks:
        if block.kind in SKIPPED_KINDS:
            continue
        if block.kind == "heading":
            points.append(Point(block.text, style="heading"))
        elif block.kind == "item":
            level = min(block.depth, 1)
            text = f"{block.marker} {block.text}" if block.marker else block.text
            points.extend(split_point(Point(text, level)))
        else:
            points.extend(split_point(Point(first_sentence(block.text))))
    return points


def paginate(title: str, points: list[Point], notes: str) -> list[Slide]:
    """The points over as many slides as they need; the first one carries the notes."""
    pages: list[list[Point]] = [[]]
    used = 0
    for point in points:
        need = lines_of(point)
        if pages[-1] and used + need > BODY_LINES:
            # a sub-heading goes over with the text under it
            last = pages[-1]
            carried = [last.pop()] if len(last) > 1 and last[-1].style == "heading" else []
            pages.append(carried)
            used = sum(lines_of(p) for p in carried)
        pages[-1].append(point)
        used += need
    slides = []
    for n, page in enumerate(pages):
        shown = title if n == 0 else title + CONTINUED
        text = notes if n == 0 else f"（接上页：{title}）"
        slides.append(Slide("points", shown, tuple(page), text))
    return slides


def section_slides(section: Section) -> list[Slide]:
    """A teaching section (or 学习目标, 本课要点) as one or more slides."""
    blocks = read_blocks(section.content)
    return paginate(section.title, points_of(blocks), plain_text(section.content))


def question_slides(section: Section) -> list[Slide]:
    """思考与讨论: one question a slide; a question in prose is taken whole."""
    blocks = [b for b in read_blocks(section.content) if b.kind in ("item", "paragraph")]
    questions = [b for b in blocks if b.kind == "item" and b.depth == 0] or blocks
    total = len(questions)
    slides = []
    for n, block in enumerate(questions, start=1):
        title = f"{section.title}（{n}/{total}）" if total > 1 else section.title
        points = split_point(Point(block.text))
        slides.append(Slide("question", title, tuple(points), block.text))
    return slides


def lesson_slides(lesson: Lesson, label: str) -> list[Slide]:
    """The lesson's own slides, after a slide with its title (``label``: ``第 1 课``)."""
    slides = [Slide("lesson", inline_plain(lesson.title), subtitle=(label,))]
    for section in lesson.markdown.sections_at(2):
        if section.id == "laiyuan":
            continue
        if section.id == "taolun":
            slides += question_slides(section)
        else:
            slides += section_slides(section)
    return slides


def sources_slides(lessons: Iterable[tuple[str, Lesson]]) -> list[Slide]:
    """The closing slides: every lesson's 资料来源 items under the lesson's label."""
    points: list[Point] = []
    notes: list[str] = []
    for label, lesson in lessons:
        found = next((s for s in lesson.markdown.sections_at(2) if s.id == "laiyuan"), None)
        if found is None:
            continue
        points.append(Point(f"{label}　{inline_plain(lesson.title)}"))
        items = [b for b in read_blocks(found.content) if b.kind in ("item", "paragraph")]
        for block in items:
            points.extend(split_point(Point(block.text, 1)))
        notes.append(f"{label}　{lesson.title}\n{plain_text(found.content)}")
    return paginate("资料来源", points, "\n\n".join(notes)) if points else []


def title_slide(course_name: str, title: str, *under: str) -> Slide:
    """The opening slide: the chapter (or lesson), the course, and a date line left blank."""
    lines = (inline_plain(course_name), *map(inline_plain, under), DATE_LINE)
    return Slide("title", inline_plain(title), subtitle=lines)


def chapter_outline(course_name: str, chapter: Chapter) -> list[Slide]:
    """The chapter's deck: title, each lesson's slides, the sources."""
    labelled = [(f"第 {i} 课", lesson) for i, lesson in enumerate(chapter.lessons, start=1)]
    slides = [title_slide(course_name, chapter.title)]
    for label, lesson in labelled:
        slides += lesson_slides(lesson, label)
    return slides + sources_slides(labelled)


def lesson_outline(course_name: str, chapter: Chapter, lesson: Lesson) -> list[Slide]:
    """One lesson's deck: its title slide names the chapter too."""
    label = f"第 {chapter.lessons.index(lesson) + 1} 课"
    slides = [title_slide(course_name, lesson.title, f"{chapter.title} · {label}")]
    slides += lesson_slides(lesson, label)[1:]
    return slides + sources_slides([(label, lesson)])
