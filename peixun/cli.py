"""``python -m peixun``: one entry point, one module per command."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# command -> (module with add_arguments(parser) and run(args) -> int, help text)
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("peixun.scaffold.new", "新建一门课程：配置、示例章节、题库、说明"),
    "import": ("peixun.importer.command", "把原始文档（.txt/.docx/.md）导入为课文草稿"),
    "check": ("peixun.course.command", "检查课文与题库（不必完整构建网站）"),
    "handouts": ("peixun.handouts.command", "为已构建的网站生成各章讲义 PDF"),
    "slides": ("peixun.slides.command", "为各章（或某一课）生成党课课件 PowerPoint 幻灯片"),
    "synth": ("peixun.synth", "生成用于压力测试的合成课程"),
    "bench": ("peixun.bench", "测量构建速度、规模与页面体积"),
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


if __name__ == "__main__":
    sys.exit(main())
