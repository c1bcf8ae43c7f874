"""The glossary: ``docs/glossary.md`` as a definition list, and tooltips at each term's uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from peixun.errors import ContentError
from peixun.text.frontmatter import parse_document

GLOSSARY_FILE = "glossary.md"


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    line: int  # of the term in glossary.md


DEFINITION = re.compile(r"^:\s")
NOT_A_TERM = re.compile(r"^(\s|#|<|!|[-*+>]\s|\d+\.\s|\{)")  # indented text, headings, lists…


def parse_glossary(text: str, file: str = "docs/glossary.md") -> list[Term]:
    """Read the definition list: a term line, then ``:   definition`` (continued on the
    following non-blank lines). A definition with no term above it is an error."""
    doc = parse_document(text, file)
    terms: list[Term] = []
    candidate: tuple[str, int] | None = None  # a plain line that a definition may follow
    defining: list[str] | None = None  # the definition being read, while it goes on
    previous_blank = True

    def close() -> None:
        if defining is not None and terms and not terms[-1].definition:
            terms[-1] = Term(terms[-1].term, "".join(defining), terms[-1].line)

    for offset, line in enumerate(doc.body.split("\n")):
        if DEFINITION.match(line):
            close()
            if candidate is not None:
                terms.append(Term(candidate[0], "", candidate[1]))
            elif defining is None:
                raise ContentError(
                    file,
                    doc.body_line + offset,
                    "这一行是释义（以“:”开头），但上面没有术语。请在释义的上一行写出术语。",
                )
            # A second definition of the same term is read but not kept: the first one wins.
            candidate, defining = None, [line[1:].strip()] if candidate else []
        elif not line.strip():
            pass
        elif defining is not None and (not previous_blank or line.startswith("    ")):
            defining.append(line.strip())  # the definition's paragraph goes on
        elif NOT_A_TERM.match(line):
            close()
            candidate, defining = None, None
        else:
            close()
            candidate, defining = (line.strip(), doc.body_line + offset), None
        previous_blank = not line.strip()
    close()
    return terms


def load_glossary(docs_dir: Path) -> list[Term]:
    path = docs_dir / GLOSSARY_FILE
    if not path.is_file():
        return []
    return parse_glossary(path.read_text(encoding="utf-8"), f"{docs_dir.name}/{GLOSSARY_FILE}")


def duplicate_terms(terms: list[Term], file: str) -> list[ContentError]:
    seen: dict[str, int] = {}
    errors = []
    for t in terms:
        if t.term in seen:
            errors.append(
                ContentError(
                    file, t.line, f"术语“{t.term}”已在第 {seen[t.term]} 行定义过，请只定义一次。"
                )
            )
        seen.setdefault(t.term, t.line)
    return errors


# Text inside these elements is left alone: links, code, headings, existing tooltips, scripts.
_SKIP = {
    "a",
    "abbr",
    "code",
    "pre",
    "script",
    "style",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "button",
}
_TAG = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}


def add_tooltips(html: str, terms: list[Term]) -> str:
    """Wrap each use of a glossary term in running text in ``<abbr title="definition">``.

    Longer terms win where terms overlap (三会一课 before 一课). Material shows the title as
    a tooltip (``content.tooltips``).
    """
    if not terms:
        return html
    ordered = sorted(terms, key=lambda t: len(t.term), reverse=True)
    pattern = re.compile("|".join(re.escape(t.term) for t in ordered))
    titles = {t.term: t.definition for t in ordered}
    out: list[str] = []
    skipping: list[str] = []
    for part in _TAG.split(html):
        if part.startswith("<"):
            match = _TAG_NAME.match(part)
            name = match[1].lower() if match else ""
            if name in _SKIP and name not in _VOID:
                if part.startswith("</"):
                    if skipping and skipping[-1] == name:
                        skipping.pop()
                elif not part.endswith("/>"):
                    skipping.append(name)
            out.append(part)
        elif skipping or not part.strip():
            out.append(part)
        else:
            out.append(
                pattern.sub(lambda m: f'<abbr title="{escape(titles[m[0]])}">{m[0]}</abbr>', part)
            )
    return "".join(out)
