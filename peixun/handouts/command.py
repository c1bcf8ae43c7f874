"""``python -m peixun handouts``: the chapter handouts of a built site, and their PDFs."""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

from peixun.handouts.docx import write_docx_files
from peixun.handouts.editions import parse_stem
from peixun.handouts.fonts import FamilyLister, installed_families, missing_font_message
from peixun.handouts.pdf import HandoutPageError, PdfWriter, handout_pages, read_handout
from peixun.records.docx import write_record_docx
from peixun.records.pdf import write_record_pdfs

DEFAULT_SITE = Path("site")
PDF_LIBRARIES = ("weasyprint", "lxml")  # the optional dependencies of peixun[pdf]


def missing_pdf_libraries() -> str | None:
    """A Chinese message naming the extra to install when a PDF library is missing."""
    missing = [name for name in PDF_LIBRARIES if importlib.util.find_spec(name) is None]
    if not missing:
        return None
    return (
        f"生成 PDF 需要可选依赖 {'、'.join(missing)}，当前环境中没有安装。"
        "请安装 peixun 的 pdf 扩展：pip install 'peixun[pdf]'"
        "（在源代码目录中：pip install -e '.[pdf]'），然后重新运行本命令。"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="为每章的学员版和教师版讲义各生成一个 PDF，放在网站的 handouts/ 文件夹里；"
        "各章、各课的学习记录表也各生成一个 PDF，放在 records/ 里",
    )
    parser.add_argument(
        "--docx",
        action="store_true",
        help="为每章的学员版和教师版讲义各生成一个 Word 文件（.docx），放在网站的 handouts/ 文件夹里；"
        "学习记录表的 Word 文件放在 records/ 里",
    )
    parser.add_argument(
        "--site",
        type=Path,
        default=DEFAULT_SITE,
        metavar="文件夹",
        help="已构建的网站（默认 site/，即 python -m mkdocs build 的输出）",
    )
    parser.add_argument(
        "--chapter",
        metavar="章节文件夹",
        help="只处理这一章，如 01-juese-renzhi",
    )


def _say(message: str) -> None:
    print(message, flush=True)


def run(args: argparse.Namespace, families: FamilyLister = installed_families) -> int:
    site: Path = args.site
    pages = handout_pages(site, args.chapter)
    if not pages:
        which = f"第“{args.chapter}”章的" if args.chapter else ""
        print(
            f"在 {site}/handouts/ 里找不到{which}讲义页面。"
            "请先运行 python -m mkdocs build 构建网站（或用 --site 指明网站所在的文件夹）。",
            file=sys.stderr,
        )
        return 1
    if args.docx:
        code = write_docx_files(Path("."), site, [parse_stem(p.stem) for p in pages], _say)
        # the 学习记录 sheets go with the handouts (peixun.records)
        code = code or write_record_docx(Path("."), site, args.chapter, _say)
        if code or not args.pdf:
            return code
    if not args.pdf:
        _say(f"{site} 里共有 {len(pages)} 个讲义页面（每章学员版、教师版各一）：")
        for page in pages:
            _say(f"  {page.relative_to(site).as_posix()}")
        _say("在浏览器里打开后打印即可；加 --pdf 可生成 PDF，加 --docx 可生成 Word 文件。")
        return 0

    problem = missing_pdf_libraries() or missing_font_message(families)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return _write_pdfs(site, pages) or write_record_pdfs(site, args.chapter, _say)


def _write_pdfs(site: Path, pages: list[Path]) -> int:
    started = time.perf_counter()
    try:
        writer = PdfWriter(site)
        handouts = [read_handout(page) for page in pages]
    except HandoutPageError as exc:
        print(exc, file=sys.stderr)
        return 1
    ready = time.perf_counter() - started
    _say(f"正在生成 {len(handouts)} 个讲义 PDF（排版引擎与字体已就绪，用时 {ready:.1f} 秒）")
    chapters: set[str] = set()
    for n, handout in enumerate(handouts, start=1):
        target = handout.page.with_suffix(".pdf")
        shown = target.relative_to(site).as_posix()
        one = time.perf_counter()
        try:
            count = writer.write(handout, target)
        except OSError as exc:
            print(f"无法写入 {target}：{exc.strerror or exc}", file=sys.stderr)
            return 1
        chapters.add(handout.chapter)
        _say(
            f"[{n}/{len(handouts)}] {shown}：{handout.title}，{count} 页，"
            f"{time.perf_counter() - one:.1f} 秒"
        )
    total = time.perf_counter() - started
    _say(
        f"完成：{len(handouts)} 个 PDF，{len(chapters)} 章，共 {total:.1f} 秒"
        f"（平均每章 {total / max(1, len(chapters)):.1f} 秒），在 {site}/handouts/。"
    )
    return 0
