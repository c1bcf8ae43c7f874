"""Step 1 for Markdown files: front matter and fenced code kept out of the text steps."""

from __future__ import annotations

import yaml

from peixun.importer.model import Event, Kind, Line
from peixun.text.markdown import code_lines

STEP = "读取 Markdown"
FRONT_MATTER_END = ("---", "...")


def _front_matter(lines: list[Line]) -> tuple[int, str, list[Event]]:
    """(lines the front matter takes, its title, events) for a file opening with ``---``."""
    if not lines or lines[0].text != "---":
        return 0, "", []
    end = next((i for i, line in enumerate(lines[1:], 1) if line.text in FRONT_MATTER_END), 0)
    if not end:
        return 0, "", []
    block = "\n".join(line.text for line in lines[1:end])
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        data = None
    title = str(data.get("title", "")) if isinstance(data, dict) else ""
    events = [
        Event(Kind.MOVED, STEP, line.number, line.text, "原有的 front matter（未沿用，标题除外）")
        for line in lines[1:end]
        if line.text
    ]
    return end + 1, title, events


def markdown_lines(lines: list[Line]) -> tuple[list[Line], list[Event]]:
    """The lines of a Markdown file for the pipeline: the front matter's title as the first
    heading, each fenced code block as one Markdown line no step rewrites."""
    skip, title, events = _front_matter(lines)
    out = [Line(f"# {title}", 1)] if title else []
    body = lines[skip:]
    # Fenced code as the site reads it (peixun.text.markdown): a fence never closed is text.
    fence: list[Line] = []
    for line, code in zip(body, code_lines([line.text for line in body]), strict=True):
        if code:
            fence.append(line)
            continue
        if fence:
            out.append(Line("\n".join(f.text for f in fence), fence[0].number))
            fence = []
        out.append(line)
    if fence:
        out.append(Line("\n".join(f.text for f in fence), fence[0].number))
    return out, events
