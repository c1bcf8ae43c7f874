"""A lesson skeleton: the imported text inside the fixed sections of the lesson format.

The fixed sections come from :mod:`peixun.course.model`. Where the source gives nothing
(learning goals, key points, discussion) a visible ``待编写`` placeholder stands; every ``##``
gets a short pinyin id, unique in the lesson, so the skeleton already passes the id rule.
"""

from __future__ import annotations

from peixun.course.model import CLOSING_SECTIONS, FIXED_SECTION_IDS, OPENING_SECTION
from peixun.importer.ids import pinyin_id, unique_id
from peixun.text.markdown import parse_markdown

PLACEHOLDER = "待编写"
"""Marks what the editor still has to write; searched for by editors (and tests)."""

PLACEHOLDERS = {
    "mubiao": f"{PLACEHOLDER}：学完本课应能做到的三五件事，每条一行，以“能……”开头。",
    "yaodian": f"{PLACEHOLDER}：本课最重要的几点，每条一句，取自正文。",
    "taolun": f"{PLACEHOLDER}：两三个结合本单位实际的讨论题。",
}
# The section that holds text standing before the source's first heading, or all of it.
INTRO = ("引言", "yinyan")
WHOLE = ("正文", "zhengwen")


def _section(heading: tuple[str, str], body: str) -> str:
    title, id_ = heading
    return f"## {title} {{#{id_}}}\n\n{body.strip()}\n"


def _with_ids(body: str) -> tuple[str, list[str]]:
    """``body`` with an id on every ``##`` heading (ids already given are kept), and the ids."""
    taken = set(FIXED_SECTION_IDS) | {INTRO[1], WHOLE[1]}
    ids: list[str] = []
    lines = body.split("\n")
    for heading in parse_markdown(body).headings:  # the lesson model's reading of headings
        if heading.level != 2:
            continue
        given = heading.id
        id_ = given if given and given not in taken else None
        if id_ is None:
            id_ = unique_id(pinyin_id(heading.text, "xiaojie"), taken)
        taken.add(id_)
        ids.append(id_)
        lines[heading.number - 1] = f"## {heading.text} {{#{id_}}}"
    return "\n".join(lines), ids


def _body_sections(markdown: str) -> str:
    """The imported text as the lesson's own sections: each ``##`` of the source one section."""
    body, ids = _with_ids(markdown.strip())
    if not ids:
        return _section(WHOLE, body)
    first = next(i for i, line in enumerate(body.split("\n")) if line.startswith("## "))
    lead = "\n".join(body.split("\n")[:first]).strip()
    rest = "\n".join(body.split("\n")[first:]).strip() + "\n"
    return (_section(INTRO, lead) + "\n" if lead else "") + rest


def skeleton_body(markdown: str, citation: str) -> str:
    """The whole lesson body: opening section, the imported text, closing sections."""
    parts = [_section(OPENING_SECTION, PLACEHOLDERS[OPENING_SECTION[1]]), _body_sections(markdown)]
    for heading in CLOSING_SECTIONS:
        parts.append(_section(heading, PLACEHOLDERS.get(heading[1], citation)))
    return "\n".join(parts)
