"""Where the skeletons go: a plain folder, or a chapter folder of a course.

In a chapter folder (``docs/03-yishi-nengli/``) a skeleton is a lesson of that chapter:
``NN-<lesson id>.md`` with the next free numbers, the raw document kept in the course's
``sources/`` (so that ``sources:`` cites an existing file), and the import report beside
``mkdocs.yml`` rather than among the pages.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from peixun.course.model import CHAPTER_DIR, LESSON_FILE
from peixun.importer.ids import unique_id
from peixun.importer.output import Written, write_safely

CHAPTER_PAGE = """---
title: 待编写：章名
summary: 待编写：一句话说明本章讲什么。
---

待编写：本章导语，两三段，说明本章内容、适合怎样学习。
"""


def draft_name(source_name: str, number: int) -> str:
    """The skeleton outside a course, for article ``number`` of a source: ``<stem>-01.md``."""
    return f"{Path(source_name).stem}-{number:02d}.md"


@dataclass
class Place:
    """The output folder and how files are named in it."""

    folder: Path
    project: Path | None = None  # the course folder (with mkdocs.yml) when folder is a chapter
    numbers: dict[str, str] = field(default_factory=dict)  # lesson id -> existing file name
    taken: set[str] = field(default_factory=set)  # lesson ids given out in this run

    @property
    def report_dir(self) -> Path:
        return self.project or self.folder

    def name_for(self, source_name: str, number: int, base_id: str) -> tuple[str, str]:
        """The file name and the lesson id of article ``number`` of ``source_name``."""
        id_ = unique_id(base_id, self.taken)
        if self.project is None:
            return draft_name(source_name, number), id_
        if id_ in self.numbers:  # imported before: the same file, so nothing is duplicated
            return self.numbers[id_], id_
        used = [int(name[:2]) for name in self.numbers.values()]
        name = f"{max(used, default=0) + 1:02d}-{id_}.md"
        self.numbers[id_] = name
        return name, id_


def place_of(out: Path) -> Place:
    """Read what is already in ``out``: a chapter folder of a course, or any folder."""
    project = out.resolve().parent.parent
    if not CHAPTER_DIR.match(out.name) or not (project / "mkdocs.yml").is_file():
        return Place(out)
    lessons = sorted(p.name for p in out.iterdir() if LESSON_FILE.match(p.name))
    return Place(out, project, {name[3:-3]: name for name in lessons})


def prepare_chapter(place: Place) -> Written | None:
    """Give a new chapter folder its chapter page, which the course needs to build."""
    if place.project is None or (place.folder / "index.md").exists():
        return None
    return write_safely(place.folder / "index.md", CHAPTER_PAGE)


def keep_source(place: Place, source: Path) -> str | None:
    """Copy the raw document into the course's ``sources/`` unless it is there already.

    Returns a warning when a different file of that name is there (it is never replaced).
    """
    if place.project is None:
        return None
    kept = place.project / "sources" / source.name
    if kept.exists():
        if kept.resolve() == source.resolve() or kept.read_bytes() == source.read_bytes():
            return None
        return f"sources/{source.name} 已存在且与 {source} 不同：未覆盖，课文引用的是 sources/ 中的那个文件"
    kept.parent.mkdir(exist_ok=True)
    shutil.copyfile(source, kept)
    return None
