"""The command as an editor uses it: the seeds and their re-encodings in, clean drafts out,
bad files refused in one Chinese line, nothing overwritten, the same input giving the same bytes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from opencc_purepy import OpenCC

from peixun.importer.mojibake import repair_mojibake
from peixun.importer.read import to_lines
from peixun.text.charset import in_gb2312, to_simplified
from peixun.text.hanzi import is_han

from .helpers import draft_bodies, run_import

DEBRIS = (
    "精品文档",
    "助你起航",
    "本文章共",
    "NextPage",
    "下载文档",
    "仅部分预览",
    "浏览量",
    "点赞",
    "收藏：",
    "![",
    "taowenge",
    "发布时间",
    "[导读]",
    "除尘滤布",
    "奥远",
    "[权威资料]",
    "精选多篇",
    "由会员分享",
    "人工客服",
)
ASCII_IN_CHINESE = re.compile(r"[\u4e00-\u9fff][,;:?!()]|[,;:?!()][\u4e00-\u9fff]")
EXPECTED_HEADINGS = {
    "000": [
        "## 一、强化四种意识",
        "### （一）是要强化服务意识",
        "## 二、在实行民主集中上发挥好主导作用",
    ],
    "001": ["## 一、要树立做好工作的光荣感、责任感和使命感", "### 1、要有较高的政治素质"],
    "002": [
        "## 一、当前党支部书记现状和存在的问题",
        "### 1.政治素质修养不够，不能很好地适应新形势下的思想政治工作",
    ],
    "003": [
        "## 一、加强学习，提高认识，不断增强做好党建工作的责任感、使命感",
        "### 1、要在教育管理上创新",
    ],
    "004": ["## 一、加强以党章为主的理论学习", "## 六、积极开拓创新工作理念方法"],
}


def assert_clean(drafts: dict[str, str]) -> None:
    """The acceptance of the issue, checked on every draft."""
    assert drafts
    for name, draft in drafts.items():
        assert draft.startswith("---\ntitle: "), name
        assert "\ndraft: true\n---\n" in draft, name
        assert to_simplified(draft) == draft, f"{name}: 有繁体字"
        rare = {c for c in draft if is_han(c) and not in_gb2312(c)}
        assert not rare, f"{name}: GB2312 以外的字（乱码？）{rare}"
        for debris in DEBRIS:
            assert debris not in draft, f"{name}: 残留“{debris}”"
        assert not ASCII_IN_CHINESE.findall(draft), f"{name}: 中文里有半角标点"


@pytest.fixture(scope="module")
def seed_import(tmp_path_factory: pytest.TempPathFactory, seeds: list[Path]) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    assert run_import(seeds, out) == 0
    return out


def test_seeds_import_to_clean_drafts_with_their_structure(seed_import: Path) -> None:
    drafts = draft_bodies(seed_import)
    assert_clean(drafts)
    for seed, headings in EXPECTED_HEADINGS.items():
        text = "\n".join(body for name, body in drafts.items() if name.startswith(seed))
        for heading in headings:
            # Every ## of a skeleton carries its pinyin id; ### stay as they are.
            with_id = r" \{#[a-z0-9-]+\}" if heading.startswith("## ") else ""
            found = re.search(rf"\n{re.escape(heading)}{with_id}\n", text)
            assert found, f"{seed}: 缺少标题“{heading}”"


def test_repeated_articles_of_001_and_003_are_in_the_report(seed_import: Path) -> None:
    report = json.loads((seed_import / "导入报告.json").read_text(encoding="utf-8"))
    pairs = {
        (d["first"]["file"][:3], d["second"]["file"][:3]) for d in report["duplicate_articles"]
    }
    assert ("001", "001") in pairs and ("003", "003") in pairs
    text = (seed_import / "导入报告.md").read_text(encoding="utf-8")
    assert "## 重复文章" in text and "如何加强现代化技术在社区党建工作上的应用" in text


def test_author_journal_and_date_reach_front_matter(seed_import: Path) -> None:
    drafts = draft_bodies(seed_import)
    header = next(body for body in drafts.values() if "author: 邱艳玲" in body)
    assert "journal: 《中国科技信息》2022年9月18期" in header
    assert "date: '2023-02-01'" in header


def test_every_removal_is_listed_in_the_report(seed_import: Path) -> None:
    report = json.loads((seed_import / "导入报告.json").read_text(encoding="utf-8"))
    removed = [e for f in report["files"] for e in f["events"] if e["kind"] == "删除"]
    texts = " ".join(e["text"] for e in removed)
    for debris in ("精品文档", "本文章共2页", "下载文档前", "浏览量:304", "除尘滤布", "奥远"):
        assert debris in texts
    assert all(e["line"] >= 1 for e in removed)


def _reencode(raw: str, encoding: str) -> bytes:
    if encoding == "big5":  # a Big5 copy is a Traditional copy
        text = "\n".join(line.text for line in repair_mojibake(to_lines(raw.split("\n"))).lines)
        return OpenCC("s2t").s2t(to_simplified(text)).encode("big5")
    if encoding == "gb18030-crlf":
        return raw.replace("\n", "\r\n").encode("gb18030")
    return raw.encode(encoding)


@pytest.mark.parametrize("encoding", ["gbk", "big5", "utf-16", "gb18030-crlf"])
def test_reencoded_seeds_import_the_same(
    encoding: str, seeds: list[Path], seed_import: Path, tmp_path: Path
) -> None:
    copies = []
    for seed in seeds:
        copy = tmp_path / "in" / seed.name
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(_reencode(seed.read_text(encoding="utf-8"), encoding))
        copies.append(copy)
    out = tmp_path / "out"
    assert run_import(copies, out) == 0
    drafts = draft_bodies(out)
    assert_clean(drafts)
    if encoding != "big5":  # the same text in other bytes gives the same drafts
        assert drafts == draft_bodies(seed_import)
    else:
        assert drafts.keys() == draft_bodies(seed_import).keys()


def test_junk_files_are_refused_in_one_line_and_the_rest_imported(
    tmp_path: Path, seeds: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "乱码.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    fake = tmp_path / "假的.docx"
    fake.write_bytes(b"not a zip")
    missing = tmp_path / "不存在.txt"
    out = tmp_path / "out"
    assert run_import([empty, binary, seeds[2], fake, missing], out) == 1
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 4
    assert errors[0] == f"错误：{empty}：文件为空"
    assert all(line.startswith("错误：") for line in errors)
    assert "Traceback" not in captured.out + captured.err
    assert "[3/5] 002_34bce22a2a68b5f6.txt：UTF-8，1 篇稿件" in captured.out
    assert list(draft_bodies(out)) == ["002_34bce22a2a68b5f6-01.md"]
    report = (out / "导入报告.md").read_text(encoding="utf-8")
    assert "| 空.txt | 错误：文件为空 |" in report


def test_same_input_gives_byte_identical_output_and_no_new_files(
    tmp_path: Path, seeds: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    run_import(seeds[1:3], out)
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    capsys.readouterr()
    assert run_import(seeds[1:3], out) == 0
    after = {path.name: path.read_bytes() for path in out.iterdir()}
    assert after == before
    assert "未变化 11" in capsys.readouterr().out


def test_an_edited_draft_survives_reimport(
    tmp_path: Path, seeds: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    run_import([seeds[4]], out)
    draft = out / "004_6739b784d1502ec9-01.md"
    edited = draft.read_text(encoding="utf-8").replace("同志们：", "同志们：（编辑改过）")
    draft.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert run_import([seeds[4]], out) == 0
    assert draft.read_text(encoding="utf-8") == edited
    fresh = out / "004_6739b784d1502ec9-01.new.md"
    assert "（编辑改过）" not in fresh.read_text(encoding="utf-8")
    assert "新版写在 004_6739b784d1502ec9-01.new.md" in capsys.readouterr().out
    assert run_import([seeds[4]], out, "--force") == 0
    assert "（编辑改过）" not in draft.read_text(encoding="utf-8")
    # The edited file is kept in the run's backup folder; the waiting .new.md is tidied away.
    [kept] = (out / "导入备份").glob("*/004_6739b784d1502ec9-01.md")
    assert kept.read_text(encoding="utf-8") == edited
    assert not fresh.exists()
    assert list((out / "导入备份").glob("*/004_6739b784d1502ec9-01.new.md"))


def test_output_folder_that_is_a_file_is_refused(
    tmp_path: Path, seeds: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.md"
    out.write_text("x", encoding="utf-8")
    assert run_import([seeds[2]], out) == 2
    assert "不是文件夹" in capsys.readouterr().err


def test_docx_through_the_command(tmp_path: Path) -> None:
    path = tmp_path / "讲话.docx"
    document = docx.Document()
    document.add_paragraph("黨支部書記的領導藝術")
    document.add_paragraph("領導藝術和領導方法是兩個不同的概念,既有聯系又有區別。")
    document.add_paragraph("1.充分發揮支部委員會的作用。支部委員會是黨支部的領導班子。")
    document.save(str(path))
    out = tmp_path / "out"
    assert run_import([path], out) == 0
    (draft,) = draft_bodies(out).values()
    assert_clean({"讲话": draft})
    assert "title: 党支部书记的领导艺术" in draft
    assert (
        "## 1.充分发挥支部委员会的作用 {#chongfenfahui-zhibu}\n\n支部委员会是党支部的领导班子。"
        in draft
    )


def _import_markdown(tmp_path: Path, text: str) -> str:
    """The one draft made from a Markdown file holding ``text``."""
    path = tmp_path / "笔记.md"
    path.write_text(text, encoding="utf-8")
    assert run_import([path], tmp_path / "out") == 0
    (draft,) = draft_bodies(tmp_path / "out").values()
    return draft


def test_markdown_input_keeps_its_title_and_code(tmp_path: Path) -> None:
    draft = _import_markdown(
        tmp_path,
        "---\ntitle: 支部工作笔记\ntags: [a]\n---\n\n# 一级标题\n\n正文,第一段。\n\n"
        "```\nprint('a, b: 1')  # 代码,不改\n```\n",
    )
    out = tmp_path / "out"
    assert draft.startswith("---\ntitle: 支部工作笔记\n")
    assert (
        "\n## 一级标题 {#yiji-biaoti}\n\n正文，第一段。\n\n```\nprint('a, b: 1')  # 代码,不改\n```\n"
        in draft
    )
    report = json.loads((out / "导入报告.json").read_text(encoding="utf-8"))
    assert any(e["text"] == "tags: [a]" for e in report["files"][0]["events"])


def test_markdown_input_reads_code_and_headings_as_the_site_does(tmp_path: Path) -> None:
    draft = _import_markdown(
        tmp_path,
        "# 一级标题\n\n正文,第一段。\n\n"
        "````\n```\n代码,不改\n```\n还是代码,不改\n````\n\n##二级标题\n\n第二段,正文。\n",
    )
    # a longer fence is closed only by the same fence: what stands inside is left alone
    assert "````\n```\n代码,不改\n```\n还是代码,不改\n````" in draft
    # "##二级标题" is a heading to the site's Markdown: not joined to the text, and the
    # skeleton writes it in the lesson format, with its space and an id
    assert "\n## 二级标题 {#" in draft and "第二段，正文。" in draft


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Word"),
    ],
)
def test_a_binary_file_renamed_txt_is_refused(
    tmp_path: Path, data: bytes, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "文章.txt"
    path.write_bytes(data)
    assert run_import([path], tmp_path / "out") == 1
    err = capsys.readouterr().err
    assert "文章.txt" in err and said in err and "不是文本文件" in err
    assert not list((tmp_path / "out").glob("文章*.md"))


def test_a_damaged_docx_is_said_to_be_damaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    good = tmp_path / "好.docx"
    document = docx.Document()
    document.add_paragraph("党支部书记要带头学习。")
    document.save(str(good))
    damaged = tmp_path / "坏.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(damaged, "w") as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == "word/document.xml":
                body = body[: len(body) // 2]  # cut off mid-element, as a broken copy is
            zout.writestr(item, body)
    assert run_import([damaged], tmp_path / "out") == 1
    err = capsys.readouterr().err
    assert "坏.docx" in err and "已损坏" in err and "维护者" not in err


def test_an_input_with_no_lesson_text_is_not_a_silent_success(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "一行.txt"
    path.write_text("浏览量：1234\n", encoding="utf-8")
    assert run_import([path], tmp_path / "out") == 1
    assert "没有找到可以成为课文的正文" in capsys.readouterr().err
