"""``python -m bench.synth``: a large synthetic course for benchmarks, made from the real one.

Every lesson of the real course is a template. Lesson *i* of the synthetic course copies
template ``i mod T`` with its front matter, fixed sections, section ids and question bank, so
every file passes the same validators as the real ones. The first round of copies is
verbatim (the real course is part of the synthetic one); later copies replace every seventh
Han character of the body prose with a common Simplified character chosen by a seeded
generator. So no eight consecutive characters of a copy repeat another lesson, and the
course looks to the near-duplicate check like a large course of distinct lessons, which a
real province course would be. ``--verbatim`` skips that variation to stress the check.
The output is synthetic test data for timing builds, never course content.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import shutil
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from peixun.course.glossary import GLOSSARY_FILE, parse_glossary
from peixun.course.model import Chapter, Course, Lesson, load_course
from peixun.errors import ContentError, ContentErrors, PeixunError
from peixun.text.debris import DEBRIS_PATTERNS
from peixun.text.frontmatter import read_document
from peixun.text.hanzi import HAN_CHARACTER

MARKER = ".peixun-synth"  # marks a folder this command made, so it may be overwritten
MAX_PER_LEVEL = 99  # chapter folders and lesson files are numbered with two digits
VARY_EVERY = 7  # < 8: every 8-gram of a varied paragraph contains a replaced character
# Spans that are not prose (inline code, link targets, attribute lists, tags) stay as written.
PROTECTED = re.compile(r"`[^`]*`|\]\([^)]*\)|\{[:#][^}]*\}|<[^>]+>")
BANK_TEXT_FIELDS = ("stem", "explanation")
# Copied as they are; chapter folders are written anew.
PROJECT_FILES = ("mkdocs.yml",)
PROJECT_DIRS = ("hooks", "sources")


class SynthError(PeixunError):
    """A reason the synthetic course cannot be written, worded for the user."""


@dataclass(frozen=True)
class SynthSummary:
    """What was written."""

    out: Path
    chapters: int
    lessons: int
    questions: int


@cache
def _alphabet() -> tuple[str, ...]:
    """GB2312 level-1 characters (the 3,755 most common) that the content check accepts.

    Excluded: characters OpenCC would turn into something else, and those of the debris
    words (下载, 点赞…) so that replacements never spell one.
    """
    from opencc_purepy import OpenCC

    t2s = OpenCC("t2s")
    debris = {ch for p in DEBRIS_PATTERNS for ch in HAN_CHARACTER.findall(p.pattern)}
    chars = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                ch = bytes((high, low)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if HAN_CHARACTER.fullmatch(ch) and ch not in debris and t2s.t2s(ch) == ch:
                chars.append(ch)
    return tuple(chars)


class Varier:
    """Replaces every ``VARY_EVERY``-th Han character of prose, deterministically by seed."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._count = 0
        self._alphabet = _alphabet()

    def _han(self, m: re.Match[str]) -> str:
        self._count += 1
        if self._count % VARY_EVERY:
            return m[0]
        return self._rng.choice(self._alphabet)

    def text(self, text: str) -> str:
        """Vary one run of prose (no Markdown syntax to protect)."""
        return HAN_CHARACTER.sub(self._han, text)

    def line(self, line: str) -> str:
        """Vary a Markdown line, leaving code, link targets and attribute lists alone."""
        out, pos = [], 0
        for m in PROTECTED.finditer(line):
            out += [self.text(line[pos : m.start()]), m[0]]
            pos = m.end()
        out.append(self.text(line[pos:]))
        return "".join(out)

    def body(self, body: str) -> str:
        """Vary a lesson body; headings, admonition titles and fenced code stay as written."""
        lines, fenced = [], False
        for line in body.split("\n"):
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            if fenced or line.startswith("#") or line.lstrip().startswith(("!!!", "???")):
                lines.append(line)
            else:
                lines.append(self.line(line))
        return "\n".join(lines)


def _front_matter(meta: dict[str, Any]) -> str:
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n"


