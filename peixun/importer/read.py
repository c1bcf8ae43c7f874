"""Step 1 for every input: a file on disk to numbered lines, whatever its format and encoding."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peixun.importer.decode import decode, encoding_name
from peixun.importer.docx_reader import read_docx
from peixun.importer.markdown_reader import markdown_lines
from peixun.importer.model import Event, Line, UnreadableInput
from peixun.text.hanzi import han_count

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
# Zero-width characters and soft hyphens that web copies carry; they are never text.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Indentation and spacing characters Chinese documents use; collapsed at line ends.
BLANKS = " \t\u3000\u00a0\u2002\u2003\u2009\u202f\f\v"


@dataclass(frozen=True)
class Source:
    """An input file read into lines: what the pipeline starts from."""

    name: str
    lines: list[Line]
    encoding: str
    unit: str  # "行" for text files, "段" for Word paragraphs
    events: tuple[Event, ...] = ()  # what reading set aside (a Markdown file's front matter)


def to_lines(raw_lines: list[str]) -> list[Line]:
    """Number the lines from 1, strip invisible characters and blanks at either end."""
    return [
        Line(raw.translate(INVISIBLE).strip(BLANKS), number)
        for number, raw in enumerate(raw_lines, start=1)
    ]


# File signatures of formats that are not text, as a renamed file may still carry them.
SIGNATURES = (
    (b"%PDF-", "一个 PDF 文件"),
    (b"PK\x03\x04", "一个 Word 文档（.docx）或压缩包"),
    (b"\xd0\xcf\x11\xe0", "一个旧版 Word（.doc）或其他 Office 文件"),
    (b"\x89PNG", "一张图片"),
    (b"\xff\xd8\xff", "一张图片"),
    (b"{\\rtf", "一个 RTF 文档"),
)


def _binary_kind(data: bytes) -> str | None:
    return next((kind for magic, kind in SIGNATURES if data.startswith(magic)), None)


def read_source(path: Path, encoding: str | None = None) -> Source:
    """Read ``path``; raise :class:`UnreadableInput` with a Chinese reason when it cannot be."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableInput("找不到文件") from None
    except IsADirectoryError:
        raise UnreadableInput("这是一个文件夹，不是文件") from None
    except OSError as exc:
        raise UnreadableInput(f"无法读取文件（{exc.strerror}）") from None
    suffix = path.suffix.lower()
    if suffix == ".docx":
        lines = to_lines(read_docx(data))
        if not any(han_count(line.text) for line in lines):
            raise UnreadableInput("Word 文档里没有中文文字")
        return Source(path.name, lines, "Word（.docx）", "段")
    if suffix == ".doc":
        raise UnreadableInput("不支持旧版 Word 格式 .doc：请在 Word 中另存为 .docx 后再导入")
    if suffix not in TEXT_SUFFIXES:
        raise UnreadableInput(
            f"不支持的文件类型“{suffix or '无扩展名'}”：请导入 .txt、.md 或 .docx"
        )
    if kind := _binary_kind(data):
        raise UnreadableInput(
            f"这是{kind}，扩展名却是“{suffix}”：不是文本文件。"
            "请把其中的文字复制到 .txt，或另存为 .docx 后再导入"
        )
    decoded = decode(data, encoding)
    lines = to_lines(decoded.text.split("\n"))
    events: list[Event] = []
    if suffix in MARKDOWN_SUFFIXES:
        lines, events = markdown_lines(lines)
    return Source(path.name, lines, encoding_name(decoded.encoding), "行", tuple(events))
