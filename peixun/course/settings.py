"""Course-level settings: ``extra.peixun`` in ``mkdocs.yml``, declared once, with defaults.

Every key is optional; a course that sets none gets the defaults documented here::

    extra:
      peixun:
        course_id: dangzhibu-shuji      # 默认：站点名称的短哈希
        exam:
          size: 20                      # 综合测评每次抽题数（1–500）；题库不够时考全部题目
          pass_mark: 60                 # 及格分（0–100），综合测评与本章测验（考试）共用
          time_limit: 0                 # 综合测评限时（分钟）；0 为不限时
          chapter_time_limit: 0         # 本章测验按考试做时的限时（分钟）；0 为不限时
          chapters: {}                  # 各章抽题数，如 {01-juese-renzhi: 3}；未写的章均分其余题数
          types: {}                     # 各题型抽题数，如 {single: 10, truefalse: 5}；默认不限
          difficulty: {}                # 各难度抽题数，如 {1: 5, 3: 2}（1 易 2 中 3 难）；默认不限
        pages:                          # 构建生成的页面（docs/ 下的文件名）
          chapter_test: zhangjie-ceshi.md   # 每章文件夹里的“本章测验”
          exam: zonghe-ceping.md            # 综合测评
          progress: xuexi-jindu.md          # 学习进度
          wrong_book: cuoti-ben.md          # 错题本
          record: xuexi-dangan.md           # 学习档案（可打印）
          branch_summary: zhibu-huizong.md  # 支部汇总（读几位学员导出的学习记录）
          plan: xuexi-jihua.md              # 学习计划
        reference_order: [xuexi-jindu.md, zonghe-ceping.md, cuoti-ben.md, xuexi-dangan.md,
                          zhibu-huizong.md, xuexi-jihua.md, glossary.md, sources.md]
        record_fields:                  # 学习记录的栏目与顺序（默认见 peixun/records/fields.py）
          - {label: 时间, kind: short}
          - {label: 发言摘要, kind: speakers, rows: 3, speakers: 4}
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from peixun.errors import ContentError
from peixun.records.fields import DEFAULT_FIELDS, RecordField
from peixun.text.schema import ID_PATTERN, validate
from peixun.text.yamltext import Locator, refuse_duplicate_keys

"""Ids written by editors (courses, lessons, sections): lower-case pinyin, digits, hyphens."""

PAGE_FILE = r"^[a-z0-9]+(?:-[a-z0-9]+)*\.md$"
Count = Annotated[int, Field(ge=0, le=500)]


class ExamSettings(BaseModel):
    """综合测评."""

    model_config = ConfigDict(extra="forbid")
    size: int = Field(default=20, ge=1, le=500)
    """Questions drawn per attempt."""
    pass_mark: int = Field(default=60, ge=0, le=100)
    """Score out of 100 needed to pass (综合测评 and 本章测验 taken as an exam)."""
    time_limit: int = Field(default=0, ge=0, le=600)
    """Minutes for one attempt at 综合测评; 0: no limit."""
    chapter_time_limit: int = Field(default=0, ge=0, le=600)
    """Minutes for 本章测验 taken as an exam; 0: no limit."""
    chapters: dict[str, Count] = Field(default_factory=dict)
    """Questions drawn per chapter (by folder); chapters not named share the rest evenly."""
    types: dict[str, Count] = Field(default_factory=dict)
    """Questions drawn per type (single, multiple, truefalse, fill, order); others: any."""
    difficulty: dict[int, Count] = Field(default_factory=dict)
    """Questions drawn per difficulty (1, 2, 3); others: any."""

    @model_validator(mode="after")
    def _quotas_fit(self) -> ExamSettings:
        # Whether the banks hold enough is checked against them (peixun.quiz.quota).
        totals = {
            "chapters": sum(self.chapters.values()),
            "types": sum(self.types.values()),
            "difficulty": sum(self.difficulty.values()),
        }
        for name, total in totals.items():
            if total > self.size:
                raise ValueError(f"{name} 各项合计 {total} 题，超过每次抽题数 size（{self.size}）")
        return self


class PageNames(BaseModel):
    """File names (under docs/) of the pages the build generates."""

    model_config = ConfigDict(extra="forbid")
    chapter_test: str = Field(default="zhangjie-ceshi.md", pattern=PAGE_FILE)
    """本章测验, one in each chapter folder."""
    exam: str = Field(default="zonghe-ceping.md", pattern=PAGE_FILE)
    """综合测评."""
    progress: str = Field(default="xuexi-jindu.md", pattern=PAGE_FILE)
    """学习进度."""
    wrong_book: str = Field(default="cuoti-ben.md", pattern=PAGE_FILE)
    """错题本."""
    record: str = Field(default="xuexi-dangan.md", pattern=PAGE_FILE)
    """学习档案: the learner's printable record (peixun.record)."""
    branch_summary: str = Field(default="zhibu-huizong.md", pattern=PAGE_FILE)
    """支部汇总: several learners' exported records side by side (peixun.record)."""
    plan: str = Field(default="xuexi-jihua.md", pattern=PAGE_FILE)
    """学习计划 (the year plan of 主题党日)."""


