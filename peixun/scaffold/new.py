"""``python -m peixun new DIR --title 课程名``: write a new course project into an empty folder.

The course is the package's ``template/`` folder, with the title and a course id filled in.
A name ending in ``.tmpl`` loses that ending (so no template file is taken for code) and
``gitignore`` becomes ``.gitignore`` (wheels leave out dot-files).
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from peixun.course.settings import is_id
from peixun.importer.ids import pinyin_id

TEMPLATE = "template"
RENAMES = {"gitignore": ".gitignore"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="目录", help="新课程的文件夹（不存在或为空）")
    parser.add_argument("--title", required=True, metavar="课程名", help="课程名称（站点标题）")
    parser.add_argument(
        "--id",
        dest="course_id",
        metavar="课程id",
        help="课程 id（小写拼音、数字、连字符），默认由课程名的拼音生成",
    )


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    """Every template file as (path in the new course, file), in a stable order."""
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        name = RENAMES.get(entry.name, entry.name.removesuffix(".tmpl"))
        if entry.is_dir():
            found += _files(entry, f"{prefix}{name}/")
        else:
            found.append((prefix + name, entry))
    return found


def _fill(text: str, title: str, course_id: str) -> str:
    return (
        text.replace("__TITLE_COMMENT__", title)
        .replace("__SITE_NAME__", json.dumps(title, ensure_ascii=False))  # a YAML string
        .replace("__TITLE__", title)
        .replace("__COURSE_ID__", course_id)
    )


def refusal(folder: Path, title: str, course_id: str) -> str | None:
    """Why the course cannot be written, in one Chinese line, or None."""
    if folder.exists() and not folder.is_dir():
        return f"{folder} 是一个文件，不是文件夹：请换一个文件夹名。"
    if folder.is_dir() and any(folder.iterdir()):
        return f"{folder} 不是空文件夹：新课程只写入空文件夹或新文件夹，以免覆盖已有文件。"
    if not title.strip() or "\n" in title:
        return "课程名不能为空，也不能换行：请用 --title 给出一行课程名。"
    if not is_id(course_id):
        return f"课程 id“{course_id}”应为小写拼音、数字和连字符，如 dangjian-peixun。"
    return None


def write_course(folder: Path, title: str, course_id: str) -> list[Path]:
    """Write every template file into ``folder`` (checked empty); return the files written."""
    written = []
    for relative, entry in _files(resources.files("peixun.scaffold") / TEMPLATE):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if relative.endswith((".md", ".yml", ".txt", ".py", ".gitignore")):
            path.write_text(_fill(entry.read_text(encoding="utf-8"), title, course_id), "utf-8")
        else:
            path.write_bytes(entry.read_bytes())
        written.append(path)
    return written


def run(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    title: str = args.title.strip()
    course_id: str = args.course_id or pinyin_id(title, "kecheng")
    if problem := refusal(folder, title, course_id):
        print(f"错误：{problem}", file=sys.stderr)
        return 1
    try:
        written = write_course(folder, title, course_id)
    except OSError as exc:
        print(f"错误：{folder}：无法写入（{exc.strerror}）", file=sys.stderr)
        return 1
    print(f"已新建课程《{title}》：{folder}（{len(written)} 个文件）。")
    print(f"下一步：cd {folder} && mkdocs serve，然后照 README.md 编写第一课。")
    return 0
