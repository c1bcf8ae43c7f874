"""Step 1: bytes to text. Detect the encoding and refuse to guess when unsure."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from peixun.importer.model import UnreadableInput
from peixun.text.charset import in_gb2312, to_simplified
from peixun.text.hanzi import han_count, is_han

# The only plausible encodings for Chinese; unrestricted detection calls short GBK text Korean.
CANDIDATES = ("gb18030", "big5")
# Share of Han characters that must be plausible before a reading is believed: for GB18030,
# characters in GB2312 or Traditional forms of them (a GBK file may hold Traditional text); for
# Big5, its frequent-character level. Big5 bytes read as GB18030 score about 0.6 on the seeds.
MIN_PLAUSIBLE = 0.9
# Below this many Han characters the statistical detector is a coin toss (Big5 "學習記錄" reads
# as four common GB2312 characters too): when both readings are plausible, ask.
SHORT_TEXT = 60
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8（带 BOM）",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16LE",
    "utf-16-be": "UTF-16BE",
    "gb18030": "GB18030/GBK",
    "big5": "Big5",
}


@dataclass(frozen=True)
class Decoded:
    """Decoded text with Unix line endings and the encoding it was read in."""

    text: str
    encoding: str


def _is_common(char: str, encoding: str) -> bool:
    """Whether ``char`` is in Big5's frequent-character level."""
    try:
        raw = char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return 0xA440 <= int.from_bytes(raw, "big") <= 0xC67E


def _is_plausible(char: str, encoding: str) -> bool:
    if encoding == "gb18030":
        return in_gb2312(char) or in_gb2312(to_simplified(char))
    return _is_common(char, encoding)


def plausible_share(text: str, encoding: str) -> float:
    """Share of the Han characters in ``text`` that a real ``encoding`` document would hold."""
    han = [char for char in text if is_han(char)]
    if not han:
        return 0.0
    return sum(1 for char in han if _is_plausible(char, encoding)) / len(han)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM: Chinese text has no NUL bytes, but UTF-16 of punctuation and digits
    does, at every other position."""
    if len(data) % 2 or len(data) < 4:
        return None
    even_nul = data[0::2].count(0) / (len(data) // 2)
    odd_nul = data[1::2].count(0) / (len(data) // 2)
    if max(even_nul, odd_nul) < 0.1:
        return None
    encoding = "utf-16-be" if even_nul > odd_nul else "utf-16-le"
    text = _strict(data, encoding)
    return None if text is None else Decoded(text, encoding)


def _east_asian(data: bytes) -> Decoded:
    readings = {enc: text for enc in CANDIDATES if (text := _strict(data, enc)) is not None}
    believable = {
        enc: text for enc, text in readings.items() if plausible_share(text, enc) >= MIN_PLAUSIBLE
    }
    if len(believable) == 1:
        ((encoding, text),) = believable.items()
        return Decoded(text, encoding)
    if len(believable) > 1:
        short = min(han_count(text) for text in believable.values()) < SHORT_TEXT
        best = None if short else from_bytes(data, cp_isolation=[*CANDIDATES, "utf_16"]).best()
        if best is not None and best.encoding in believable:
            return Decoded(believable[best.encoding], best.encoding)
        raise UnreadableInput(
            "无法确定文件编码（GB18030 与 Big5 都说得通）：请用 --encoding gb18030 或 "
            "--encoding big5 指定"
        )
    raise UnreadableInput(
        "无法识别文件编码（不是 UTF-8、UTF-16、GBK/GB18030 或 Big5 的中文文本）："
        "请另存为 UTF-8 后再导入"
    )


def _check_text(text: str) -> None:
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f\v")
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise UnreadableInput("看起来不是文本文件（含有大量控制字符）：请导入 .txt、.md 或 .docx")
    if not text.strip():
        raise UnreadableInput("文件没有文字内容")
    if han_count(text) == 0:
        raise UnreadableInput("文件里没有中文文字：请确认选对了文件")


def normalize_newlines(text: str) -> str:
    """Windows and old Mac line endings become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``; raise :class:`UnreadableInput` rather than guess wrong.

    Order: a UTF-8 or UTF-16 BOM, strict UTF-8, UTF-16 without BOM, then GB18030 or Big5,
    each reading checked for being made of common characters.
    """
    if not data.strip():
        raise UnreadableInput("文件为空")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UnreadableInput(f"不认识的编码名“{encoding}”") from None
        text = _strict(data, encoding)
        if text is None:
            raise UnreadableInput(f"按指定的编码 {encoding} 无法解码：请检查编码名")
        decoded = Decoded(text.removeprefix("\ufeff"), encoding)
    elif data.startswith(codecs.BOM_UTF8):
        text = _strict(data, "utf-8-sig")
        if text is None:
            raise UnreadableInput("文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8")
        decoded = Decoded(text, "utf-8-sig")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16")
        if text is None:
            raise UnreadableInput("文件以 UTF-16 BOM 开头，但内容不是有效的 UTF-16")
        decoded = Decoded(text, "utf-16")
    elif (text := _strict(data, "utf-8")) is not None and "\x00" not in text:
        decoded = Decoded(text, "utf-8")
    elif (utf16 := _utf16_without_bom(data)) is not None:
        decoded = utf16
    elif b"\x00" in data:
        raise UnreadableInput("看起来不是文本文件（二进制内容）：请导入 .txt、.md 或 .docx")
    else:
        decoded = _east_asian(data)
    _check_text(decoded.text)
    return Decoded(normalize_newlines(decoded.text), decoded.encoding)


def encoding_name(encoding: str) -> str:
    """A name for the report."""
    return ENCODING_NAMES.get(encoding, encoding)
