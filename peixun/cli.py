"""``python -m peixun``: one entry point, one module per command."""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence

from peixun.errors import PeixunError

# command -> (module with add_arguments(parser) and run(args) -> int, help text)
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("peixun.scaffold.new", "新建一门课程：配置、示例章节、题库、说明"),
    "import": ("peixun.importer.command", "把原始文档（.txt/.docx/.md）导入为课文草稿"),
    "check": ("peixun.course.command", "检查课文与题库（不必完整构建网站）"),
    "handouts": ("peixun.handouts.command", "为已构建的网站生成各章讲义 PDF 与 Word 文件"),
    "banks": ("peixun.exchange.command", "题库导出（Excel/Word/GIFT/Moodle XML/QTI）与导入"),
    "slides": ("peixun.slides.command", "为各章（或某一课）生成党课课件 PowerPoint 幻灯片"),
    "export": ("peixun.scorm.command", "导出 SCORM 1.2/2004 课件包，上传到学习平台"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m peixun",
        description="peixun（培训）：把零散文章编成离线可用的党支部书记培训课程网站。",
    )
    commands = parser.add_subparsers(dest="command", metavar="命令")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not module_name.startswith(exc.name):
                raise
            sub.set_defaults(module=None)
            continue
        module.add_arguments(sub)
        sub.set_defaults(module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    if args.module is None:
        print(f"命令“{args.command}”尚未实现。", file=sys.stderr)
        return 2
    try:
        return int(args.module.run(args))
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except PeixunError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(os_error_message(exc), file=sys.stderr)
        return 1
    except Exception as exc:
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(
            f"出现意外问题（{type(exc).__name__}：{exc}），命令未完成。"
            f"请把这条信息交给维护者（设环境变量 {DEBUG_VARIABLE}=1 可看到详细信息）。",
            file=sys.stderr,
        )
        return 1


DEBUG_VARIABLE = "PEIXUN_TRACEBACK"
"""Set to show the traceback of an unexpected error (for maintainers)."""

# The file-system failures an editor meets, in words they know.
OS_REASONS = {
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "文件夹是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.EEXIST: "已经存在",
}


def os_error_message(exc: OSError) -> str:
    """One Chinese line for a file-system failure: which path, and why."""
    reason = OS_REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__
    where = f"“{exc.filename}”" if exc.filename else "文件"
    return f"无法读写{where}：{reason}。请检查路径和权限后重试。"


if __name__ == "__main__":
    sys.exit(main())
