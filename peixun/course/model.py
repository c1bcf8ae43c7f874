"""The course as the docs folder lays it out: chapters, lessons and their front matter."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from peixun.course.settings import is_id
from peixun.errors import ContentError, ContentErrors, problems_of
from peixun.text.frontmatter import Document, read_document
from peixun.text.hanzi import han_count
from peixun.text.markdown import Markdown, parse_markdown
from peixun.text.schema import ID_FORMAT, validate

CHAPTER_DIR = re.compile(r"^(\d{2})-[a-z0-9-]+$")
LESSON_FILE = re.compile(r"^(\d{2})-[a-z0-9-]+\.md$")
HAN_PER_MINUTE = 300  # an unhurried reading pace for study material

# The lesson format (CONTRIBUTING.md): the ``##`` sections every lesson opens and closes with,
# as (heading, id); the lesson's own sections stand between them.
OPENING_SECTION = ("学习目标", "mubiao")
CLOSING_SECTIONS = (("本课要点", "yaodian"), ("思考与讨论", "taolun"), ("资料来源", "laiyuan"))
FIXED_SECTION_IDS = frozenset(id_ for _, id_ in (OPENING_SECTION, *CLOSING_SECTIONS))


class SourceRef(BaseModel):
    """One raw document a lesson draws on, and which passage of it."""

    model_config = ConfigDict(extra="forbid")
    file: str = Field(min_length=1)
    """File name in ``sources/``."""
    passage: str = Field(min_length=1)
    """The passage's own heading or opening words, so an editor can find it."""


class LessonMeta(BaseModel):
    """Front matter of a lesson. Other keys (Material's ``hide``, ``search``…) pass through."""

    model_config = ConfigDict(extra="allow")
    title: str = Field(min_length=1)
    sources: list[SourceRef] = Field(min_length=1)
    id: str = Field(default="", validate_default=True)
    """The lesson's stable id (required): saved progress is keyed by it, so a lesson may be
    renamed or moved. The default only lets the check below say what to write."""
    draft: bool = False
    """An imported skeleton not yet edited: shown under ``mkdocs serve``, never published."""

    @field_validator("id")
    @classmethod
    def _id_written(cls, value: str) -> str:
        if not value:
            raise ValueError(
                "缺少课文标识。请在开头两行 --- 之间加一行，如 id: diwei-zuoyong"
                "（通常取文件名去掉序号的部分）。学员的答题记录按 id 保存：定下后不要再改，"
                "课文改名、挪动也不用改。"
            )
        if not is_id(value):
            raise ValueError(f"“{value}”格式不对：{ID_FORMAT}。")
        return value


class ChapterMeta(BaseModel):
    """Front matter of a chapter's ``index.md``."""

    model_config = ConfigDict(extra="allow")
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)


Meta = TypeVar("Meta", LessonMeta, ChapterMeta)


@dataclass
class Lesson:
    """A lesson page: ``<chapter>/<NN-slug>.md`` under ``docs/``."""

    src_path: str  # relative to docs/, with forward slashes
    number: int
    meta: LessonMeta
    document: Document

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def slug(self) -> str:
        """``01-juese-renzhi/01-diwei-zuoyong``: the key shared with the quiz bank."""
        return self.src_path.removesuffix(".md")

    @cached_property
    def markdown(self) -> Markdown:
        """The body's headings, sections and prose, read once for the whole build."""
        return parse_markdown(self.document.body, self.document.body_line)

    @property
    def han_chars(self) -> int:
        return han_count(self.document.body)

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.han_chars / HAN_PER_MINUTE))


@dataclass
class Chapter:
    """A chapter folder with its ``index.md`` and lessons in file-name order."""

    folder: str
    number: int
    meta: ChapterMeta
    lessons: list[Lesson] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def index_path(self) -> str:
        return f"{self.folder}/index.md"

    @property
    def minutes(self) -> int:
        return sum(lesson.minutes for lesson in self.lessons)