def _layout(lessons: int, per_chapter: int) -> list[int]:
    """Number of lessons in each chapter: about ``per_chapter``, at most 99 chapters."""
    chapters = math.ceil(lessons / per_chapter)
    if chapters > MAX_PER_LEVEL:
        chapters = MAX_PER_LEVEL
    base, extra = divmod(lessons, chapters)
    sizes = [base + (1 if c < extra else 0) for c in range(chapters)]
    if max(sizes) > MAX_PER_LEVEL:
        raise SynthError(
            f"最多能生成 {MAX_PER_LEVEL * MAX_PER_LEVEL} 课（{MAX_PER_LEVEL} 章，每章 "
            f"{MAX_PER_LEVEL} 课），请减小 --lessons。"
        )
    return sizes


# Links between lessons: the synthetic layout moves lessons into other folders, so a link
# keeps its text and loses its target.
LESSON_LINK = re.compile(r"\[([^\]]*)\]\((?!https?:)[^)]*\.md(?:#[^)]*)?\)")


def _unlink(markdown: str) -> str:
    return LESSON_LINK.sub(r"\1", markdown)


def _chapter_index(template: Chapter, number: int, source_docs: Path) -> str:
    document = read_document(source_docs / template.index_path, template.index_path)
    meta = template.meta.model_dump()
    name = template.title.split(" ", 1)[-1]
    meta["title"] = f"第{number}章 {name}"
    return _front_matter(meta) + _unlink(document.body)


def _lesson_text(template: Lesson, copy: int, seed: int, verbatim: bool) -> str:
    meta = dict(template.document.meta)
    body = _unlink(template.document.body)
    if copy:
        meta["title"] = f"{template.title}（{copy + 1}）"
        meta["id"] = f"{template.meta.id}-{copy + 1}"  # ids are unique in a course
        if not verbatim:
            body = Varier(seed).body(body)
    return _front_matter(meta) + body


def _bank(
    bank: dict[str, Any], copy: int, seed: int, questions: int, verbatim: bool
) -> dict[str, Any]:
    """The template's bank, varied like its lesson and padded to ``questions`` by repetition."""
    written: list[dict[str, Any]] = list(bank.get("questions") or [])
    varier = Varier(seed)
    out = []
    for n in range(max(questions, len(written)) if written else 0):
        q = dict(written[n % len(written)])
        if n >= len(written):
            q["id"] = f"{q['id']}-{n // len(written) + 1}"
        if copy and not verbatim:
            for key in BANK_TEXT_FIELDS:
                if isinstance(q.get(key), str):
                    q[key] = varier.text(q[key])
        out.append(q)
    return {**bank, "questions": out}


