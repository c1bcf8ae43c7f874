"""The editorial checks every lesson must pass (editorial guide §2–3), with file and line.

Run in the build (each problem a warning, so ``--strict`` stops) and by ``python -m peixun check``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from peixun.course.glossary import Term
from peixun.course.html_check import check_raw_html
from peixun.course.model import CLOSING_SECTIONS, FIXED_SECTION_IDS, OPENING_SECTION, Course, Lesson
from peixun.course.settings import is_id
from peixun.errors import ContentError
from peixun.memo import Memo
from peixun.quiz import Question, stats
from peixun.quiz.bank import read_bank
from peixun.quiz.course import BANK_SUFFIX
from peixun.text.charset import outside_gb2312, traditional_characters
from peixun.text.cutmarks import find_cut_mark
from peixun.text.debris import find_debris
from peixun.text.hanzi import HAN_CHARACTER
from peixun.text.markdown import Heading, Line
from peixun.text.punctuation import half_width_punctuation, space_between
from peixun.text.shingles import shingles, similar_pairs
from peixun.text.spacing import spaced_latin


def check_text(lesson: Lesson) -> list[ContentError]:
    """Punctuation, characters, debris and cut-out marks, line by line."""
    errors = []
    file = lesson.document.file

    def add(line: int, message: str) -> None:
        errors.append(ContentError(file, line, message))

    for line in lesson.markdown.prose_lines:
        prose = line.prose
        if found := half_width_punctuation(prose):
            add(line.number, f"中文里用了半角标点“{found}”，请改为全角（，；：？！（）“”）。")
        if mark := find_cut_mark(prose):
            cut = prose[max(0, mark.start() - 1) : mark.end() + 1]
            add(line.number, f"“{cut}”像是原文被挖掉的字，请核对原文后补正或改写。")
        if found := find_debris(prose):
            add(line.number, f"像是网页或 PDF 的残留内容：“{found}”，请删除。")
        if traditional := traditional_characters(prose):
            add(line.number, f"有繁体字：{'、'.join(traditional)}，请改为简体。")
        if odd := outside_gb2312(prose):
            add(line.number, f"“{'、'.join(odd)}”不在常用字范围（GB2312），可能是乱码，请核对。")
    return errors + check_spacing(file, lesson.markdown.prose_lines)


def check_spacing(file: str, lines: Iterable[Line]) -> list[ContentError]:
    """No space between Chinese characters, nor between Chinese and Latin letters or digits
    (CONTRIBUTING.md “二、干净、正确的中文”); for lessons and every other page an editor wrote."""
    errors = []
    for line in lines:
        if found := space_between(line.prose):
            errors.append(ContentError(file, line.number, f"汉字之间有空格：“{found}”，请删除。"))
        if spaced := spaced_latin(line.raw):
            written, wanted = spaced
            errors.append(
                ContentError(
                    file,
                    line.number,
                    f"汉字与字母、数字之间不加空格：“{written.strip()}”请写成“{wanted.strip()}”。",
                )
            )
    return errors


def _heading_problems(heading: Heading, seen: set[str], file: str) -> list[ContentError]:
    errors = []
    if not heading.spaced:
        errors.append(
            ContentError(
                file,
                heading.number,
                f"二级标题“{heading.text}”的“##”后缺少空格，请写成“## {heading.text}”。",
            )
        )
    if heading.id is None:
        errors.append(
            ContentError(
                file,
                heading.number,
                f"二级标题“{heading.text}”缺少 id，请写成“## 标题 {{#pinyin-id}}”。",
            )
        )
        return errors
    if not is_id(heading.id):
        errors.append(
            ContentError(file, heading.number, f"id“{heading.id}”应为小写拼音、数字和连字符。")
        )
    if heading.id in seen:
        errors.append(ContentError(file, heading.number, f"id“{heading.id}”在本课中重复。"))
    return errors


def check_sections(lesson: Lesson) -> list[ContentError]:
    """The fixed sections in order, and an explicit, unique, well-formed id on every ``##``."""
    file = lesson.document.file
    errors = []
    headings = [h for h in lesson.markdown.headings if h.level == 2]
    seen: set[str] = set()
    for heading in headings:
        errors += _heading_problems(heading, seen, file)
        if heading.id is not None:
            seen.add(heading.id)
    expected = [OPENING_SECTION, *CLOSING_SECTIONS]
    found = [(h.text, h.id or "") for h in headings]
    body_sections = len(headings) - len(expected)
    if not found or found[0] != OPENING_SECTION:
        errors.append(
            ContentError(
                file,
                headings[0].number if headings else None,
                "第一个二级标题应为“## 学习目标 {#mubiao}”。",
            )
        )
    if found[-len(CLOSING_SECTIONS) :] != list(CLOSING_SECTIONS):
        last_line = headings[-1].number if headings else None
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
    words about the lesson and may rightly echo each other. Fenced code is left out.
    """
    start, chunk = 0, list[str]()
    in_fixed = False
    headings = lesson.markdown.heading_at
    for line in lesson.markdown.prose_lines:
        heading = headings.get(line.number)
        if heading is not None and heading.level == 2:
            in_fixed = heading.id in FIXED_SECTION_IDS
        if in_fixed or heading is not None or not line.raw.strip():
            if chunk:
                yield start, "".join(chunk)
            chunk = []
            continue
        if not chunk:
            start = line.number
        chunk.append("".join(HAN_CHARACTER.findall(line.prose)))
    if chunk:
        yield start, "".join(chunk)


MIN_PARAGRAPH = 30  # Han characters; shorter lines (list items, headings) may rightly recur
SHARED = 0.5  # share of the shorter paragraph's 8-grams that makes two paragraphs one passage


def check_shared_passages(course: Course) -> list[ContentError]:
    """No passage told twice: paragraphs of two lessons sharing most of their 8-grams."""
    # The index holds an entry per 8-gram (millions at 1,000 lessons); with the cycle collector
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
    paragraphs = [
        (lesson, line, han)
        for lesson in course.lessons()
        for line, han in _paragraphs(lesson)
        if len(han) >= MIN_PARAGRAPH
    ]
    # A generator: similar_pairs keeps only its index, never every paragraph's 8-grams.
    grams = (shingles(han) for _, _, han in paragraphs)
    pairs = similar_pairs(grams, SHARED, total=len(paragraphs))
    errors = []
    for first, second, _ in pairs:
        (one, one_line, _), (other, other_line, _) = paragraphs[first], paragraphs[second]
        if one is not other:
            errors.append(
                ContentError(
                    other.document.file,
                    other_line,
                    f"这一段与 {one.document.file} 第 {one_line} 行的段落基本相同。"
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


def _check_lesson(lesson: Lesson) -> list[ContentError]:
    lines = [(line.number, line.raw) for line in lesson.markdown.prose_lines]
    return check_sections(lesson) + check_text(lesson) + check_raw_html(lesson.document.file, lines)


# A lesson's own checks read nothing but the lesson: under mkdocs serve, saving one lesson
# checks that lesson again, not all of them (peixun.memo).
_LESSON_CHECKS: Memo[list[ContentError]] = Memo()


def check_lesson(lesson: Lesson) -> list[ContentError]:
    """The checks of one lesson on its own: sections, text, raw HTML."""
    return list(_LESSON_CHECKS.get(lambda: _check_lesson(lesson), lesson))


def check_course(course: Course, terms: list[Term], glossary_file: str) -> list[ContentError]:
    """Every editorial check over the whole course."""
    errors: list[ContentError] = []
    for lesson in course.lessons():
        errors += check_lesson(lesson)
    errors += check_shared_passages(course)
    errors += check_glossary(terms, course, glossary_file)
    return errors


def check_question_minimum(
    course: Course, questions: Mapping[str, Sequence[Question]]
) -> list[ContentError]:
    """Every lesson has at least MIN_HAND_WRITTEN hand-written questions: an error, since a
    lesson below the minimum is not ready to publish (drafts are refused on their own)."""
    errors = []
    for lesson in course.lessons():
        if lesson.meta.draft:
            continue
        written = stats.hand_written(questions.get(lesson.slug, []))
        if written < stats.MIN_HAND_WRITTEN:
            errors.append(
                ContentError(
                    lesson.document.file,
                    None,
                    f"本课只有 {written} 道手写的自测题，每课至少 {stats.MIN_HAND_WRITTEN} 道"
                    f"（自动生成的题不计）。请在 quizzes/{lesson.slug}{BANK_SUFFIX} 中补足。",
                )
            )
    return errors


@dataclass(frozen=True)
class BankReport:
    """What ``python -m peixun check`` says about the banks' fairness (never fatal)."""

    lines: list[str]
    """One line per bank, then the course's line."""
    warnings: list[ContentError]
    """Questions to improve, with file and line; and the course's counts over the limits."""


