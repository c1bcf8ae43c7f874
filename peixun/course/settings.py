"""Course-level settings: ``extra.peixun`` in ``mkdocs.yml``, declared once, with defaults.

Every key is optional; a course that sets none gets the defaults documented here.
"""

from __future__ import annotations

import hashlib
import re

from pydantic import BaseModel, ConfigDict, Field

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Ids written by editors (courses, lessons, sections): lower-case pinyin, digits, hyphens."""


class ExamSettings(BaseModel):
    """综合测评."""

    model_config = ConfigDict(extra="forbid")
    size: int = Field(default=20, ge=1, le=500)
    """Questions drawn per attempt."""
    pass_mark: int = Field(default=60, ge=0, le=100)
    """Score out of 100 needed to pass."""


class PageNames(BaseModel):
    """File names (under docs/) of the pages the build generates."""

    model_config = ConfigDict(extra="forbid")
    chapter_test: str = Field(default="zhangjie-ceshi.md", pattern=r"^[a-z0-9-]+\.md$")
    exam: str = Field(default="zonghe-ceping.md", pattern=r"^[a-z0-9-]+\.md$")
    progress: str = Field(default="xuexi-jindu.md", pattern=r"^[a-z0-9-]+\.md$")
    wrong_book: str = Field(default="cuoti-ben.md", pattern=r"^[a-z0-9-]+\.md$")


class CourseSettings(BaseModel):
    """``extra.peixun`` in ``mkdocs.yml``."""

    model_config = ConfigDict(extra="forbid")
    course_id: str | None = Field(default=None, pattern=ID_PATTERN)
    """Namespace of learners' saved progress; two courses opened from file:// never mix.
    Defaults to a short hash of the site name."""
    exam: ExamSettings = Field(default_factory=ExamSettings)
    pages: PageNames = Field(default_factory=PageNames)
    reference_order: list[str] = Field(
        default_factory=lambda: [
            "xuexi-jindu.md",
            "zonghe-ceping.md",
            "cuoti-ben.md",
            "glossary.md",
            "sources.md",
        ]
    )
    """The pages after the chapters in the navigation, in the order a learner needs them."""
    precompress: bool = True
    """Write ``.gz`` copies of text files beside them for servers that send those as they are."""

    def storage_namespace(self, site_name: str) -> str:
        """The course's key prefix in the browser's storage."""
        if self.course_id:
            return self.course_id
        digest = hashlib.sha1(site_name.encode("utf-8")).hexdigest()[:8]
        return f"c{digest}"


def is_id(text: str) -> bool:
    """True for a well-formed editor-written id."""
    return re.fullmatch(ID_PATTERN, text) is not None
