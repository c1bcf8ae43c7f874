"""The glossary's own variants of its terms, for the query side of search.

A definition that opens with 即 names the term's full form (支委会 → 即支部委员会, 帮困基金 →
即党员帮困基金); the lessons use either. A learner who types one form should find the
sections that use the other: ``search-zh.js`` adds the other form to the query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from peixun.text.hanzi import HAN

CONFIG_KEY = "peixun_variants"
"""Where the pairs sit in the index's ``config`` (beside the pinyin table)."""
FULL_FORM = re.compile(f"^即([{HAN}]{{2,12}})(?=[，。；：、（(]|$)")


def glossary_variants(terms: Iterable[tuple[str, str]]) -> list[list[str]]:
    """``[term, full form]`` for each ``(term, definition)`` whose definition opens with 即…"""
    pairs: list[list[str]] = []
    for term, definition in terms:
        match = FULL_FORM.match(definition.strip())
        if match and match[1] != term:
            pairs.append([term, match[1]])
    return pairs
