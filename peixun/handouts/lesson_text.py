"""A lesson's Markdown made to sit inside a chapter handout, and the parts a handout quotes.

In a handout every lesson becomes one ``##`` part of a single page, so its headings move one
level down, its heading ids get the lesson's prefix (two lessons both have ``#yaodian``), and
its links are re-aimed from the lesson's folder to ``handouts/`` (or into the handout itself).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from peixun.text.markdown import Heading, Markdown, Section

# An id inside an attribute list (``{#id}``, ``{: #id .cls }``).
ATTR_ID = re.compile(r"(?<=[\s{:])#(?P<id>[^\s=}]+)(?=[\s}])")
# ``[text](target`` and ``![alt](target``: the target up to a space, ``)`` or ``>``.
INLINE_LINK = re.compile(r"(?P<lead>\]\(\s*<?)(?P<target>[^)\s>]+)")
# ``[label]: target`` reference definitions.
REFERENCE = re.compile(r"^(?P<lead>\s{0,3}\[[^\]]+\]:\s*<?)(?P<target>[^\s>]+)")
DEEPEST = 6  # a ``######`` heading stays: there is no level 7


@dataclass(frozen=True)
class Placement:
    """Where a lesson sits in the handout: the prefix of its ids, and its explicit ids."""

    prefix: str
    ids: frozenset[str]


def sections(markdown: Markdown) -> list[Section]:
    """The lesson's ``##`` sections in order (text before the first one is left out)."""
    return markdown.sections_at(2)


def section(markdown: Markdown, section_id: str) -> Section | None:
    """The section with this id, if the lesson has one."""
    return next((s for s in sections(markdown) if s.id == section_id), None)


def explicit_ids(markdown: Markdown) -> frozenset[str]:
    """Ids written on the lesson's headings (``{#id}``)."""
    return markdown.ids


def _retarget(
    target: str, lesson_src: str, here: Placement, placed: Mapping[str, Placement], folder: str
) -> str:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("/") or parts.query:
        return target  # outside the docs, or something we do not understand: left alone
    path, fragment = parts.path, parts.fragment
    if not path:
        if fragment in here.ids:
            return f"#{here.prefix}-{fragment}"
        return target
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(lesson_src), path))
    if resolved in placed:
        other = placed[resolved]
        return f"#{other.prefix}-{fragment}" if fragment in other.ids else f"#{other.prefix}"
    relative = posixpath.relpath(resolved, folder)
    return f"{relative}#{fragment}" if fragment else relative


def _moved_down(heading: Heading, prefix: str) -> str:
    """The heading line one level down, with its explicit id prefixed."""
    raw = heading.raw
    if heading.attrs is not None and heading.id is not None:
        start, end = heading.attrs
        attrs = ATTR_ID.sub(lambda m: f"#{prefix}-{m['id']}", raw[start:end])
        raw = raw[:start] + attrs + raw[end:]
    return "#" + raw if heading.level < DEEPEST else raw


def for_handout(
    markdown: Markdown,
    lesson_src: str,
    placed: Mapping[str, Placement],
    handout_folder: str = "handouts",
) -> str:
    """The lesson body (or a part of it) as a part of a handout page in ``handout_folder``.

    ``placed`` maps the source path of every lesson on the same handout (this one included)
    to its placement; links to those lessons become links within the handout.
    """
    here = placed[lesson_src]

    def retarget(match: re.Match[str]) -> str:
        new = _retarget(match["target"], lesson_src, here, placed, handout_folder)
        return match["lead"] + new

    headings = markdown.heading_at
    out = []
    for line in markdown.lines:
        text = line.raw
        if not line.code:
            heading = headings.get(line.number)
            if heading is not None:
                text = _moved_down(heading, here.prefix)
            text = _retargeted(text, retarget)
        out.append(text)
    return "\n".join(out)


def _retargeted(line: str, retarget: Callable[[re.Match[str]], str]) -> str:
    if REFERENCE.match(line):
        return REFERENCE.sub(retarget, line)
    return INLINE_LINK.sub(retarget, line)
