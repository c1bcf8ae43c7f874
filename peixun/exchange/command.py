"""``python -m peixun banks export|import``: question banks to and from other systems."""

from __future__ import annotations

import argparse
from pathlib import Path

from peixun.errors import ContentError, ContentErrors, problems_of
from peixun.exchange.docx import write_docx
from peixun.exchange.gather import Item, course_items, unfit
from peixun.exchange.gift import to_gift
from peixun.exchange.importing import import_file
from peixun.exchange.moodle_xml import to_moodle_xml
from peixun.exchange.qti import write_qti
from peixun.exchange.table import Row, to_row, unfit_separators
from peixun.exchange.xlsx import write_xlsx

FORMATS = ("xlsx", "docx", "gift", "moodle-xml", "qti21")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)
    export = actions.add_parser(
        "export", help="把题库导出为 Excel、Word、GIFT、Moodle XML 或 QTI 2.1"
    )
    export.add_argument("--format", required=True, choices=FORMATS, help="导出格式")
    export.add_argument("--chapter", help="只导出一章：章文件夹名或章号（如 01）")
    export.add_argument("--lesson", help="只导出一课，如 01-juese-renzhi/01-diwei-zuoyong")
    export.add_argument(
        "--generated",
        action="store_true",
        help="连同自动生成的题目一起导出（默认只导出题库里手写的题）",
    )
    export.add_argument("--out", required=True, type=Path, help="输出文件")
    export.add_argument(
        "--project", default=Path("."), type=Path, help="项目文件夹，默认为当前文件夹"
    )
    export.add_argument("--force", action="store_true", help="覆盖已有的输出文件")
    export.set_defaults(handler=_export)
    imp = actions.add_parser("import", help="把 Excel（.xlsx）或 Word（.docx）题目导入为一课的题库")
    imp.add_argument("file", type=Path, help="要导入的 .xlsx 或 .docx 文件")
    imp.add_argument(
        "--out",
        required=True,
        type=Path,
        help="写入的题库，如 quizzes/01-juese-renzhi/01-diwei-zuoyong.yml；写 quizzes 则按“出处”分到各课",
    )
    imp.add_argument("--partial", action="store_true", help="只写入无误的题目，并列出有问题的")
    imp.add_argument("--force", action="store_true", help="覆盖已有的题库文件")
    imp.set_defaults(handler=lambda a: import_file(a.file, a.out, partial=a.partial, force=a.force))


def run(args: argparse.Namespace) -> int:
    try:
        return int(args.handler(args))
    except (ContentError, ContentErrors) as exc:
        for problem in problems_of(exc):
            print(problem)
        return 1


def _rows(items: list[Item], skipped: list[str]) -> list[Row]:
    rows = []
    for item in items:
        why = unfit_separators(item.question)
        if why:
            skipped.append(unfit(item, "", why))
        else:
            rows.append(to_row(item.question, item.lesson))
    return rows


def _export(args: argparse.Namespace) -> int:
    items = course_items(args.project, args.chapter, args.generated, args.lesson)
    if not items:
        print("没有可导出的题目（检查 --chapter、--lesson 是否写对）。")
        return 1
    out: Path = args.out
    if out.exists() and not args.force:
        # An exported sheet may have been edited since: never replace it unasked.
        print(f"{out}：文件已存在，未覆盖。要替换它请加 --force。")
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    skipped: list[str] = []
    if args.format == "xlsx":
        write_xlsx(_rows(items, skipped), out)
    elif args.format == "docx":
        write_docx(_rows(items, skipped), out, args.lesson or args.chapter or "题库")
    elif args.format == "gift":
        text, skipped = to_gift(items)
        out.write_text(text, encoding="utf-8")
    elif args.format == "moodle-xml":
        data, skipped = to_moodle_xml(items)
        out.write_bytes(data)
    else:
        skipped = write_qti(items, out)
    for line in skipped:
        print(line)
    print(
        f"已导出 {len(items) - len(skipped)} 道题到 {out}"
        + (f"，{len(skipped)} 道未导出（见上）。" if skipped else "。")
    )
    return 0