class CourseSettings(BaseModel):
    """``extra.peixun`` in ``mkdocs.yml``."""

    model_config = ConfigDict(extra="forbid")
    course_id: str | None = Field(default=None, pattern=ID_PATTERN)
    """Namespace of learners' saved progress; two courses opened from file:// never mix.
    Defaults to a short hash of the site name."""
    exam: ExamSettings = Field(default_factory=ExamSettings)
    pages: PageNames = Field(default_factory=PageNames)
    reference_order: list[str] | None = None
    """The pages after the chapters in the navigation, in the order a learner needs them.
    Defaults to progress, exam, wrong book, record, branch summary, plan (as named in ``pages``),
    glossary, sources."""
    precompress: bool = True
    """Write ``.gz`` copies of text files beside them for servers that send those as they are."""
    record_fields: list[RecordField] = Field(
        default_factory=lambda: list(DEFAULT_FIELDS), min_length=1
    )
    """The fields of the 学习记录 sheets, in order (:mod:`peixun.records.fields`)."""

    def storage_namespace(self, site_name: str) -> str:
        """The course's key prefix in the browser's storage."""
        if self.course_id:
            return self.course_id
        digest = hashlib.sha1(site_name.encode("utf-8")).hexdigest()[:8]
        return f"c{digest}"

    def nav_order(self) -> list[str]:
        """``reference_order`` as given, or the default built from the page names."""
        if self.reference_order is not None:
            return self.reference_order
        names = self.pages
        return [
            names.progress,
            names.exam,
            names.wrong_book,
            names.record,
            names.branch_summary,
            names.plan,
            "glossary.md",
            "sources.md",
        ]


SETTINGS_PATH = ("extra", "peixun")


def config_locator(config_text: str) -> Locator:
    """Lines of the keys under ``extra.peixun`` in the text of ``mkdocs.yml``.

    ``yaml.compose`` builds nodes without constructing them, so the
    ``!!python/object/apply`` tags that mkdocs.yml may hold are no obstacle.
    """
    try:
        root = yaml.compose(config_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        root = None  # MkDocs has read the file already; only lines are lost

    def locate(path: tuple[str | int, ...]) -> int | None:
        node, line = root, None
        for key in (*SETTINGS_PATH, *path):
            if isinstance(node, yaml.MappingNode):
                pair = next(((k, v) for k, v in node.value if k.value == key), None)
                if pair is None:
                    break
                line, node = pair[0].start_mark.line + 1, pair[1]
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(key, int)
                and key < len(node.value)
            ):
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                break
        return line

    return locate


def load_settings(data: object, config_text: str, shown: str = "mkdocs.yml") -> CourseSettings:
    """Validate ``extra.peixun``; a wrong key raises a ContentError naming it and its line.

    First a key written twice anywhere in mkdocs.yml: MkDocs' loader keeps the last one
    silently (a second ``theme:`` or ``nav:`` replaces the first), for the build and ``check``.
    """
    refuse_duplicate_keys(config_text, shown)
    return validate(
        CourseSettings, data or {}, f"{shown}（extra.peixun）", config_locator(config_text)
    )


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its data only: MkDocs' own tags (``!ENV``, ``!!python/…``) give None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_settings(config_file: Path, shown: str = "mkdocs.yml") -> CourseSettings:
    """The settings of the course whose ``mkdocs.yml`` is ``config_file`` (for commands that
    do not build); defaults when the file or the key is absent."""
    if not config_file.is_file():
        return CourseSettings()
    text = config_file.read_text(encoding="utf-8")
    refuse_duplicate_keys(text, shown)  # a syntax error too, said in Chinese with its line
    try:
        data = yaml.load(text, Loader=_ConfigLoader)
    except yaml.YAMLError as exc:
        raise ContentError(shown, None, f"YAML 格式错误：{exc}") from None
    extra = data.get("extra") if isinstance(data, dict) else None
    section = extra.get("peixun") if isinstance(extra, dict) else None
    return load_settings(section, text, shown)


def is_id(text: str) -> bool:
    """True for a well-formed editor-written id."""
    return re.fullmatch(ID_PATTERN, text) is not None
