"""``python -m peixun export scorm``: the built site as a SCORM 1.2 or 2004 package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peixun.course.model import load_course
from peixun.course.settings import read_settings
from peixun.errors import ContentError, ContentErrors, problems_of
from peixun.scorm.manifest import VERSIONS
from peixun.scorm.package import PackageError, describe, write_zip
from peixun.slides.project import course_name

DEFAULT_SITE = Path("site")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    formats = parser.add_subparsers(dest="format", metavar="格式", required=True)
    scorm = formats.add_parser(
        "scorm",
        help="把已构建的网站打包成 SCORM 课件包（.zip），上传到学习平台（如 Moodle）",
        description="把已构建的网站打包成 SCORM 课件包：每课一个学习单元（SCO），综合测评另成一个。",
    )
    scorm.add_argument(
        "--version",
        choices=VERSIONS,
        default="1.2",
        help="SCORM 版本（默认 1.2，平台大多支持；2004 即 SCORM 2004 第 4 版）",
    )
    scorm.add_argument(
        "--site",
        type=Path,
        default=DEFAULT_SITE,
        metavar="文件夹",
        help="已构建的网站（默认 site/）",
    )
    scorm.add_argument("--out", type=Path, required=True, metavar="文件.zip", help="写出的课件包")


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    root = Path(".")
    out: Path = args.out
    site: Path = args.site
    if out.suffix.lower() != ".zip":
        return _fail(f"输出文件“{out}”须以 .zip 结尾（学习平台只接受 zip 格式的课件包）。")
    if out.is_dir():
        return _fail(f"“{out}”是一个文件夹。请在 --out 写出课件包的文件名，如 kejian.zip。")
    if not out.parent.is_dir():
        return _fail(f"输出文件夹“{out.parent}”不存在。请先建好它，或换一个 --out 路径。")
    if out.resolve().is_relative_to(site.resolve()):
        return _fail(
            f"课件包不能写在网站文件夹 {site} 里（下次导出会把它也打进包里）。请换一个 --out 路径。"
        )
    if not (root / "mkdocs.yml").is_file():
        return _fail(
            "当前文件夹里没有 mkdocs.yml：请在课程文件夹（mkdocs.yml 所在的那一层）里运行本命令。"
        )
    try:
        course = load_course(root / "docs", root / "sources")
        settings = read_settings(root / "mkdocs.yml")
    except (ContentError, ContentErrors) as exc:
        for problem in problems_of(exc):
            print(problem, file=sys.stderr)
        return _fail(
            "课文或课程设置有问题，没有导出。请按提示修改（可先运行 python -m peixun check）。"
        )
    title = course_name(root)
    try:
        package = describe(site, course, settings, title, settings.storage_namespace(title))
    except PackageError as exc:
        return _fail(str(exc))
    write_zip(site, package, args.version, out)
    lessons = sum(len(c.lessons) for c in package.chapters)
    print(
        f"{out.as_posix()}：SCORM {args.version} 课件包，{len(package.chapters)} 章 {lessons} 课"
        f"及综合测评（共 {lessons + 1} 个学习单元），{len(package.files)} 个文件。",
        flush=True,
    )
    return 0
