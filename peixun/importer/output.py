"""Writing into the output folder without ever overwriting a file someone may have edited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Outcome(StrEnum):
    """What happened to one output file; the value is what the screen and report say."""

    CREATED = "新建"
    UNCHANGED = "未变化"
    ALONGSIDE = "已存在且内容不同：新版另存"
    REPLACED = "已覆盖（--force）"


@dataclass(frozen=True)
class Written:
    """Where the content now is and how it got there."""

    path: Path
    outcome: Outcome


ALONGSIDE_NAME = re.compile(r"\.new\d*\.md$")
"""Names :func:`alongside` gives: a new version waiting to be compared with the edited file."""


def alongside(path: Path, number: int) -> Path:
    """``x.md`` → ``x.new.md``, ``x.new2.md`` …: the name for a new version next to ``path``."""
    suffix = ".new" if number == 1 else f".new{number}"
    return path.with_name(path.stem + suffix + path.suffix)


def write_safely(
    path: Path, content: str, *, force: bool = False, backup_dir: Path | None = None
) -> Written:
    """Write ``content`` to ``path`` unless a different file is there already; then write it
    alongside (or, with ``force``, replace it). Identical content is left untouched.

    Replacing moves the old file, and the new versions waiting beside it, into ``backup_dir``
    first: what an editor changed is never lost, and no stale ``*.new.md`` stays behind.
    """
    data = content.encode("utf-8")
    if not path.exists():
        path.write_bytes(data)
        return Written(path, Outcome.CREATED)
    if path.read_bytes() == data:
        return Written(path, Outcome.UNCHANGED)
    if force:
        if backup_dir is not None:
            _back_up([path, *_waiting_beside(path)], backup_dir)
        path.write_bytes(data)
        return Written(path, Outcome.REPLACED)
    number = 1
    while (candidate := alongside(path, number)).exists():
        if candidate.read_bytes() == data:
            return Written(candidate, Outcome.UNCHANGED)
        number += 1
    candidate.write_bytes(data)
    return Written(candidate, Outcome.ALONGSIDE)


def _waiting_beside(path: Path) -> list[Path]:
    """The new versions an earlier import left beside ``path`` (``x.new.md``, ``x.new2.md``…)."""
    found, number = [], 1
    while (candidate := alongside(path, number)).exists():
        found.append(candidate)
        number += 1
    return found


def _back_up(paths: list[Path], backup_dir: Path) -> None:
    backup_dir.mkdir(parents=True, exist_ok=True)
    for path in paths:
        target = backup_dir / path.name
        number = 2
        while target.exists():
            target = backup_dir / f"{path.stem}-{number}{path.suffix}"
            number += 1
        path.replace(target)
