"""A chapter handout, in either edition, as a Word file (python-docx).

The same content as the handout page (page.py): the lessons, the numbered self-check questions
with room to answer and, in the teacher's edition only, the key and the discussion notes. Real
Word headings (chapter, lesson, section) feed Word's navigation pane. Every run names an East
Asian face in ``w:rFonts/@w:eastAsia``: without it Word and WPS set Chinese in a fallback face.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from peixun.course.model import Chapter, load_course
from peixun.errors import ContentError, ContentErrors, problems_of
from peixun.handouts import lesson_text
from peixun.handouts.editions import HANDOUT_FOLDER, Edition, handout_stem, handout_title
from peixun.handouts.page import (
    DISCUSSION_PARTS,
    Numbered,
    number_chapter_questions,
    section_titles,
    source_of,
)
from peixun.handouts.paper import (
    HOW_TO_ANSWER,
    LETTERS,
    PaperQuestion,
    answer_with_letters,
    other_spellings,
)
from peixun.quiz import Question, course_questions
from peixun.quiz.model import BLANK, TYPE_NAMES
from peixun.slides.blocks import read_blocks, xml_safe
from peixun.slides.project import course_name
from peixun.text.markdown import Markdown

BODY_FACE, HEADING_FACE, LATIN_FACE = "宋体", "黑体", "Times New Roman"
# A4 with the margins of the print stylesheet (print.css: 20mm 18mm 18mm).
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
TOP, SIDES, BOTTOM = Mm(20), Mm(18), Mm(18)
WRITE_HERE = "＿＿＿＿＿＿"
SLOT = "（　　）"
DEEPEST_HEADING = 9


def set_faces(run: Run, east_asian: str = BODY_FACE, latin: str = LATIN_FACE) -> None:
    """Name the run's Latin face and, in ``w:eastAsia``, its East Asian face."""
    run.font.name = latin
    rpr = run._element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), east_asian)


def _style_faces(style: ParagraphStyle | CharacterStyle, east_asian: str) -> None:
    style.font.name = LATIN_FACE
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the named face
    fonts.set(qn("w:eastAsia"), east_asian)


def _add(doc: DocumentType | Paragraph, text: str, style: str | None = None) -> Paragraph:
    """A paragraph of one run with both faces named (``doc`` may be a paragraph to append to)."""
    paragraph = doc if isinstance(doc, Paragraph) else doc.add_paragraph(style=style)
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = (style or "").startswith(("Heading", "Title"))
    set_faces(paragraph.add_run(xml_safe(text)), HEADING_FACE if heading else BODY_FACE)
    return paragraph


def _heading(doc: DocumentType, text: str, level: int) -> None:
    _add(doc, text, f"Heading {min(level, DEEPEST_HEADING)}")


def _page_number(paragraph: Paragraph) -> None:
    """``第 N 页`` with N a PAGE field, so Word and LibreOffice count the pages themselves."""
    _add(paragraph, "第 ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        run = paragraph.add_run()
        set_faces(run)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
        else:
            run.text = text or ""
    end = paragraph.add_run()
    set_faces(end)
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._element.append(char)
    _add(paragraph, " 页")


def _page_setup(doc: DocumentType, course_name: str) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = TOP, BOTTOM
    section.left_margin = section.right_margin = SIDES
    _add(section.header.paragraphs[0], course_name)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer)
    for style in doc.styles:
        if isinstance(style, ParagraphStyle | CharacterStyle):
            heading = (style.name or "").startswith(("Heading", "Title"))
            _style_faces(style, HEADING_FACE if heading else BODY_FACE)
    doc.styles["Normal"].font.size = Pt(11)


def _body(doc: DocumentType, markdown: Markdown, shift: int) -> None:
    """The lesson's text: its headings ``shift`` levels down, lists and notes kept apart."""
    for block in read_blocks(markdown):
        if block.kind == "heading":
            _heading(doc, block.text, block.depth + shift)
        elif block.kind == "item" and not block.marker:
            _add(doc, block.text, "List Bullet 2" if block.depth else "List Bullet")
        elif block.kind == "item":
            _add(doc, f"{block.marker} {block.text}", "List Paragraph")
        elif block.kind == "label":
            _add(doc, f"【{block.text}】").runs[0].bold = True
        elif block.kind == "note":
            _add(doc, block.text, "Quote")
        else:
            _add(doc, block.text)


