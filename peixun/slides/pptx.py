"""A slide outline written as a 16:9 PowerPoint file with python-pptx.

Every run names a Latin face and, in ``a:ea``, an East Asian one: without ``a:ea`` PowerPoint
and WPS set Chinese in whatever the theme says (often a Japanese or fallback face).
"""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.xmlchemy import OxmlElement
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.placeholder import SlidePlaceholder
from pptx.slide import Slide as PptxSlide
from pptx.text.text import TextFrame, _Run
from pptx.util import Emu, Inches, Pt

from peixun.slides.blocks import xml_safe
from peixun.slides.outline import Point, Slide

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.6)
TITLE_FACE = "黑体"  # SimHei: PowerPoint and WPS know the Chinese name
BODY_FACE = "黑体"  # projected text reads best in a sans face
LATIN_FACE = "Arial"
TITLE_SIZE, BODY_SIZE, SUB_SIZE = Pt(32), Pt(22), Pt(24)
DARK_RED = RGBColor(0xA6, 0x1B, 0x1B)  # type: ignore[no-untyped-call]
TITLE_ONLY, TITLE_LAYOUT = 5, 0  # layouts of python-pptx's default template


def set_faces(run: _Run, east_asian: str, latin: str = LATIN_FACE) -> None:
    """Name the run's Latin face and its East Asian face (``a:ea``, after ``a:latin``)."""
    run.font.name = latin
    rpr = run._r.get_or_add_rPr()
    latin_el = rpr.find("{http://schemas.openxmlformats.org/drawingml/2006/main}latin")
    for old in rpr.findall("{http://schemas.openxmlformats.org/drawingml/2006/main}ea"):
        rpr.remove(old)
    ea = OxmlElement("a:ea")
    ea.set("typeface", east_asian)
    latin_el.addnext(ea)


Line = tuple[str, int, bool]
"""Text, indent level, bold."""


def _write(frame: TextFrame, lines: list[Line], size: Pt, face: str) -> None:
    frame.word_wrap = True
    for i, (text, level, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()  # type: ignore[no-untyped-call]
        paragraph.level = level
        run = paragraph.add_run()
        run.text = xml_safe(text)
        run.font.size = size
        run.font.bold = bold
        set_faces(run, face)


def _placed(shape: object, top: float, height: float) -> TextFrame:
    """The placeholder moved to the full width at ``top`` (inches), its text cleared."""
    if not isinstance(shape, SlidePlaceholder):
        raise TypeError("python-pptx's default layout has lost a placeholder")
    shape.left, shape.width = MARGIN, Emu(WIDTH - 2 * MARGIN)
    shape.top, shape.height = Inches(top), Inches(height)
    frame: TextFrame = shape.text_frame
    frame.clear()  # type: ignore[no-untyped-call]
    return frame


def _title(slide: PptxSlide, text: str) -> None:
    frame = _placed(slide.shapes.title, 0.35, 1.1)
    _write(frame, [(text, 0, True)], TITLE_SIZE, TITLE_FACE)
    frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.paragraphs[0].runs[0].font.color.rgb = DARK_RED


BULLETS = {"point": ("• ", "– "), "more": ("\u3000", "\u3000"), "heading": ("", "")}


def _bullets(points: tuple[Point, ...]) -> list[Line]:
    """Bullets are typed, not numbered styles: the text box has no list style to inherit."""
    return [
        (BULLETS[p.style][min(p.level, 1)] + p.text, p.level, p.style == "heading") for p in points
    ]


def _body(slide: PptxSlide, points: tuple[Point, ...]) -> None:
    box = slide.shapes.add_textbox(
        MARGIN, Inches(1.6), Emu(WIDTH - 2 * MARGIN), Emu(HEIGHT - Inches(2.0))
    )
    _write(box.text_frame, _bullets(points), BODY_SIZE, BODY_FACE)
    for paragraph in box.text_frame.paragraphs:
        paragraph.space_after = Pt(6)


def _cover(slide: PptxSlide, spec: Slide) -> None:
    """Title and lesson slides: a large centred title and the lines under it."""
    title = _placed(slide.shapes.title, 2.0, 1.8)
    _write(title, [(spec.title, 0, True)], Pt(40), TITLE_FACE)
    title.paragraphs[0].runs[0].font.color.rgb = DARK_RED
    sub = _placed(slide.placeholders[1], 4.1, 2.0)
    _write(sub, [(line, 0, False) for line in spec.subtitle], SUB_SIZE, BODY_FACE)


def build_presentation(slides: list[Slide], title: str) -> PresentationType:
    """The deck for ``slides``; ``title`` goes into the file's properties."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    deck.core_properties.title = xml_safe(title)
    for spec in slides:
        cover = spec.kind in ("title", "lesson")
        slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT if cover else TITLE_ONLY])
        if cover:
            _cover(slide, spec)
        else:
            _title(slide, spec.title)
            _body(slide, spec.points)
        if spec.notes:
            notes = slide.notes_slide.notes_text_frame
            assert notes is not None
            notes.clear()
            lines = spec.notes.split("\n")
            _write(notes, [(line, 0, False) for line in lines], Pt(12), "宋体")
    return deck


def write_pptx(slides: list[Slide], title: str, target: Path) -> None:
    """Write the deck to ``target`` (its folder is made if needed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    build_presentation(slides, title).save(str(target))
