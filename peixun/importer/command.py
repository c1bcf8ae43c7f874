"""``python -m peixun import FILE... --out DIR``: raw documents in, lesson skeletons and a
report out. With a course's chapter folder as DIR the skeletons are lessons of that chapter."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from peixun.importer.draft import lesson_id, passage, render_draft
from peixun.importer.duplicates import find_duplicates
from peixun.importer.model import Article, UnreadableInput
from peixun.importer.output import write_safely
from peixun.importer.pipeline import import_source
from peixun.importer.place import Place, keep_source, place_of, prepare_chapter
from peixun.importer.progress import Progress
from peixun.importer.read import read_source
from peixun.importer.report import (
    REPORT_JSON,
    REPORT_NAME,
    DraftRecord,
    FileRecord,
    RunReport,
    json_report,
    markdown_report,
    progress_line,
    screen_summary,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The import command's arguments."""
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="文件",
        help="要导入的文档：.txt（UTF-8、UTF-16、GBK/GB18030、Big5）、.md 或 .docx",
    )
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="目录",
        help="课文骨架与导入报告写入的文件夹（不存在则新建）；给出课程的章节文件夹"
        "（如 docs/03-yishi-nengli）时，骨架按该章的课文命名，原始文档存入 sources/",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="覆盖目录里内容不同的同名文件（默认不覆盖，新版另存为 *.new.md）",
    )
    parser.add_argument(
        "--encoding", metavar="编码", help="指定文本文件的编码（如 gb18030、big5），跳过自动识别"
    )


BACKUP_FOLDER = "导入备份"
"""Beside the report (never inside docs/): files that ``--force`` replaced, by run."""
_RUN_STARTED = time.strftime("%Y%m%d-%H%M%S")


def backup_dir(place: Place) -> Path:
    """Where this run keeps what ``--force`` replaces."""
    return place.report_dir / BACKUP_FOLDER / _RUN_STARTED


def _import_one(
    path: Path, args: argparse.Namespace, place: Place
) -> tuple[FileRecord, list[Article]]:
    record = FileRecord(path.name)
    progress = Progress(path.name, _size(path))
    try:
        progress.stage("读取、识别编码")
        source = read_source(path, args.encoding)
        document = import_source(source, progress)
    except UnreadableInput as exc:
        record.error = str(exc)
        return record, []
    except Exception as exc:
        record.error = f"导入时出现意外问题（{type(exc).__name__}）：请把这个文件交给维护者"
        return record, []
    finally:
        progress.done()
    if not document.articles:
        record.error = (
            "没有找到可以成为课文的正文（文件太短，或只有标题、网页残留）：请检查文件内容"
        )
        return record, []
    record.encoding, record.unit, record.events = source.encoding, source.unit, document.events
    if warning := keep_source(place, path):
        print(f"注意：{warning}", file=sys.stderr)
    progress.stage("写出草稿")
    for number, article in enumerate(document.articles, start=1):
        progress.count("写出草稿", number, len(document.articles))
        name, id_ = place.name_for(path.name, number, lesson_id(article))
        content = render_draft(article, path.name, source.unit, id_)
        written = write_safely(
            place.folder / name, content, force=args.force, backup_dir=backup_dir(place)
        )
        record.drafts.append(
            DraftRecord(article.title, passage(article, source.unit), written, written.path.name)
        )
    progress.done()
    return record, document.articles


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read_source says what is wrong with it


def run(args: argparse.Namespace) -> int:
    """Import every file; return 0 when all were imported, 1 when any was refused."""
    started = time.perf_counter()
    out: Path = args.out
    if out.exists() and not out.is_dir():
        print(f"错误：{out}：这是一个文件，不是文件夹：请用 --out 指定一个文件夹", file=sys.stderr)
        return 2
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"错误：{out}：无法创建输出文件夹（{exc.strerror}）", file=sys.stderr)
        return 2
    place = place_of(out)
    if (chapter_page := prepare_chapter(place)) is not None:
        print(f"新章节：已写入章节页 {chapter_page.path}（章名、简介待编写）。")
    records: list[FileRecord] = []
    documents: list[tuple[str, list[Article]]] = []
    total = len(args.files)
    for index, path in enumerate(args.files, start=1):
        record, articles = _import_one(path, args, place)
        records.append(record)
        if record.error:
            print(f"错误：{path}：{record.error}", file=sys.stderr)
        else:
            documents.append((record.name, articles))
        print(progress_line(index, total, record), flush=True)
    batch = Progress(
        f"{total} 个文件" if total > 1 else args.files[0].name, sum(map(_size, args.files))
    )
    batch.stage("查找重复段落")
    wholes, passages = find_duplicates(
        documents, lambda done, of: batch.count("查找重复段落", done, of)
    )
    batch.stage("写出导入报告")
    report = RunReport(records, wholes, passages)
    written = write_safely(
        place.report_dir / REPORT_NAME, markdown_report(report), force=args.force
    )
    write_safely(place.report_dir / REPORT_JSON, json_report(report), force=args.force)
    batch.done()
    print(screen_summary(report, str(written.path)))
    print(f"用时 {time.perf_counter() - started:.1f} 秒。")
    return 1 if any(record.error for record in records) else 0


def main(argv: list[str] | None = None) -> int:
    """Run the import command on its own (the project's entry is ``python -m peixun import``)."""
    parser = argparse.ArgumentParser(
        prog="python -m peixun.importer.command", description="把原始文档导入为课文草稿"
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
