"""Step 8: the source's own structure as Markdown: enumerated headings become ``##``/``###``,
enumerated points become lists, everything else stays a paragraph."""

from __future__ import annotations

import re

from peixun.importer.enumerators import HEADING_STYLES, LIST_STYLES, enumerator_at_start
from peixun.importer.model import Line
from peixun.importer.split import is_title_like
from peixun.importer.text import CN, cn_number, is_markdown
from peixun.text.hanzi import HAN

# An enumerated lead sentence up to this long becomes a heading; longer ones stay paragraphs.
MAX_HEADING = 30
TOP_LEVEL, DEEPEST_LEVEL = 2, 4
FIRST_SENTENCE = re.compile(r"^(.+?[。！？!?])(.*)$")
# "一是……；二是……" inside one paragraph: points after a clause boundary.
INLINE_POINT = re.compile(rf"(?:(?<=^)|(?<=[。；;：:！？]))\s*({CN})(?:是|要)(?=[{HAN}“])")
HTML_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
BULLET_STYLES = ("bullet",)
# Markdown lines that belong in one block with their neighbours of the same kind.
MARKDOWN_KIND = re.compile(r"(?P<bullets>[-*+]\s)|(?P<numbers>\d+\.\s)|(?P<table>\|)")


def _escape(text: str) -> str:
    """Text that reaches HTML through Markdown: a ``<`` that could open a tag is escaped."""
    return HTML_TAG_START.sub("&lt;", text)


# Styles one source mixes for the same level ("1." then "3、"; "首先" then "第三").
FAMILIES = {
    "arabic_comma": "arabic_dot",
    "arabic_space": "arabic_dot",
    "sequence": "plain",
    "ordinal": "plain",
}


class _Levels:
    """Heading levels from nesting, as a reader sees it: a numbering style seen before closes
    the deeper ones opened since and takes its old level; a new style opens one level deeper."""

    def __init__(self) -> None:
        self.open: list[str] = []

    def of(self, style: str) -> int:
        style = FAMILIES.get(style, style)
        if style in self.open:
            del self.open[self.open.index(style) + 1 :]
        else:
            self.open.append(style)
        return min(TOP_LEVEL + self.open.index(style), DEEPEST_LEVEL)


def _inline_points(text: str) -> list[str] | None:
    """The intro and points of a paragraph holding 一是…二是…, or None when it holds none."""
    matches = list(INLINE_POINT.finditer(text))
    values = [cn_number(m.group(1)) for m in matches]
    if len(matches) < 2 or values != list(range(1, len(matches) + 1)):
        return None
    cuts = [m.start(1) for m in matches]
    intro = text[: cuts[0]].strip()
    points = [text[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(text)], strict=False)]
    return [intro, *points]


def _heading_split(text: str, marker: str) -> tuple[str, str] | None:
    """(heading, rest) when the enumerated ``text`` opens with a short lead sentence."""
    rest = text[len(marker) :]
    if len(rest) <= MAX_HEADING and not re.search(r"[。！？!?]", rest.rstrip("。！？!?")):
        return text.rstrip("。"), ""
    match = FIRST_SENTENCE.match(rest)
    if match and len(match.group(1)) <= MAX_HEADING + 1:
        return (marker + match.group(1)).rstrip("。"), match.group(2).strip()
    return None


def to_markdown(lines: list[Line]) -> str:
    """The article body as Markdown blocks separated by blank lines (lists kept together)."""
    levels = _Levels()
    blocks: list[list[str]] = []
    list_style = ""  # the numbering style of the list the last block holds, if it is one

    def add(block: list[str]) -> None:
        nonlocal list_style
        blocks.append(block)
        list_style = ""

    def paragraph(text: str) -> None:
        add([_escape(text)])

    def list_item(text: str, style: str) -> None:
        nonlocal list_style
        item = f"- {_escape(text)}"
        if list_style == style:
            blocks[-1].append(item)
        else:
            blocks.append([item])
        list_style = style

    texts = [line.text for line in lines if line.text]
    for index, text in enumerate(texts):
        following = texts[index + 1] if index + 1 < len(texts) else ""
        if is_markdown(text):
            if text.startswith("# "):
                text = "#" + text  # a page has one title, in front matter: H1 becomes H2
            kind = MARKDOWN_KIND.match(text)
            previous = MARKDOWN_KIND.match(blocks[-1][-1]) if blocks else None
            if kind and previous and kind.lastgroup == previous.lastgroup:
                blocks[-1].append(text)
            else:
                add([text])
            continue
        head = enumerator_at_start(text)
        if head and head.style in HEADING_STYLES:
            # Even a numbered paragraph that cannot be a heading (its heading is glued to its
            # text) opens its level, so that the numbering under it nests right.
            level = levels.of(head.style)
            if split := _heading_split(text, head.marker):
                heading, rest = split
                add(["#" * level + " " + _escape(heading)])
                if rest:
                    paragraph(rest)
            else:
                paragraph(text)
        elif head and head.style in LIST_STYLES:
            lead = text[len(head.marker) :].rstrip("。")
            if is_title_like(lead) and following and not enumerator_at_start(following):
                add(["#" * levels.of(head.style) + " " + _escape(text.rstrip("。"))])
            else:
                list_item(
                    text[len(head.marker) :] if head.style in BULLET_STYLES else text, head.style
                )
        elif is_title_like(text) and following and not is_title_like(following):
            add(["#" * levels.of("plain") + " " + _escape(text)])
        elif points := _inline_points(text):
            intro, *items = points
            if intro:
                paragraph(intro)
            add([f"- {_escape(item)}" for item in items])
            list_style = "inline"
        else:
            paragraph(text)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