def _prepare(out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise SynthError(
                f"输出文件夹 {out} 不是空的，也不是 synth 生成的。为免覆盖其中的文件，"
                "请指定一个新的或空的文件夹。"
            )
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("由 python -m bench.synth 生成的合成课程，仅供性能测试。\n")


def synthesize(
    source: Path,
    out: Path,
    lessons: int,
    per_chapter: int = 10,
    questions: int = 10,
    verbatim: bool = False,
) -> SynthSummary:
    """Write a project of ``lessons`` lessons into ``out``, made from the project at ``source``."""
    if lessons < 1:
        raise SynthError("--lessons 至少为 1。")
    if per_chapter < 1:
        raise SynthError("--per-chapter 至少为 1。")
    sizes = _layout(lessons, per_chapter)
    docs = source / "docs"
    try:
        course: Course = load_course(docs, source / "sources")
    except (ContentError, ContentErrors) as exc:
        raise SynthError(f"真实课程有错误，无法用作模板：\n{exc}") from None
    templates = course.lessons()
    if not templates:
        raise SynthError(f"{docs} 中没有课文，无法生成合成课程。")
    chapter_of = {lesson.src_path: c for c in course.chapters for lesson in c.lessons}

    _prepare(out)
    for name in PROJECT_FILES:
        shutil.copy2(source / name, out / name)
    for name in PROJECT_DIRS:
        shutil.copytree(source / name, out / name, ignore=shutil.ignore_patterns("__pycache__"))
    # Everything in docs/ except the chapters: home page, glossary, sources page, assets.
    chapter_folders = {c.folder for c in course.chapters}
    for item in docs.iterdir():
        if item.name in chapter_folders:
            continue
        if item.is_dir():
            shutil.copytree(item, out / "docs" / item.name)
        elif item.suffix == ".md" and item.name != "index.md":
            (out / "docs").mkdir(exist_ok=True)
            text = item.read_text(encoding="utf-8")
            (out / "docs" / item.name).write_text(_unlink(text), encoding="utf-8")
        else:
            (out / "docs").mkdir(exist_ok=True)
            shutil.copy2(item, out / "docs" / item.name)

    banks: dict[str, dict[str, Any]] = {}
    for lesson in templates:
        path = source / "quizzes" / f"{lesson.slug}.yml"
        if path.is_file():
            banks[lesson.slug] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

    i = written_questions = 0
    written_bodies: list[str] = []
    for c, size in enumerate(sizes, start=1):
        first = templates[i % len(templates)]
        template_chapter = chapter_of[first.src_path]
        folder = f"{c:02d}-{template_chapter.folder.split('-', 1)[1]}"
        (out / "docs" / folder).mkdir(parents=True)
        (out / "quizzes" / folder).mkdir(parents=True)
        (out / "docs" / folder / "index.md").write_text(
            _chapter_index(template_chapter, c, docs), encoding="utf-8"
        )
        for k in range(1, size + 1):
            template, copy = templates[i % len(templates)], i // len(templates)
            name = f"{k:02d}-{template.src_path.rsplit('/', 1)[1].split('-', 1)[1]}"
            lesson_text = _lesson_text(template, copy, i, verbatim)
            (out / "docs" / folder / name).write_text(lesson_text, encoding="utf-8")
            written_bodies.append(lesson_text.split("\n---\n", 1)[-1])
            if template.slug in banks:
                bank = _bank(banks[template.slug], copy, i, questions, verbatim)
                written_questions += len(bank["questions"])
                (out / "quizzes" / folder / name).with_suffix(".yml").write_text(
                    yaml.safe_dump(bank, allow_unicode=True, sort_keys=False, width=1000),
                    encoding="utf-8",
                )
            i += 1
    _keep_used_terms(out / "docs" / GLOSSARY_FILE, written_bodies)
    return SynthSummary(out, len(sizes), lessons, written_questions)


def _keep_used_terms(glossary: Path, bodies: list[str]) -> None:
    """Drop the glossary entries no synthetic lesson uses: the build refuses unused terms, and
    a course smaller than the real one (or varied copies) may not use them all."""
    if not glossary.is_file():
        return
    text = glossary.read_text(encoding="utf-8")
    lines = text.split("\n")
    drop: set[int] = set()
    for term in parse_glossary(text, f"docs/{GLOSSARY_FILE}"):
        if any(term.term in body for body in bodies):
            continue
        n = term.line - 1  # the term, its definition and the blank line after them
        while n < len(lines) and lines[n].strip():
            drop.add(n)
            n += 1
        drop.add(n)
    glossary.write_text(
        "\n".join(line for n, line in enumerate(lines) if n not in drop), encoding="utf-8"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lessons", type=int, required=True, help="课数，例如 100 或 1000")
    parser.add_argument("--out", type=Path, required=True, help="输出文件夹（新的或空的）")
    parser.add_argument(
        "--from",
        dest="source",
        type=Path,
        default=Path("."),
        help="作为模板的项目文件夹（含 mkdocs.yml、docs/、quizzes/、sources/），默认当前文件夹",
    )
    parser.add_argument("--per-chapter", type=int, default=10, help="每章课数，默认 10")
    parser.add_argument("--questions", type=int, default=10, help="每课题数（至少），默认 10")
    parser.add_argument(
        "--verbatim",
        action="store_true",
        help="逐字复制课文（不做变化），用于测试重复段落检查最坏的情况",
    )


def run(args: argparse.Namespace) -> int:
    try:
        summary = synthesize(
            args.source.resolve(),
            args.out.resolve(),
            args.lessons,
            per_chapter=args.per_chapter,
            questions=args.questions,
            verbatim=args.verbatim,
        )
    except SynthError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(
        f"已生成合成课程：{summary.out}（{summary.chapters} 章，{summary.lessons} 课，"
        f"{summary.questions} 道题）。构建：在该文件夹运行 "
        "PYTHONPATH=<项目根目录> python -m mkdocs build --no-strict"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.synth", description="生成用于压力测试的合成课程"
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
