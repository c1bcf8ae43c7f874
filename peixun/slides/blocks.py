"""A lesson section read as plain blocks (paragraphs, list items, headings, notes) for Office files.

Slides and Word handouts show the lesson's own words without Markdown marks: links keep their
text, emphasis and code marks go, fenced code is left out, and an admonition (``!!! note
"编者说明"``) becomes a note block with its title, so that a writer can keep it off a slide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from peixun.text.markdown import Markdown, read_heading

IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
ATTRS = re.compile(r"\s*\{[:#.][^}]*\}")
TAG = re.compile(r"<[^>]+>")
MARKS = re.compile(r"\*\*|\*|`|~~|==")
# Characters XML 1.0 cannot hold (C0 controls but tab, newline, CR; and FFFE/FFFF).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[-*+]|\d+[.)])[ \t]+(?P<text>.*)$")
ADMONITION = re.compile(r'^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*\S+(?:[ \t]+"(?P<title>[^"]*)")?')
REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:")
HTML_LINE = re.compile(r"^\s*</?[a-zA-Z][^>]*>\s*$")

Kind = Literal["paragraph", "item", "heading", "label", "note"]


@dataclass(frozen=True)
class Block:
    """One piece of a section: its kind, its plain text, and its depth.

    For an item the depth is its list nesting (0 at the top), for a heading its Markdown level,
    and ``marker`` is the item's number as written (``"1."``) or ``""`` for a bullet.
    """

    kind: Kind
    """``label`` is an admonition's title (``编者说明``), ``note`` the admonition's text."""
    text: str
    depth: int = 0
    marker: str = ""


def xml_safe(text: str) -> str:
    """``text`` without the control characters an Office file's XML cannot hold."""
    return NOT_XML.sub("", text)


def inline_plain(text: str) -> str:
    """One line of Markdown as the reader sees it: link text kept, marks and tags removed."""
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = REF_LINK.sub(r"\1", text)
    text = ATTRS.sub("", text)
    text = TAG.sub("", text)
    text = MARKS.sub("", text)
    return xml_safe(text).strip()


def _depth(indent: str) -> int:
    return len(indent.expandtabs(4)) // 4


def read_blocks(markdown: Markdown) -> list[Block]:
    """The blocks of a Markdown body, in order; fenced code and raw HTML lines are left out."""
    blocks: list[Block] = []
    current: list[str] = []
    current_kind: Kind | None = None
    current_depth, current_marker = 0, ""
    in_note = False

    def flush() -> None:
        nonlocal current, current_kind
        text = "".join(current).strip()
        if current_kind is not None and text:
            blocks.append(Block(current_kind, text, current_depth, current_marker))
        current, current_kind = [], None

    for line in markdown.lines:
        raw = line.raw
        if line.code or HTML_LINE.match(raw) or REFERENCE_DEF.match(raw):
            flush()
            continue
        if not raw.strip():
            flush()
            continue
        admonition = ADMONITION.match(raw)
        if admonition:
            flush()
            in_note = True
            blocks.append(Block("label", inline_plain(admonition["title"] or "说明")))
            continue
        if in_note and not raw.startswith(("    ", "\t")):
            in_note = False
        if in_note:
            raw = raw[4:] if raw.startswith("    ") else raw[1:]
            if current_kind is None:
                current_kind, current_depth, current_marker = "note", 0, ""
            current.append(inline_plain(raw))
            continue
        heading = read_heading(raw, line.number)
        if heading is not None:
            flush()
            blocks.append(Block("heading", inline_plain(heading.text), heading.level))
            continue
        item = LIST_ITEM.match(raw)
        if item:
            flush()
            mark = item["mark"]
            current_kind, current_depth = "item", _depth(item["indent"])
            current_marker = "" if mark in "-*+" else mark
            current.append(inline_plain(item["text"]))
            continue
        text = inline_plain(raw.lstrip().removeprefix(">").lstrip())
        if current_kind is None:
            current_kind, current_depth, current_marker = "paragraph", 0, ""
        current.append(text)
    flush()
    return blocks


def plain_text(markdown: Markdown) -> str:
    """The whole body as plain text, one block a line (speaker notes read from it)."""
    lines = []
    for block in read_blocks(markdown):
        if block.kind == "item":
            lead = "　" * block.depth + (f"{block.marker} " if block.marker else "· ")
            lines.append(lead + block.text)
        elif block.kind == "label":
            lines.append(f"【{block.text}】")
        else:
            lines.append(block.text)
    return "\n".join(lines)
