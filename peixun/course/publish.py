"""What may not be published: draft lessons and the new versions an import left beside a file.

``mkdocs serve`` shows them (drafts with a 草稿 banner); ``mkdocs build`` and
``python -m peixun check`` refuse them, with the same words.
"""

from __future__ import annotations

from pathlib import Path

from peixun.course.model import Course, Lesson
from peixun.errors import ContentError
from peixun.importer.output import ALONGSIDE_NAME


def drafts(course: Course) -> list[Lesson]:
    """The lessons marked ``draft: true``."""
    return [lesson for lesson in course.lessons() if lesson.meta.draft]


def unpublished(course: Course, docs_dir: Path, shown_prefix: str = "docs") -> list[ContentError]:
    """One problem per draft lesson and per importer's ``*.new.md`` in ``docs_dir``."""
    problems = [
        ContentError(
            f"{shown_prefix}/{path.relative_to(docs_dir).as_posix()}",
            None,
            "这是导入时另存的新版（原文件已改过，未覆盖），不能发布：与同名的原文件比较、"
            "把要保留的内容并入原文件后，删去这个文件。",
        )
        for path in sorted(docs_dir.rglob("*.md"))
        if ALONGSIDE_NAME.search(path.name)
    ]
    problems += [
        ContentError(
            lesson.document.file,
            lesson.document.locate(("draft",)),
            "这是草稿（draft: true），不能发布：编写完成后删去 front matter 里的 draft: true "
            "一行（预览草稿用 mkdocs serve）。",
        )
        for lesson in drafts(course)
    ]
    return problems
