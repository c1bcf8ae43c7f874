"""``python -m peixun slides``: a PowerPoint deck per chapter (or per lesson) for 党课."""

from __future__ import annotations

import argparse
import posixpath
import sys
from pathlib import Path

from peixun.course.model import Chapter, Course, Lesson, load_course
from peixun.errors import ContentError, ContentErrors, problems_of
from peixun.handouts.editions import HANDOUT_FOLDER
from peixun.handouts.site_pages import with_slides_link
from peixun.slides.outline import chapter_outline, lesson_outline
from peixun.slides.pptx import write_pptx
from peixun.slides.project import course_name

DEFAULT_OUT = Path("slides")
SUFFIX = "-slides.pptx"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--chapter", metavar="章节文件夹", help="只生成这一章，如 01-juese-renzhi")
    parser.add_argument(
        "--lesson",
        metavar="课文",
        help="另为这一课单独生成一份（如 01-juese-renzhi/01-diwei-zuoyong，"
        "与 --chapter 同用时可只写 01-diwei-zuoyong）",
    )
    parser.add_argument(
        "--site",
        type=Path,
        metavar="文件夹",
        help="写进已构建的网站（其 handouts/ 文件夹），并在章节页的“打印讲义”处加上下载链接",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        metavar="文件夹",
        help="不用 --site 时的输出文件夹（默认 slides/）",
    )


def deck_name(chapter: Chapter, lesson: Lesson | None = None) -> str:
    """``01-juese-renzhi-slides.pptx``, or ``01-juese-renzhi-01-diwei-zuoyong-slides.pptx``."""
    stem = lesson.slug.replace("/", "-") if lesson else chapter.folder
    return stem + SUFFIX


def _find_lesson(course: Course, chapter: Chapter | None, wanted: str) -> Lesson | None:
    wanted = wanted.removesuffix(".md")
    lessons = chapter.lessons if chapter else course.lessons()
    found = [
        lesson for lesson in lessons if wanted in (lesson.slug, posixpath.basename(lesson.slug))
    ]
    return found[0] if len(found) == 1 else None


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def run(args: argparse.Namespace) -> int:
    root = Path(".")
    try:
        course = load_course(root / "docs", root / "sources")
    except (ContentError, ContentErrors) as exc:
        for problem in problems_of(exc):
            print(problem, file=sys.stderr)
        return _fail(
            "课文有问题，没有生成幻灯片。请按提示修改后再试（可先运行 python -m peixun check）。"
        )
    chapter = course.chapter(args.chapter) if args.chapter else None
    if args.chapter and chapter is None:
        names = "、".join(c.folder for c in course.chapters)
        return _fail(f"找不到章节“{args.chapter}”。现有章节文件夹：{names}")
    lesson = None
    if args.lesson:
        lesson = _find_lesson(course, chapter, args.lesson)
        if lesson is None:
            return _fail(
                f"找不到（或不止一处有）课文“{args.lesson}”。请写完整，如 01-juese-renzhi/01-diwei-zuoyong。"
            )
    site: Path | None = args.site
    if site is not None and not (site / HANDOUT_FOLDER).is_dir():
        return _fail(
            f"{site} 不是已构建的网站（其中没有 {HANDOUT_FOLDER}/ 文件夹）。"
            "请先运行 python -m mkdocs build，或用 --site 指明网站所在的文件夹。"
        )
    out = site / HANDOUT_FOLDER if site is not None else args.out
    name = course_name(root)
    chapters = [chapter] if chapter else course.chapters
    try:
        for one in chapters:
            target = out / deck_name(one)
            slides = chapter_outline(name, one)
            write_pptx(slides, f"{one.title} · 党课课件", target)
            print(f"{target.as_posix()}：{one.title}，{len(slides)} 张幻灯片", flush=True)
            if site is not None:
                _link(site, one, target)
        if lesson is not None:
            owner = next(c for c in course.chapters if lesson in c.lessons)
            target = out / deck_name(owner, lesson)
            slides = lesson_outline(name, owner, lesson)
            write_pptx(slides, f"{lesson.title} · 党课课件", target)
            print(f"{target.as_posix()}：{lesson.title}，{len(slides)} 张幻灯片", flush=True)
    except OSError as exc:
        return _fail(f"无法写入幻灯片文件：{exc.strerror or exc}（{exc.filename or out}）")
    return 0


def _link(site: Path, chapter: Chapter, target: Path) -> None:
    """Link the written deck from the built chapter page, if the page has its place."""
    page = site / chapter.folder / "index.html"
    if not page.is_file():
        return
    href = posixpath.relpath(target.relative_to(site).as_posix(), chapter.folder)
    patched = with_slides_link(page.read_text(encoding="utf-8"), chapter.folder, href)
    if patched is None:
        print(
            f"提示：{page} 里没有课件链接的位置（网站是否用旧版本构建？），未加链接。",
            file=sys.stderr,
        )
        return
    page.write_text(patched, encoding="utf-8")