@dataclass
class Course:
    chapters: list[Chapter]
    _by_path: dict[str, Lesson] = field(default_factory=dict, init=False, repr=False)
    _by_index: dict[str, Chapter] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        # Hooks look pages up for every page: keep that constant-time at a thousand lessons.
        self._by_path = {lesson.src_path: lesson for lesson in self.lessons()}
        self._by_index = {chapter.index_path: chapter for chapter in self.chapters}

    def lessons(self) -> list[Lesson]:
        return [lesson for chapter in self.chapters for lesson in chapter.lessons]

    def lesson(self, src_path: str) -> Lesson | None:
        return self._by_path.get(src_path)

    def chapter_of_index(self, src_path: str) -> Chapter | None:
        """The chapter whose ``index.md`` is at ``src_path``, if it is a chapter page."""
        return self._by_index.get(src_path)

    def chapter(self, folder: str) -> Chapter | None:
        return next((c for c in self.chapters if c.folder == folder), None)


def _check_sources(meta: LessonMeta, document: Document, sources_dir: Path) -> list[ContentError]:
    errors = []
    for i, ref in enumerate(meta.sources):
        if not (sources_dir / ref.file).is_file():
            line = document.locate(("sources", i, "file"))
            errors.append(
                ContentError(
                    document.file,
                    line,
                    f"资料来源文件“{ref.file}”在 {sources_dir.name}/ 中不存在。"
                    "请核对文件名，或先把原始文档放进该文件夹。",
                )
            )
    return errors


def _check_unique_ids(chapters: list[Chapter]) -> list[ContentError]:
    """Two lessons with one id would share their learners' saved answers."""
    errors = []
    first: dict[str, Lesson] = {}
    for lesson in (lesson for chapter in chapters for lesson in chapter.lessons):
        other = first.setdefault(lesson.meta.id, lesson)
        if other is not lesson:
            errors.append(
                ContentError(
                    lesson.document.file,
                    lesson.document.locate(("id",)),
                    f"课文标识 id: {lesson.meta.id} 已被 {other.document.file} 使用。"
                    "每课的 id 须各不相同，请给本课另取一个（答题记录按 id 保存）。",
                )
            )
    return errors


def _read(path: Path, shown: str, model: type[Meta]) -> tuple[Document, Meta]:
    doc = read_document(path, shown)
    return doc, validate(model, doc.meta, shown, doc.locate)


def load_course(docs_dir: Path, sources_dir: Path, shown_prefix: str = "docs") -> Course:
    """Read every chapter and lesson, collecting all front-matter problems before raising."""
    errors: list[ContentError] = []
    chapters: list[Chapter] = []
    for folder in sorted(p for p in docs_dir.iterdir() if p.is_dir()):
        match = CHAPTER_DIR.match(folder.name)
        if not match:
            continue
        index = folder / "index.md"
        shown = f"{shown_prefix}/{folder.name}/index.md"
        if not index.is_file():
            errors.append(ContentError(shown, None, "章节文件夹缺少 index.md（章节页）。"))
            continue
        try:
            doc, chapter_meta = _read(index, shown, ChapterMeta)
        except (ContentError, ContentErrors) as exc:
            errors.extend(problems_of(exc))
            continue
        chapter = Chapter(folder.name, int(match[1]), chapter_meta)
        for path in sorted(folder.iterdir()):
            lesson_match = LESSON_FILE.match(path.name)
            if not lesson_match:
                continue
            src_path = f"{folder.name}/{path.name}"
            shown = f"{shown_prefix}/{src_path}"
            try:
                doc, meta = _read(path, shown, LessonMeta)
            except (ContentError, ContentErrors) as exc:
                errors.extend(problems_of(exc))
                continue
            errors.extend(_check_sources(meta, doc, sources_dir))
            chapter.lessons.append(Lesson(src_path, int(lesson_match[1]), meta, doc))
        chapters.append(chapter)
    errors.extend(_check_unique_ids(chapters))
    if errors:
        raise ContentErrors(errors)
    return Course(chapters)
