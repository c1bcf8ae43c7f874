"""Step 4 (part): author, journal and date header lines move into front matter, not lost."""

from __future__ import annotations

import re

from peixun.importer.model import Event, Kind, Line, StepResult
from peixun.text.hanzi import HAN

STEP = "文章信息"
STOP = r"(?=作者|来源|摘要|关键词|单位|\[导读\]|\s|$|[,，;；|])"
DATE = re.compile(r"(?:发布时间|发表时间|日期)[:：]\s*(\d{4}-\d{1,2}-\d{1,2})(?:[T ][\d:.]+Z?)?\s*")
JOURNAL = re.compile(r"来源[:：]\s*(《[^》]{1,40}》.*?)" + STOP + r"\s*")
AUTHOR = re.compile(rf"作者[:：]\s*([{HAN}·]{{2,5}}?)" + STOP + r"\s*")
LEAD = re.compile(r"\[导读\]\s*")
KEYWORDS = re.compile(r"关键词[:：]\s*(.{1,60}?)(?=(?:前言|引言)[:：])")
KEYWORDS_GLUED = re.compile(r"^关键词[:：]")
POSTCODE = r"\s?(\d{6})(?!\d)"
# How many lines after an author line the author's affiliation line may come.
AFFILIATION_REACH = 2


def _affiliation(author: str) -> re.Pattern[str]:
    return re.compile(re.escape(author) + r"(.{2,40}?)" + POSTCODE)


def extract_header(lines: list[Line]) -> StepResult:
    """Move 发布时间/来源/作者/单位/关键词 out of the text into MOVED events with a field name."""
    events: list[Event] = []
    out: list[Line] = []
    author, author_line = "", 0
    for line in lines:
        text = line.text
        moved: list[tuple[str, str, str]] = []  # (field, value, removed text)
        for field_name, pattern in (("date", DATE), ("journal", JOURNAL), ("author", AUTHOR)):
            if match := pattern.search(text):
                moved.append((field_name, match.group(1), match.group(0)))
                text = text[: match.start()] + text[match.end() :]
                if field_name == "author":
                    author, author_line = match.group(1), line.number
        if author and line.number - author_line <= AFFILIATION_REACH:
            lead = LEAD.search(text)
            affiliation = _affiliation(author).search(text, lead.end() if lead else 0)
            if lead and affiliation:
                moved.append(("", "", text[lead.start() : affiliation.start()]))
            elif lead:
                end = text.find("。", lead.end())
                end = len(text) if end < 0 else end + 1
                moved.append(("", "", text[lead.start() : end]))
                text = text[: lead.start()] + text[end:]
            if affiliation and (lead or affiliation.start() == 0):
                start = lead.start() if lead else affiliation.start()
                moved.append(("affiliation", affiliation.group(1).strip(), affiliation.group(0)))
                text = text[:start] + text[affiliation.end() :]
        if match := KEYWORDS.search(text):
            moved.append(("keywords", match.group(1), match.group(0)))
            text = text[: match.start()] + text[match.end() :]
        elif KEYWORDS_GLUED.match(text):
            events.append(
                Event(
                    Kind.FLAGGED,
                    STEP,
                    line.number,
                    text[:30],
                    "关键词与正文连在一起，分不开：请编辑删去关键词",
                )
            )
        for field_name, value, removed in moved:
            detail = (
                f"{FIELD_NAMES[field_name]}：{value}" if field_name else "网页导读（摘要的重复）"
            )
            kind = Kind.MOVED if field_name else Kind.REMOVED
            events.append(
                Event(kind, STEP, line.number, removed.strip(), detail, field_name, value)
            )
        out.append(line.with_text(text.strip()))
    return StepResult(out, events)


FIELD_NAMES = {
    "date": "日期",
    "journal": "刊物",
    "author": "作者",
    "affiliation": "单位",
    "keywords": "关键词",
    "": "",
}
