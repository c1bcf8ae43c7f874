"""Step 1: every encoding the issue names is read right, and nothing is guessed wrong silently."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from opencc_purepy import OpenCC

from peixun.importer.decode import decode
from peixun.importer.model import UnreadableInput
from peixun.importer.read import read_source

SIMPLIFIED = "党支部书记要强化服务意识，提高组织领导能力。\n“火车跑得快，要靠车头带”：9:00 开会。\n"
TRADITIONAL = OpenCC("s2t").s2t(SIMPLIFIED)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
        (SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
        (SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
        (SIMPLIFIED.replace("\n", "\r\n").encode("gb18030"), "gb18030"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "gbk",
        "gb18030-crlf",
    ],
)
def test_simplified_text_in_every_encoding_reads_back(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text == SIMPLIFIED
    assert decoded.encoding == encoding


def test_big5_is_not_misread_as_gb18030() -> None:
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # the trap: Big5 bytes are valid GB18030
    decoded = decode(data)
    assert decoded.encoding == "big5"
    assert decoded.text == TRADITIONAL


def test_short_gbk_text_is_not_called_korean() -> None:
    assert decode("如何当好党支部书记".encode("gbk")).text == "如何当好党支部书记"


def test_crlf_and_cr_become_newlines() -> None:
    assert decode("第一行\r\n第二行\r第三行".encode()).text == "第一行\n第二行\n第三行"


def test_explicit_encoding_skips_detection() -> None:
    assert decode(TRADITIONAL.encode("big5"), "big5").text == TRADITIONAL


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "文件为空"),
        (b"  \n\r\n ", "文件为空"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "不是文本文件"),
        (bytes(range(128, 256)) * 4, "无法识别文件编码"),
        (b"Just some English text.\n", "没有中文"),
    ],
    ids=["empty", "blank", "png", "undecodable", "no-chinese"],
)
def test_unreadable_input_is_refused_in_chinese(data: bytes, message: str) -> None:
    with pytest.raises(UnreadableInput, match=message):
        decode(data)


def test_unknown_encoding_name_is_refused() -> None:
    with pytest.raises(UnreadableInput, match="不认识的编码名"):
        decode(SIMPLIFIED.encode(), "no-such-codec")


def test_reader_refuses_other_file_types(tmp_path: Path) -> None:
    old_word = tmp_path / "旧文档.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    with pytest.raises(UnreadableInput, match=r"另存为 \.docx"):
        read_source(old_word)
    image = tmp_path / "图片.png"
    image.write_bytes(b"\x89PNG")
    with pytest.raises(UnreadableInput, match="不支持的文件类型"):
        read_source(image)
    with pytest.raises(UnreadableInput, match="找不到文件"):
        read_source(tmp_path / "没有这个文件.txt")


def test_reader_strips_invisible_characters_and_indentation(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\u3000\u3000党支部\u200b书记 \n", encoding="utf-8")
    assert [line.text for line in read_source(path).lines] == ["党支部书记", ""]


def test_short_text_plausible_in_both_encodings_asks_for_the_encoding() -> None:
    from peixun.importer.decode import decode
    from peixun.importer.model import UnreadableInput

    data = "學習記錄\n支部學習\n".encode("big5")  # also four common GB2312 characters as GB18030
    with pytest.raises(UnreadableInput) as caught:
        decode(data)
    assert "--encoding big5" in str(caught.value)
    assert decode(data, "big5").text.startswith("學習記錄")
    assert decode("学习记录\n支部学习\n".encode("gbk")).encoding == "gb18030"