def bank_report(
    course: Course, quizzes_dir: Path, questions: Mapping[str, Sequence[Question]]
) -> BankReport:
    """Where the right options stand as shown, true/false balance, multiple-answer questions
    with too few wrong options: per bank (hand-written questions) and for the course."""
    lines: list[str] = []
    warnings: list[ContentError] = []
    tallies = []
    for lesson in course.lessons():
        path = quizzes_dir / f"{lesson.slug}{BANK_SUFFIX}"
        if not path.is_file():
            continue
        shown = f"{quizzes_dir.name}/{lesson.slug}{BANK_SUFFIX}"
        loaded = read_bank(path, shown)  # already read and checked by course_questions
        written = [q for q in questions.get(lesson.slug, []) if not q.generated]
        counts = stats.tally(lesson.meta.id, written)
        tallies.append(counts)
        lines.append(f"{shown}：{stats.describe(counts)}")
        for i, q in enumerate(loaded.bank.questions):
            if stats.too_few_wrong(q):
                warnings.append(
                    ContentError(
                        shown,
                        loaded.locate(("questions", i, "options")),
                        f"多选题“{q.id}”只有 {stats.wrong_options(q)} 个错误选项"
                        f"（应至少 {stats.MIN_WRONG} 个，否则几乎全选就对），"
                        "请从课程中取似是而非的说法补足。",
                    )
                )
    course_counts = stats.total(tallies)
    lines.append(f"全课程（手写题）：{stats.describe(course_counts)}")
    warnings += [
        ContentError(quizzes_dir.name, None, f"全课程：{why}。")
        for why in stats.unfair(course_counts)
    ]
    return BankReport(lines, warnings)
