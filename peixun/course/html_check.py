"""Lessons are content, not code: the raw HTML an editor may write, and what is refused.

Python-Markdown passes raw HTML straight into the site and both handouts, so a ``<script>``,
an ``onclick=`` or a ``javascript:`` link in a lesson would run in every learner's browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from peixun.errors import ContentError
from peixun.text.markdown import CODE_SPAN

ALLOWED_TAGS = frozenset(
    {
        "br",
        "sup",
        "sub",
        "mark",
        "abbr",
        "span",
        "small",
        "u",
        "s",
        "kbd",
        "ruby",
        "rt",
        "rp",
        "div",
    }
)
"""Inline marks for text, and ``div`` for ``md_in_html`` blocks; nothing that loads or runs."""
ALLOWED_ATTRIBUTES = frozenset({"class", "title", "id", "lang", "markdown", "data-search-exclude"})

COMMENT = re.compile(r"<!--.*?-->")
TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^<>]*)?)/?\s*>")
ATTRIBUTE = re.compile(r"([^\s=/\"'<>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
SCRIPT_URL = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
SCRIPT_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)


def check_raw_html(file: str, lines: Iterable[tuple[int, str]]) -> list[ContentError]:
    """Problems in the raw HTML of ``lines`` ((file line, text) outside fenced code)."""
    errors = []
    for line, raw in lines:
        text = COMMENT.sub("", CODE_SPAN.sub("", raw))
        for message in _problems(text):
            errors.append(ContentError(file, line, message))
    return errors


def _problems(text: str) -> list[str]:
    found = []
    if SCRIPT_URL.search(text):
        found.append(
            "链接地址不能以 javascript:、vbscript: 或 data: 开头，请改为普通网址或站内链接。"
        )
    for tag in TAG.finditer(text):
        name = tag[1].lower()
        if name not in ALLOWED_TAGS:
            allowed = "、".join(sorted(ALLOWED_TAGS))
            found.append(
                f"课文中不能写 HTML 标签 <{name}>（课文是内容，不是程序）。"
                f"可用的只有：{allowed}；其余请改用 Markdown。"
            )
            continue
        for attr in ATTRIBUTE.finditer(tag[2] or ""):
            key, value = attr[1].lower(), (attr[2] or "").strip("\"'")
            if key.startswith("on") or key not in ALLOWED_ATTRIBUTES:
                found.append(
                    f"<{name}> 的属性“{key}”不允许（不能写 on… 事件或其他属性）。"
                    f"可用的属性：{'、'.join(sorted(ALLOWED_ATTRIBUTES))}。"
                )
            elif SCRIPT_SCHEME.match(value):
                found.append(f"<{name}> 的属性“{key}”里不能写 javascript: 之类的地址。")
    return found
