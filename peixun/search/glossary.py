"""The terms of the glossary page, a Markdown definition list (a term line, then ``:   …``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from peixun.errors import ContentError
from peixun.frontmatter import read_document

DEFINITION = re.compile(r"^:\s")
NOT_A_TERM = re.compile(r"^(\s|#|<|!|[-*+>]\s|\d+\.\s|\{)")  # indented text, headings, lists…


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    line: int  # line of the term in the glossary file


def glossary_terms(path: Path, shown: str) -> list[GlossaryTerm]:
    """Every defined term, in file order. A definition with no term above it is an error."""
    if not path.is_file():
        return []
    document = read_document(path, shown)
    terms: list[GlossaryTerm] = []
    candidate: GlossaryTerm | None = None  # a plain line that a definition may follow
    after_definition = False  # a further ":" line then defines the same term again
    previous_blank = True
    for offset, line in enumerate(document.body.split("\n")):
        number = document.body_line + offset
        if DEFINITION.match(line):
            if candidate is not None:
                terms.append(candidate)
            elif not after_definition:
                raise ContentError(
                    shown,
                    number,
                    "这一行是释义（以“:”开头），但上面没有术语。请在释义的上一行写出术语。",
                )
            candidate, after_definition = None, True
        elif not line.strip():
            pass
        elif after_definition and not previous_blank:
            pass  # the definition's paragraph goes on (lazy continuation)
        elif NOT_A_TERM.match(line):
            candidate, after_definition = None, False
        else:
            candidate, after_definition = GlossaryTerm(line.strip(), number), False
        previous_blank = not line.strip()
    return terms