def _question(doc: DocumentType, paper: PaperQuestion) -> None:
    """The question with room to answer: a slot, blanks, or a line for the order."""
    q = paper.question
    stem = WRITE_HERE.join(BLANK.split(q.stem))
    slot = SLOT if q.type in ("single", "multiple", "truefalse") else ""
    _add(doc, f"{paper.number}．〔{TYPE_NAMES[q.type]}〕{stem}{slot}")
    texts = [o.text for o in paper.options] or list(paper.items)
    for i, text in enumerate(texts):
        _add(doc, f"{LETTERS[i]}．{text}", "List Paragraph")
    if q.type == "order":
        _add(doc, f"正确顺序：{WRITE_HERE * 2}", "List Paragraph")


def _key(doc: DocumentType, paper: PaperQuestion, where: str) -> None:
    _add(doc, f"{paper.number}．答案：{answer_with_letters(paper)}")
    spellings = other_spellings(paper.question)
    if spellings:
        _add(doc, spellings, "List Paragraph")
    _add(doc, f"解析：{paper.question.explanation}", "List Paragraph")
    _add(doc, f"出处：{where}", "List Paragraph")


def _questions(doc: DocumentType, numbered: Numbered, edition: Edition) -> None:
    _heading(doc, "本章自测题", 2)
    _add(doc, HOW_TO_ANSWER)
    for i, lesson, papers in numbered:
        _heading(doc, f"第 {i} 课　{lesson.title}", 3)
        for paper in papers:
            _question(doc, paper)
    if not edition.answers:
        return
    _heading(doc, "答案与解析", 2)
    for i, lesson, papers in numbered:
        _heading(doc, f"第 {i} 课　{lesson.title}", 3)
        titles = section_titles(lesson)  # looked up once per lesson, not per question
        for paper in papers:
            _key(doc, paper, source_of(paper, lesson, i, titles)[1])


def _discussion_notes(doc: DocumentType, chapter: Chapter) -> None:
    _heading(doc, "讨论引导", 2)
    _add(doc, "以下讨论题、要点和学习目标均摘自各课课文，供主持讨论时对照。")
    for i, lesson in enumerate(chapter.lessons, start=1):
        _heading(doc, f"第 {i} 课　{lesson.title}", 3)
        for section_id, heading in DISCUSSION_PARTS:
            found = lesson_text.section(lesson.markdown, section_id)
            if found and found.markdown:
                _add(doc, heading).runs[0].bold = True
                _body(doc, found.content, 2)


def handout_document(
    course_name: str,
    chapter: Chapter,
    edition: Edition,
    questions: Mapping[str, Sequence[Question]],
) -> DocumentType:
    """The chapter's handout in ``edition`` as a Word document."""
    doc = Document()
    doc.core_properties.title = xml_safe(handout_title(chapter.title, edition.name))
    _page_setup(doc, course_name)
    _heading(doc, chapter.title, 1)
    _add(doc, f"{course_name} · 讲义（{edition.name}）")
    _add(doc, chapter.meta.summary)
    for i, lesson in enumerate(chapter.lessons, start=1):
        _heading(doc, f"第 {i} 课　{lesson.title}", 2)
        _body(doc, lesson.markdown, 1)
    numbered = number_chapter_questions(chapter, questions)
    if numbered:
        _questions(doc, numbered, edition)
    if edition.answers:
        _discussion_notes(doc, chapter)
    return doc


# The 学习记录 sheets in Word (peixun.records.docx) are set with the same paragraphs and page.
add_paragraph = _add
page_setup = _page_setup


def write_docx_files(
    root: Path,
    site: Path,
    wanted: Sequence[tuple[str, Edition] | None],
    say: Callable[[str], None],
) -> int:
    """Write a ``.docx`` beside each wanted handout page of ``site``, from the project ``root``.

    Returns the exit code: 1, with the problems printed, when the course cannot be read.
    """
    try:
        course = load_course(root / "docs", root / "sources")
        questions = course_questions(course, root / "quizzes")
    except (ContentError, ContentErrors) as exc:
        for problem in problems_of(exc):
            print(problem, file=sys.stderr)
        print("课文或题库有问题，没有生成 Word 讲义。请按提示修改后再试。", file=sys.stderr)
        return 1
    name = course_name(root)
    for folder, edition in (w for w in wanted if w is not None):
        chapter = course.chapter(folder)
        if chapter is None:
            continue  # a handout of a chapter no longer in docs/: the site is older
        target = site / HANDOUT_FOLDER / f"{handout_stem(folder, edition)}.docx"
        try:
            handout_document(name, chapter, edition, questions).save(str(target))
        except OSError as exc:
            print(f"无法写入 {target}：{exc.strerror or exc}", file=sys.stderr)
            return 1
        say(f"{target.relative_to(site).as_posix()}：{handout_title(chapter.title, edition.name)}")
    return 0
