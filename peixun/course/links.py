"""Links between the course's pages, checked as the build would, with file and line in Chinese.

MkDocs reports a broken link as an English warning with no line, sometimes naming a generated
page the editor never wrote; the content check finds it first, at the line to fix.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from urllib.parse import unquote

from peixun.errors import ContentError

# [text](target "title") — not images; the target may be written <in angle brackets>.
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*(?P<target><[^>]*>|[^)\s]+)(?:\s+\"[^\"]*\")?\s*\)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # http:, mailto:, …

AnchorsOf = Callable[[str], "set[str] | None"]
"""docs-relative page path -> the anchors it has, or None when not known (generated pages)."""


def check_links(
    file: str,
    src_path: str,
    lines: Iterable[tuple[int, str]],
    pages: set[str],
    anchors_of: AnchorsOf,
) -> list[ContentError]:
    """Every link in ``lines`` of the page at ``src_path`` (docs-relative) leads somewhere.

    ``pages`` holds every docs-relative path the site will have, generated pages included.
    """
    errors = []
    for line, raw in lines:
        for match in LINK.finditer(CODE_SPAN.sub("", raw)):
            target = match["target"].strip("<>")
            message = _problem(target, src_path, pages, anchors_of)
            if message:
                errors.append(ContentError(file, line, message))
    return errors


def _problem(target: str, src_path: str, pages: set[str], anchors_of: AnchorsOf) -> str | None:
    if EXTERNAL.match(target) or target.startswith("//"):
        return None
    path, _, anchor = unquote(target).partition("#")
    if path.startswith("/"):
        return f"链接“{target}”以“/”开头：请写成相对于本文件的路径（如 ../02-zhang/01-ke.md）。"
    if path:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_path), path))
        if path.endswith("/"):
            resolved = f"{resolved}/index.md"
        if resolved not in pages:
            hint = "（课文之间请链接 .md 文件，而不是 .html）" if path.endswith(".html") else ""
            return f"链接“{target}”指向的 docs/{resolved} 不存在。请核对路径和文件名{hint}。"
    else:
        resolved = src_path
    if not anchor:
        return None
    anchors = anchors_of(resolved)
    if anchors is None or anchor in anchors:
        return None
    shown = "、".join(sorted(anchors)) or "（无）"
    return f"链接“{target}”中的锚点“#{anchor}”在 docs/{resolved} 中不存在。可用的 id：{shown}。"
