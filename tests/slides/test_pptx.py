"""The decks as PowerPoint reads them back: 16:9, Chinese faces, short slides, notes, no answers."""

from __future__ import annotations

import math
import re
from pathlib import Path

from pptx import Presentation
from pptx.util import Inches
from pypdf import PdfReader

from peixun.slides.blocks import plain_text
from peixun.slides.outline import CHARS_PER_LINE, chapter_outline, width
from peixun.slides.project import course_name
from tests.handouts.conftest import CourseWithQuestions
from tests.sitebuild import ROOT
from tests.slides.office import to_pdf

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
MAX_LINES = 12  # title included


def _deck(decks: Path, folder: str) -> object:
    return Presentation(str(decks / f"{folder}-slides.pptx"))


def _all_text(deck: object) -> str:
    parts = []
    for slide in deck.slides:  # type: ignore[attr-defined]
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def test_one_16_9_deck_per_chapter_with_the_outlines_slides(
    decks: Path, real_course: CourseWithQuestions
) -> None:
    name = course_name(ROOT)
    for chapter in real_course.course.chapters:
        deck = _deck(decks, chapter.folder)
        assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))
        outline = chapter_outline(name, chapter)
        assert len(deck.slides) == len(outline)
        first = deck.slides[0]
        texts = [s.text_frame.text for s in first.shapes if s.has_text_frame]
        assert texts[0] == chapter.title
        assert name in texts[1] and texts[1].endswith("日期：")  # the date is left to fill in
        for slide, spec in zip(deck.slides, outline, strict=True):
            assert slide.shapes.title.text_frame.text == spec.title


def test_no_slide_has_more_than_twelve_lines(decks: Path, real_course: CourseWithQuestions) -> None:
    for chapter in real_course.course.chapters:
        for n, slide in enumerate(_deck(decks, chapter.folder).slides, start=1):
            lines = 0
            for shape in slide.shapes:
                if shape.has_text_frame:
                    for paragraph in shape.text_frame.paragraphs:
                        lines += max(1, math.ceil(width(paragraph.text) / CHARS_PER_LINE))
            assert lines <= MAX_LINES, (chapter.folder, n)


def test_every_run_names_a_chinese_east_asian_face(decks: Path) -> None:
    deck = _deck(decks, "01-juese-renzhi")
    runs = 0
    for slide in deck.slides:
        frames = [s.text_frame for s in slide.shapes if s.has_text_frame]
        frames.append(slide.notes_slide.notes_text_frame)
        for frame in frames:
            for run in frame._txBody.iter(f"{A}r"):
                props = run.find(f"{A}rPr")
                assert props is not None
                assert props.find(f"{A}ea").get("typeface") in ("黑体", "宋体")
                assert props.find(f"{A}latin") is not None
                runs += 1
    assert runs > 100


def test_notes_hold_every_sections_full_text(decks: Path, real_course: CourseWithQuestions) -> None:
    for chapter in real_course.course.chapters:
        deck = _deck(decks, chapter.folder)
        notes = "\n".join(
            s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide
        )
        for lesson in chapter.lessons:
            for section in lesson.markdown.sections_at(2):
                if section.id != "taolun":
                    assert plain_text(section.content) in notes, (lesson.slug, section.title)


def test_no_deck_holds_an_answer(decks: Path, real_course: CourseWithQuestions) -> None:
    for chapter in real_course.course.chapters:
        text = re.sub(r"\s+", "", _all_text(_deck(decks, chapter.folder)))
        for lesson in chapter.lessons:
            for q in real_course.questions[lesson.slug]:
                assert re.sub(r"\s+", "", q.explanation) not in text, q.id
                for option in q.options or []:
                    assert not option.feedback or option.feedback not in text, q.id


def test_a_lesson_deck_opens_in_libreoffice_with_its_chinese_text(
    decks: Path, real_course: CourseWithQuestions, tmp_path: Path
) -> None:
    lesson = real_course.course.chapters[0].lessons[0]
    deck = decks / "01-juese-renzhi-01-diwei-zuoyong-slides.pptx"
    count = len(Presentation(str(deck)).slides)
    pdf = PdfReader(to_pdf(deck, tmp_path))
    assert len(pdf.pages) == count  # Impress prints one page a slide
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in pdf.pages))
    assert re.sub(r"\s+", "", lesson.title) in text
    assert "学习目标" in text and "思考与讨论" in text
