"""What a chapter handout reads from a lesson's Markdown: its sections and its explicit ids.

The lesson's text itself comes into the handout as the HTML its page was rendered to
(peixun.handouts.lesson_html); the ids written in the Markdown say which of that HTML's
heading ids get the lesson's prefix there.
"""

from __future__ import annotations

from dataclasses import dataclass

from peixun.text.markdown import Markdown, Section


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
