"""A lesson's HTML, as its own page rendered it, made to sit inside a chapter handout.

The build converts every lesson's Markdown once, for its page; a handout reuses that HTML
instead of converting the Markdown again for each edition. In a handout every lesson becomes
one ``<h2>`` part of a single page, so its headings move one level down, its explicit heading
ids get the lesson's prefix (two lessons both have ``#yaodian``), the ids MkDocs made from
heading text stay unique on the page as MkDocs would have made them, and its links are
re-aimed from the lesson's page to the handout's (or into the handout itself).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from peixun.handouts.lesson_text import Placement

# Where the lesson's own body begins and ends on its page: the build adds a 演示 link before
# it and the 自测 part after it (peixun.site.hooks), neither of which a handout prints.
BODY_START = "<!-- peixun:lesson-body -->"
BODY_END = "<!-- peixun:lesson-body-end -->"
# Python-Markdown ends a raw HTML block (the markers) with a blank line.
_BODY = re.compile(
    re.escape(BODY_START) + r"\n*(?P<body>.*?)\n?" + re.escape(BODY_END) + r"\n*", re.S
)

# Python-Markdown writes headings as ``<hN id="…">…</hN>`` (attributes in its own order);
# a ``<`` inside code or text is always escaped, so every match is a real tag.
HEADING = re.compile(r"<h(?P<level>[1-6])(?P<attrs>[^>]*)>(?P<inner>.*?)</h(?P=level)>", re.S)
ID_ATTR = re.compile(r'(?<=\sid=")(?P<id>[^"]*)(?=")')
H2_START = re.compile(r"<h2[\s>]")
# An ``<a href>`` or ``<img src>`` whose target the lesson page made relative to itself.
LINK_ATTR = re.compile(r'(?P<lead><(?:a|img)\s[^>]*?\b(?:href|src)=")(?P<target>[^"]*)(?=")')
DEEPEST = 6  # an ``<h6>`` stays: there is no level 7
IDCOUNT = re.compile(r"^(.*)_([0-9]+)$")


class MissingLessonHtml(LookupError):
    """A handout asked for a lesson its build has not converted (yet)."""


def mark_body(markdown: str) -> str:
    """The lesson's Markdown with its body between the two markers :func:`split_body` finds."""
    return f"{BODY_START}\n\n{markdown}\n\n{BODY_END}\n"


def split_body(html: str) -> tuple[str, str | None]:
    """The lesson page's HTML without the markers, and the body between them (if marked)."""
    found = _BODY.search(html)
    if found is None:
        return html, None
    rest = html[found.end() :]
    page = html[: found.start()] + found["body"] + ("\n" if rest else "") + rest
    return page, found["body"]


def sections(html: str) -> dict[str, str]:
    """The body's ``<h2>`` sections by id: the HTML after the heading, up to the next one.

    Text before the first section is left out, as :func:`peixun.handouts.lesson_text.sections`
    does on the Markdown."""
    starts = [m.start() for m in H2_START.finditer(html)]
    found: dict[str, str] = {}
    for start, end in zip(starts, [*starts[1:], len(html)], strict=True):
        part = html[start:end]
        heading = HEADING.match(part)
        if heading is None:
            continue
        section_id = ID_ATTR.search(heading["attrs"])
        if section_id is not None:
            found.setdefault(section_id["id"], part[heading.end() :].strip("\n"))
    return found


def unique_id(wanted: str, used: set[str]) -> str:
    """``wanted``, or ``wanted_1``, ``wanted_2``… as Python-Markdown's toc makes ids unique."""
    new = wanted
    while new in used or not new:
        count = IDCOUNT.match(new)
        new = f"{count[1]}_{int(count[2]) + 1}" if count else f"{new}_1"
    used.add(new)
    return new


@dataclass(frozen=True)
class Place:
    """Where a lesson's HTML goes: the handout page's URL and every lesson on it by URL."""

    handout_url: str
    lesson_url: str
    placement: Placement
    placed: Mapping[str, Placement]  # site URL of each lesson on the handout -> its placement


def _folder(url: str) -> str:
    """The folder a page's relative links start from (MkDocs URLs: ``a/b.html`` or ``a/b/``)."""
    return url if url.endswith("/") or not url else posixpath.dirname(url)


def _retarget(target: str, place: Place) -> str:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("/") or parts.query:
        return target  # outside the site, or something we do not understand: left alone
    here, path, fragment = place.placement, parts.path, parts.fragment
    if not path:
        return f"#{here.prefix}-{fragment}" if fragment in here.ids else target
    resolved = posixpath.normpath(posixpath.join(_folder(place.lesson_url), path))
    other = place.placed.get(resolved) or place.placed.get(resolved + "/")
    if other is not None:
        return f"#{other.prefix}-{fragment}" if fragment in other.ids else f"#{other.prefix}"
    relative = posixpath.relpath(resolved, _folder(place.handout_url) or ".")
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return f"{relative}#{fragment}" if fragment else relative


def for_handout(html: str, place: Place, used_ids: set[str]) -> str:
    """The lesson's HTML (or a part of it) as a part of the handout page at ``place``.

    ``used_ids`` holds every id already on the handout page, and gets this part's: an id
    MkDocs made from a heading's text is made unique against them as MkDocs would have done.
    """
    here = place.placement

    def heading(match: re.Match[str]) -> str:
        level = int(match["level"])
        attrs, inner = match["attrs"], match["inner"]
        found = ID_ATTR.search(attrs)
        if found is not None:
            old = found["id"]
            new = f"{here.prefix}-{old}" if old in here.ids else unique_id(old, used_ids)
            attrs = ID_ATTR.sub(new, attrs, count=1)
            if old not in here.ids and new != old:  # a prefixed id's permalink is re-aimed below
                inner = inner.replace(f'href="#{old}"', f'href="#{new}"')
        moved = level + 1 if level < DEEPEST else level
        return f"<h{moved}{attrs}>{inner}</h{moved}>"

    moved = HEADING.sub(heading, html)
    return LINK_ATTR.sub(lambda m: m["lead"] + _retarget(m["target"], place), moved)


def ids_in(html: str) -> set[str]:
    """Every ``id`` attribute in ``html``."""
    return set(re.findall(r'\sid="([^"]*)"', html))
