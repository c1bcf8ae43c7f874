"""The words jieba must keep whole when the search index is built.

jieba's own dictionary splits the course's formulae (三会/一课, 求实/四问, 五个/必访), and
a query typed as one word then finds nothing. The words come from three places:

- the glossary's terms (民主集中制, 求实四问, 五个必访…);
- the lesson headings: words in quotation marks (“润滑剂”, “四个带好头”) and numbered
  concepts (强化四种意识 → 四种意识, 党员先进性教育的六项标准 → 六项标准);
- short numbered formulae quoted in the text (“三会一课”, “六个一些”).

Only runs of Han characters can be words (Material segments Han runs only). A phrase joined
by 和/与/及/的 is not taken whole, so that its parts (自我批评) stay searchable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from peixun.text.hanzi import HAN
from peixun.text.markdown import parse_markdown

HAN_RUN = re.compile(f"[{HAN}]+")
QUOTED = re.compile(r"[“‘「『《]([^”’」』》\n]{1,20})[”’」』》]")
NUMERAL = "一二三四五六七八九十两百"
CLASSIFIER = "个种项条类点大字心要"
NUMBERED = re.compile(rf"[{NUMERAL}]{{1,3}}[{CLASSIFIER}][{HAN}]{{1,4}}$")
JOINS_A_PHRASE = re.compile(r"[和与及的]")
SHORTEST, LONGEST = 2, 6  # longer phrases would hide the words inside them
FORMULA_LENGTHS = range(3, 6)


def _words_in(text: str) -> list[str]:
    """The Han runs of ``text`` that can be dictionary words."""
    return [
        run
        for run in HAN_RUN.findall(text)
        if SHORTEST <= len(run) <= LONGEST and not JOINS_A_PHRASE.search(run)
    ]


def glossary_words(terms: Iterable[str]) -> list[str]:
    """Glossary terms, Han parts only (互联网+ → 互联网)."""
    return [word for term in terms for word in _words_in(term)]


def heading_words(markdown: str) -> list[str]:
    """Quoted words and numbered concepts in the ``##`` (and deeper) headings of a page
    (headings as the lesson model reads them: not in code, with or without a space)."""
    words: list[str] = []
    for heading in (h.text for h in parse_markdown(markdown).headings if h.level >= 2):
        for quoted in QUOTED.findall(heading):
            words.extend(_words_in(quoted))
        unquoted = QUOTED.sub("，", heading)
        for run in HAN_RUN.findall(unquoted):
            match = NUMBERED.search(run)
            if match and not JOINS_A_PHRASE.search(match[0]):
                words.append(match[0])
    return words


def formula_words(markdown: str) -> list[str]:
    """Short quoted formulae with a numeral in the text: “三会一课”, “六个一些”."""
    return [
        quoted
        for quoted in QUOTED.findall(markdown)
        if len(quoted) in FORMULA_LENGTHS
        and HAN_RUN.fullmatch(quoted)
        and any(ch in NUMERAL for ch in quoted)
        and not JOINS_A_PHRASE.search(quoted)
    ]


def dictionary(glossary: Iterable[str], pages: Iterable[str]) -> list[str]:
    """All words, each once, sorted: from glossary terms and from the Markdown of the pages."""
    words = set(glossary_words(glossary))
    for markdown in pages:
        words.update(heading_words(markdown))
        words.update(formula_words(markdown))
    return sorted(words)


def userdict_text(words: Iterable[str]) -> str:
    """jieba's user dictionary: one word a line (jieba picks a frequency that keeps it whole)."""
    return "".join(f"{word}\n" for word in words)
