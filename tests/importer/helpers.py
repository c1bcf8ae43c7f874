"""Small helpers the importer's tests share."""

from __future__ import annotations

import argparse
from pathlib import Path

from peixun.importer import command
from peixun.importer.draft import lesson_id, render_draft
from peixun.importer.model import Line
from peixun.importer.pipeline import ImportedDocument, import_source
from peixun.importer.place import Place
from peixun.importer.read import Source, read_source, to_lines


def lines_of(*texts: str) -> list[Line]:
    """Numbered lines, as the reader makes them."""
    return to_lines(list(texts))


def import_text(text: str, name: str = "test.txt") -> ImportedDocument:
    """Run the pipeline on ``text`` as if read from a UTF-8 file called ``name``."""
    return import_source(Source(name, to_lines(text.split("\n")), "UTF-8", "行"))


def drafts_of(path: Path) -> str:
    """All skeletons of one input file (imported outside a course), as the goldens hold them."""
    source = read_source(path)
    document = import_source(source)
    place = Place(path.parent)
    parts = []
    for number, article in enumerate(document.articles, start=1):
        name, id_ = place.name_for(path.name, number, lesson_id(article))
        parts.append(f"<!-- 稿件 {number}：{name} -->\n")
        parts.append(render_draft(article, path.name, source.unit, id_))
    return "\n".join(parts)


def run_import(files: list[Path], out: Path, *extra: str) -> int:
    """``python -m peixun import FILES --out OUT`` through the command's own parser."""
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    args = parser.parse_args([*map(str, files), "--out", str(out), *extra])
    return command.run(args)


def draft_bodies(out: Path) -> dict[str, str]:
    """The drafts in ``out`` (report files left out), by file name."""
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(out.glob("*.md"))
        if not path.name.startswith("导入报告")
    }
