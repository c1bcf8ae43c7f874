"""The import report: a short summary for the screen, the full detail in Markdown and JSON.

The files hold nothing that changes from run to run (no times, no "written"/"unchanged"), so
that importing the same input again leaves them byte for byte as they were.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import groupby

from peixun.importer.duplicates import Duplicate, Place
from peixun.importer.model import Event, Kind
from peixun.importer.output import Outcome, Written

REPORT_NAME = "导入报告.md"
REPORT_JSON = "导入报告.json"
# Steps that touch many lines in a routine way: one row listing the lines, not one per line.
ROUTINE_STEPS = ("繁简转换", "标点规范", "断行与分段")
KIND_ORDER = (Kind.REMOVED, Kind.MOVED, Kind.REPAIRED, Kind.FLAGGED)


@dataclass(frozen=True)
class DraftRecord:
    """One draft written (or found unchanged) for an article."""

    title: str
    passage: str
    written: Written
    name: str  # the path shown to people, relative to the output folder


@dataclass
class FileRecord:
    """Everything the report says about one input file."""

    name: str
    encoding: str = ""
    unit: str = "行"
    drafts: list[DraftRecord] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    error: str = ""

    def count(self, kind: Kind) -> int:
        return sum(1 for event in self.events if event.kind is kind)


@dataclass
class RunReport:
    """A whole import run."""

    files: list[FileRecord]
    duplicate_articles: list[Duplicate] = field(default_factory=list)
    duplicate_passages: list[Duplicate] = field(default_factory=list)

    def outcomes(self) -> dict[Outcome, int]:
        drafts = [d for f in self.files for d in f.drafts]
        return {o: sum(1 for d in drafts if d.written.outcome is o) for o in Outcome}


def progress_line(index: int, total: int, record: FileRecord) -> str:
    """The line printed as each file of a batch is done."""
    head = f"[{index}/{total}] {record.name}："
    if record.error:
        return head + f"错误：{record.error}"
    counts = "，".join(f"{kind.value} {record.count(kind)}" for kind in KIND_ORDER)
    return head + f"{record.encoding}，{len(record.drafts)} 篇稿件；{counts}"


def screen_summary(report: RunReport, report_path: str) -> str:
    """The few lines printed at the end of a run."""
    ok = [f for f in report.files if not f.error]
    outcomes = report.outcomes()
    drafts = sum(len(f.drafts) for f in ok)
    counts = "，".join(f"{k.value} {sum(f.count(k) for f in ok)} 处" for k in KIND_ORDER)
    lines = [
        f"导入完成：{len(report.files)} 个文件，成功 {len(ok)} 个，"
        f"失败 {len(report.files) - len(ok)} 个；"
        f"稿件 {drafts} 篇（"
        + "，".join(f"{o.value} {n}" for o, n in outcomes.items() if n)
        + "）。",
        f"{counts}；重复文章 {len(report.duplicate_articles)} 对，"
        f"重复段落 {len(report.duplicate_passages)} 对。",
    ]
    alongside = [d for f in ok for d in f.drafts if d.written.outcome is Outcome.ALONGSIDE]
    for draft in alongside:
        lines.append(
            f"注意：原有稿件已改动过，未覆盖；新版写在 {draft.name}（用 --force 可直接覆盖）。"
        )
    lines.append(f"完整报告：{report_path}")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`").replace("\n", " ")


def _ranges(numbers: list[int]) -> str:
    numbers = sorted(set(numbers))
    parts: list[str] = []
    for _, group in groupby(enumerate(numbers), key=lambda pair: pair[1] - pair[0]):
        run = [n for _, n in group]
        parts.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
    return "、".join(parts)


def _place(place: Place, unit: str = "行") -> str:
    return f"{place.file} 第 {place.line} {unit}（第 {place.article} 篇《{_cell(place.title)}》）"


def _event_rows(record: FileRecord, kind: Kind) -> list[str]:
    events = [e for e in record.events if e.kind is kind]
    rows: list[str] = []
    routine = [e for e in events if e.step in ROUTINE_STEPS]
    for step in ROUTINE_STEPS:
        lines = [e.line for e in routine if e.step == step]
        if lines:
            rows.append(f"| {_ranges(lines)} | {step} | 共 {len(lines)} 处，见各行 |")
    for event in events:
        if event.step in ROUTINE_STEPS:
            continue
        rows.append(
            f"| {event.line} | {_cell(event.text)} | {_cell(f'{event.step}：{event.detail}')} |"
        )
    return rows


def markdown_report(report: RunReport) -> str:
    """The full report as Markdown: every removal, move, repair and flag with its place."""
    out = ["# 导入报告", ""]
    ok = [f for f in report.files if not f.error]
    out += [
        f"输入 {len(report.files)} 个文件，成功 {len(ok)} 个；"
        f"稿件 {sum(len(f.drafts) for f in ok)} 篇。"
        "“待核”各处请编辑逐一核对原文；“删除”与“移入元数据”列出了从正文拿走的全部文字。",
        "",
        "| 文件 | 编码 | 稿件 | " + " | ".join(k.value for k in KIND_ORDER) + " |",
        "|---|---|---|" + "---|" * len(KIND_ORDER),
    ]
    for record in report.files:
        if record.error:
            out.append(f"| {record.name} | 错误：{_cell(record.error)} | | | | | |")
        else:
            counts = " | ".join(str(record.count(k)) for k in KIND_ORDER)
            out.append(f"| {record.name} | {record.encoding} | {len(record.drafts)} | {counts} |")
    out += ["", "## 重复文章", ""]
    if report.duplicate_articles:
        out += ["| 文章 | 与之重复的文章 | 较短一篇被重复的比例 |", "|---|---|---|"]
        out += [
            f"| {_place(d.first)} | {_place(d.second)} | {d.share:.0%} |"
            for d in report.duplicate_articles
        ]
    else:
        out.append("未发现。")
    for record in report.files:
        out += ["", f"## {record.name}", ""]
        if record.error:
            out.append(f"错误：{record.error}")
            continue
        out += [
            f"编码：{record.encoding}。位置按原文件的{record.unit}计。",
            "",
            "### 稿件",
            "",
            "| 稿件文件 | 标题 | 原文位置 |",
            "|---|---|---|",
        ]
        out += [f"| {d.name} | {_cell(d.title)} | {_cell(d.passage)} |" for d in record.drafts]
        for kind in KIND_ORDER:
            rows = _event_rows(record, kind)
            out += ["", f"### {kind.value}（{record.count(kind)}）", ""]
            out += (
                [f"| {record.unit} | 内容 | 说明 |", "|---|---|---|", *rows] if rows else ["无。"]
            )
        passages = [
            d for d in report.duplicate_passages if record.name in (d.first.file, d.second.file)
        ]
        out += ["", f"### 重复段落（{len(passages)}）", ""]
        if passages:
            out += ["| 段落 | 与之重复 | 比例 | 开头 |", "|---|---|---|---|"]
            out += [
                f"| {_place(d.first, record.unit)} | {_place(d.second, record.unit)} | "
                f"{d.share:.0%} | {_cell(d.excerpt)} |"
                for d in passages
            ]
        else:
            out.append("无。")
    return "\n".join(out) + "\n"


def json_report(report: RunReport) -> str:
    """The same content as JSON, for tools."""

    def place(p: Place) -> dict[str, object]:
        return {"file": p.file, "article": p.article, "title": p.title, "line": p.line}

    def duplicate(d: Duplicate) -> dict[str, object]:
        return {
            "first": place(d.first),
            "second": place(d.second),
            "share": d.share,
            "excerpt": d.excerpt,
        }

    data = {
        "files": [
            {
                "name": f.name,
                "encoding": f.encoding,
                "unit": f.unit,
                "error": f.error,
                "drafts": [
                    {"title": d.title, "passage": d.passage, "path": d.name} for d in f.drafts
                ],
                "events": [
                    {
                        "kind": e.kind.value,
                        "step": e.step,
                        "line": e.line,
                        "text": e.text,
                        "detail": e.detail,
                        "field": e.field,
                        "value": e.value,
                    }
                    for e in f.events
                ],
            }
            for f in report.files
        ],
        "duplicate_articles": [duplicate(d) for d in report.duplicate_articles],
        "duplicate_passages": [duplicate(d) for d in report.duplicate_passages],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
