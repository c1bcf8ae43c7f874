"""``handouts --docx``: both editions as Word files, read back with python-docx and LibreOffice."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentType
from docx.oxml.ns import qn
from docx.shared import Mm
from pypdf import PdfReader

from peixun.handouts.page import number_chapter_questions
from peixun.handouts.paper import PaperQuestion, answer_with_letters
from peixun.quiz import Question
from peixun.slides.project import course_name
from tests.handouts.conftest import CommandResult, CourseWithQuestions, run_handouts
from tests.sitebuild import ROOT
from tests.slides.office import to_pdf

HAN_PER_PAGE = (300, 2000)  # Chinese characters an A4 page of the handout holds, at most/least


@dataclass
class DocxRun:
    site: Path
    result: CommandResult


@pytest.fixture(scope="module")
def docx_run(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> DocxRun:
    site = tmp_path_factory.mktemp("docx") / "site"
    shutil.copytree(built_site, site)
    return DocxRun(site, run_handouts("--docx", "--site", str(site)))


def _doc(run: DocxRun, folder: str, edition: str) -> DocumentType:
    return Document(str(run.site / "handouts" / f"{folder}-{edition}.docx"))


def _text(doc: DocumentType) -> str:
    return re.sub(r"\s+", "", "".join(p.text for p in doc.paragraphs))


def _han(text: str) -> str:
    """Only the Chinese characters: a PDF's text layer may split punctuation and spaces."""
    return re.sub(r"[^\u4e00-\u9fff]", "", text)


def _questions(real: CourseWithQuestions, folder: str) -> list[Question]:
    chapter = real.course.chapter(folder)
    assert chapter is not None
    return [q for lesson in chapter.lessons for q in real.questions[lesson.slug]]


def _papers(real: CourseWithQuestions, folder: str) -> list[PaperQuestion]:
    """The chapter's questions as printed, numbered across its lessons."""
    chapter = real.course.chapter(folder)
    assert chapter is not None
    numbered = number_chapter_questions(chapter, real.questions)
    return [paper for _, _, papers in numbered for paper in papers]


def test_both_editions_of_every_chapter_with_real_headings(
    docx_run: DocxRun, real_course: CourseWithQuestions
) -> None:
    assert docx_run.result.returncode == 0, docx_run.result.stderr
    for chapter in real_course.course.chapters:
        for edition, parts in (
            ("student", ["本章自测题"]),
            ("teacher", ["本章自测题", "答案与解析", "讨论引导"]),
        ):
            doc = _doc(docx_run, chapter.folder, edition)
            by_style: dict[str, list[str]] = {}
            for p in doc.paragraphs:
                by_style.setdefault(p.style.name, []).append(p.text)
            assert by_style["Heading 1"] == [chapter.title]
            lessons = [f"第 {i} 课　{x.title}" for i, x in enumerate(chapter.lessons, start=1)]
            assert by_style["Heading 2"] == lessons + parts
            for lesson in chapter.lessons:
                for section in lesson.markdown.sections_at(2):
                    assert section.title in by_style["Heading 3"], (lesson.slug, section.title)


def test_learner_edition_numbers_the_questions_and_gives_no_answer(
    docx_run: DocxRun, real_course: CourseWithQuestions
) -> None:
    for chapter in real_course.course.chapters:
        questions = _questions(real_course, chapter.folder)
        learner = _doc(docx_run, chapter.folder, "student")
        numbered = [p.text for p in learner.paragraphs if re.match(r"\d+．〔", p.text)]
        assert [int(t.split("．")[0]) for t in numbered] == list(range(1, len(questions) + 1))
        text = _text(learner)
        assert "答案与解析" not in text and "讨论引导" not in text
        for paper in _papers(real_course, chapter.folder):
            q = paper.question
            assert re.sub(r"\s+", "", q.explanation) not in text, q.id
            key = re.sub(r"\s+", "", f"{paper.number}．答案：{answer_with_letters(paper)}")
            assert key not in text, q.id
            for option in q.options or []:
                assert not option.feedback or option.feedback not in text, q.id
        # room to answer: a slot, a blank or an order line for every question
        assert all("（　　）" in t or "＿" in t for t in numbered if "排序题" not in t)


def test_teacher_edition_has_every_answer(
    docx_run: DocxRun, real_course: CourseWithQuestions
) -> None:
    for chapter in real_course.course.chapters:
        text = _text(_doc(docx_run, chapter.folder, "teacher"))
        for paper in _papers(real_course, chapter.folder):
            key = re.sub(r"\s+", "", f"{paper.number}．答案：{answer_with_letters(paper)}")
            assert key in text, paper.question.id
            assert re.sub(r"\s+", "", paper.question.explanation) in text


def test_a4_margins_header_page_numbers_and_east_asian_faces(docx_run: DocxRun) -> None:
    doc = _doc(docx_run, "01-juese-renzhi", "student")
    section = doc.sections[0]
    measured = (section.page_width, section.page_height, section.top_margin)
    measured += (section.bottom_margin, section.left_margin, section.right_margin)
    for got, wanted in zip(measured, (210, 297, 20, 18, 18, 18), strict=True):
        assert got is not None and abs(got - Mm(wanted)) < Mm(0.1)  # Word keeps twips
    assert section.header.paragraphs[0].text == course_name(ROOT)
    footer = section.footer.paragraphs[0]._p
    assert "PAGE" in "".join(footer.itertext()) and footer.findall(".//" + qn("w:fldChar"))
    paragraphs = [*doc.paragraphs, *section.header.paragraphs, *section.footer.paragraphs]
    runs = [r for p in paragraphs for r in p._p.iter(qn("w:r"))]
    assert len(runs) > 200
    for run in runs:
        fonts = run.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        assert fonts is not None and fonts.get(qn("w:eastAsia")) in ("宋体", "黑体")


def test_a_handout_opens_in_libreoffice_with_its_chinese_text(
    docx_run: DocxRun, real_course: CourseWithQuestions, tmp_path: Path
) -> None:
    chapter = real_course.course.chapters[0]
    pdf = PdfReader(to_pdf(docx_run.site / "handouts" / f"{chapter.folder}-student.docx", tmp_path))
    text = _han("".join(page.extract_text() for page in pdf.pages))
    assert _han(chapter.title) in text
    for lesson in chapter.lessons:
        assert _han(lesson.title) in text
    han = sum(lesson.han_chars for lesson in chapter.lessons)
    most, least = HAN_PER_PAGE
    assert han / least <= len(pdf.pages) <= han / most + 10
