"""The fields of a 学习记录 / 会议记录 sheet, in order: declared once for the page, PDF and Word.

The defaults follow the usual 三会一课 record books: when and where, who chaired and who kept
the record, attendance, then what was studied and discussed, what was said, what was decided,
and the chair's signature. A course changes them with ``extra.peixun.record_fields`` in
``mkdocs.yml`` (:mod:`peixun.course.settings`); each entry is a :class:`RecordField`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FieldKind = Literal["short", "lines", "speakers", "sign", "topic", "points", "questions"]
"""``short``: a short blank set two to a row; ``lines``: ``rows`` ruled lines; ``speakers``:
``speakers`` blocks of a name and ``rows`` lines; ``sign``: a signature and date line;
``topic``, ``points``, ``questions``: filled in from the lesson (title, 本课要点, 思考与讨论)."""

PREFILLED: tuple[FieldKind, ...] = ("topic", "points", "questions")


class RecordField(BaseModel):
    """One field of the sheet."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    label: str = Field(min_length=1, max_length=40)
    kind: FieldKind = "lines"
    rows: int = Field(default=3, ge=1, le=30)
    """Ruled lines (``lines``), or lines under each speaker (``speakers``)."""
    speakers: int = Field(default=4, ge=1, le=12)
    """How many speakers ``speakers`` leaves room for."""


DEFAULT_FIELDS: tuple[RecordField, ...] = (
    RecordField(label="时间", kind="short"),
    RecordField(label="地点", kind="short"),
    RecordField(label="主持人", kind="short"),
    RecordField(label="记录人", kind="short"),
    RecordField(label="应到人数", kind="short"),
    RecordField(label="实到人数", kind="short"),
    RecordField(label="缺席人员及原因", kind="lines", rows=2),
    RecordField(label="列席人员", kind="lines", rows=1),
    RecordField(label="学习主题", kind="topic"),
    RecordField(label="学习内容", kind="points"),
    RecordField(label="研讨题目", kind="questions"),
    RecordField(label="发言摘要", kind="speakers", rows=3, speakers=4),
    RecordField(label="会议决议 / 下步打算", kind="lines", rows=5),
    RecordField(label="主持人签字", kind="sign"),
)
SIGN_DATE = "日期"
SPEAKER = "发言人"


def groups(fields: tuple[RecordField, ...] | list[RecordField]) -> list[list[RecordField]]:
    """The fields in order, consecutive ``short`` ones together (they share a grid)."""
    found: list[list[RecordField]] = []
    for field in fields:
        if field.kind == "short" and found and found[-1][0].kind == "short":
            found[-1].append(field)
        else:
            found.append([field])
    return found
