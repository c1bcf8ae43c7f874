"""Chinese beside Latin letters and digits: no space is typed between them.

The course writes “网页和PDF”“第4篇”“2019年”“原始文档000”, as GB/T 15834 and GB/T 15835 print
their own examples and as Chinese official publications set them. The small gap a reader may
want between the two scripts is the typesetter's job, not a character in the text: the site's
stylesheet asks the browser for it (``text-autospace``), so it is the same on every page and
never doubled. Spaces between Latin words and inside names such as “GB/T 15834” stay. A code
span counts as Latin (“打开`index.html`使用”: the theme pads it); link targets, attribute lists
and HTML tags are not text and are left alone.

One rule for the content check (:func:`spaced_latin`) and for mending text (:func:`close_latin`).
"""

from __future__ import annotations

import re

from peixun.text.hanzi import HAN
from peixun.text.markdown import CODE_SPAN, NOT_PROSE

LATIN = "A-Za-z0-9"
"""Latin letters and Arabic digits (full-width ones are made half-width by the punctuation rule)."""
CHINESE_MARKS = "，。、；：？！（）《》“”‘’「」『』【】〔〕…—"
"""Full-width punctuation, which takes no space beside Latin either (“PDF ，” is wrong too)."""
SPACES = " \t\u3000\u00a0"
_CHINESE = f"{HAN}{CHINESE_MARKS}"
_MARKS = r"[*_~\[\]]*"  # emphasis and link brackets may stand between the two: 和 **PDF**
SPACED = re.compile(
    rf"(?<=[{_CHINESE}])({_MARKS})[{SPACES}]+(?={_MARKS}[{LATIN}])"
    rf"|(?<=[{LATIN}])({_MARKS})[{SPACES}]+(?={_MARKS}[{_CHINESE}])"
)
_HIDDEN = "\x00"


def _masked(text: str) -> str:
    """``text`` with code spans as Latin letters, link targets, attribute lists and tags
    blanked; the same length, so that positions hold in ``text``."""
    text = CODE_SPAN.sub(lambda m: "x" * len(m[0]), text)
    return NOT_PROSE.sub(lambda m: _HIDDEN * len(m[0]), text)


def _spans(text: str) -> list[tuple[int, int]]:
    """Where the spaces the rule removes stand in ``text`` (start, end of each run)."""
    spans = []
    for match in SPACED.finditer(_masked(text)):
        kept = len(match[1] or match[2] or "")
        spans.append((match.start() + kept, match.end()))
    return spans


def close_latin(text: str) -> str:
    """``text`` without spaces between Chinese and Latin letters or digits (one line or many)."""
    pieces, position = [], 0
    for start, end in _spans(text):
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def spaced_latin(text: str) -> tuple[str, str] | None:
    """The first space between Chinese and a Latin letter or digit in one line, as (the text
    around it, that text as the rule wants it): ("去掉了网页和 PDF 带来", "去掉了网页和PDF带来")."""
    spans = _spans(text)
    if not spans:
        return None
    start, end = spans[0]
    first, last = max(0, start - 6), min(len(text), end + 6)
    wanted, position = [], first
    for start, end in spans:
        if start >= position and end <= last:
            wanted.append(text[position:start])
            position = end
    wanted.append(text[position:last])
    return text[first:last], "".join(wanted)
