"""Split a Markdown file into its YAML front matter and body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peixun.errors import ContentError
from peixun.text.yamltext import Locator, load_yaml


@dataclass(frozen=True)
class Document:
    """A Markdown file as an editor wrote it."""

    file: str  # path shown in messages, e.g. docs/01-juese-renzhi/01-diwei-zuoyong.md
    meta: dict[str, Any]
    body: str
    body_line: int  # file line on which the body starts
    locate: Locator


def _no_lines(path: tuple[str | int, ...]) -> int | None:
    return 1


def parse_document(text: str, file: str) -> Document:
    """Parse ``text``; front matter is optional, but when present it must be a mapping."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return Document(file, {}, text, 1, _no_lines)
    end = next((i for i, line in enumerate(lines) if i and line.strip() in ("---", "...")), 0)
    if not end:
        raise ContentError(file, 1, "front matter 以“---”开头，但没有结束的“---”行。")
    data, locate = load_yaml("\n".join(lines[1:end]), file, first_line=2)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError(file, 2, "front matter 应为“字段: 值”的形式（如 title: 课文标题）。")
    return Document(file, data, "\n".join(lines[end + 1 :]), end + 2, locate)


def read_document(path: Path, file: str) -> Document:
    """Read and parse a Markdown file; unreadable bytes are reported, not raised raw."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(
            file, None, f"不是 UTF-8 编码的文本（{exc.reason}）。请另存为 UTF-8。"
        ) from None
    return parse_document(text, file)
