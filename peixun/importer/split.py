"""Step 7: split a compilation into articles (第一篇…, title blocks, repeated numbering)."""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from peixun.importer.enumerators import enumerator_at_start
from peixun.importer.model import Article, Event, Kind, Line
from peixun.importer.text import CN, MAX_TITLE, ends_sentence, is_markdown
from peixun.text.hanzi import han_count
from peixun.text.markdown import read_heading

STEP = "分篇"
LABEL = re.compile(rf"第({CN})篇[：:]\s*")
MIN_DOUBLED = 6  # shorter repeats ("好好学习") are words, not titles
# How alike two titles must be to count as the same title written twice.
SAME_TITLE = 0.8
# A new article may start at a title line when the top-level numbering restarts this soon after.
RESTART_REACH = 3
SPEECH_TITLE = re.compile(r"以“([^”]{4,40})”为题")
UNTITLED = "（无标题）"


def is_title_like(text: str) -> bool:
    """A short line with no sentence punctuation and no enumerator: a title or a heading."""
    return (
        2 <= len(text) <= MAX_TITLE
        and han_count(text) >= 2
        and not re.search(r"[。！？!?；;，,]", text)
        and not ends_sentence(text)
        and not text.endswith(("：", ":"))
        and enumerator_at_start(text) is None
        and not is_markdown(text)
    )


def same_title(a: str, b: str) -> bool:
    """Whether two titles are the same one, allowing a typo or two."""
    return a == b or SequenceMatcher(None, a, b).ratio() >= SAME_TITLE


def cut_glued_labels(lines: list[Line]) -> list[Line]:
    """Put a 第N篇 label glued after a title or a sentence onto a line of its own."""
    out: list[Line] = []
    for line in lines:
        match = LABEL.search(line.text)
        before = line.text[: match.start()] if match else ""
        if match and before and (is_title_like(before) or ends_sentence(before)):
            out += [line.cut(0, match.start()), line.cut(match.start(), len(line.text))]
        else:
            out.append(line)
    return out


def _numbered_pieces(lines: list[Line]) -> set[int]:
    """Lines opening the pieces of a numbered compilation: "1.标题" lines numbered 1, 2, 3 …,
    each a title followed by its text, with a lower numbering (一、) restarting inside."""
    if any(LABEL.match(line.text) for line in lines):
        return set()
    found: list[int] = []
    for index, line in enumerate(lines):
        head = enumerator_at_start(line.text)
        if head and head.style == "arabic_dot" and head.value == 1 and found:
            return set()  # the numbering restarts: sections of one article, not pieces
        if head and head.style == "arabic_dot" and head.value == len(found) + 1:
            rest = line.text[len(head.marker) :]
            if is_title_like(rest) or (len(rest) <= MAX_TITLE and not ends_sentence(rest)):
                found.append(index)
    has_inner = any((h := enumerator_at_start(line.text)) and h.style == "cn" for line in lines)
    return set(found) if len(found) >= 3 and has_inner else set()


def _restarts_after(lines: list[Line], index: int) -> bool:
    for line in lines[index + 1 : index + 1 + RESTART_REACH]:
        head = enumerator_at_start(line.text)
        if head is not None:
            return head.style == "cn" and head.value == 1
    return False


class _Splitter:
    """Walks the lines once, opening a new article at each boundary."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = cut_glued_labels(lines)
        self.pieces = _numbered_pieces(self.lines)
        self.known_titles = [line.text for line in self.lines if is_title_like(line.text)]
        self.articles: list[Article] = []
        self.events: list[Event] = []
        self.collection = ""

    def _moved(self, number: int, text: str, detail: str = "篇名移入标题") -> None:
        """Record that ``text`` left the body to become (or make way for) a title."""
        self.events.append(Event(Kind.MOVED, STEP, number, text, detail, "title"))

    def _open(self, title: str, line: Line, label: str = "") -> None:
        self.articles.append(Article(title, [], line.number, line.number, label))

    def _title_from(self, text: str) -> tuple[str, str]:
        """Split a label's text into the title and a body glued after it."""
        if not text or is_title_like(text):
            return text, ""
        for title in sorted(self.known_titles, key=len, reverse=True):
            if text.startswith(title) and len(text) > len(title):
                return title, text[len(title) :]
        return "", text

    @staticmethod
    def _doubled_title(text: str) -> str:
        """A title written twice at the start of ``text`` ("标题标题正文…"), or ""."""
        for size in range(min(MAX_TITLE, len(text) // 2), MIN_DOUBLED - 1, -1):
            if text[:size] == text[size : 2 * size] and is_title_like(text[:size]):
                return text[:size]
        return ""

    def _seen_top_level(self) -> bool:
        if not self.articles:
            return False
        return any(
            (h := enumerator_at_start(line.text)) and h.style == "cn"
            for line in self.articles[-1].lines
        )

    def run(self) -> list[Article]:
        lines = self.lines
        index = 0
        while index < len(lines):
            line = lines[index]
            text = line.text
            if match := LABEL.match(text):
                title, body = self._title_from(text[match.end() :])
                label = f"第{match.group(1)}篇：{title}" if title else text[: match.end()]
                self._open(title, line, label)
                self._moved(line.number, text[: match.end()] + title)
                if body:
                    self._add(line.cut(len(text) - len(body), len(text)))
            elif doubled := self._doubled_title(text):
                # "标题标题正文": a web page's title bar and the article's own title, glued.
                self._open(doubled, line)
                self._moved(line.number, doubled * 2, "重复两遍的篇名移入标题")
                self._add(line.cut(2 * len(doubled), len(text)))
            elif index in self.pieces:
                head = enumerator_at_start(text)
                assert head is not None
                self._open(text[len(head.marker) :].strip(), line, text)
                self._moved(line.number, text)
            elif is_title_like(text) and self._title_block_end(index) is not None:
                end = self._title_block_end(index)
                assert end is not None
                for extra in lines[index:end]:
                    self._extra_title(extra)
                self._open(lines[end].text, lines[end])
                self._moved(lines[end].number, lines[end].text)
                index = end
            elif is_title_like(text) and self._seen_top_level() and _restarts_after(lines, index):
                self._open(text, line)
                self._moved(line.number, text)
            else:
                self._add(line)
            index += 1
        return self._finish()

    def _title_block_end(self, index: int) -> int | None:
        """The last title line of a block of title lines followed by a blank line, if any."""
        end = index
        while end + 1 < len(self.lines) and is_title_like(self.lines[end + 1].text):
            end += 1
        after = end + 1
        if (
            after + 1 < len(self.lines)
            and not self.lines[after].text
            and self.lines[after + 1].text
        ):
            return end
        return None

    def _extra_title(self, line: Line) -> None:
        if not self.articles and not self.collection:
            self.collection = line.text
            detail = "文档总标题"
        else:
            detail = "多余的标题行"
        self.events.append(Event(Kind.MOVED, STEP, line.number, line.text, detail, "collection"))

    def _add(self, line: Line) -> None:
        if not self.articles:
            if not line.text:
                return
            if is_title_like(line.text):
                self._open(line.text, line)
                self._moved(line.number, line.text)
                return
            self._open("", line)
        article = self.articles[-1]
        if not article.lines and not line.text:
            return
        heading = read_heading(line.text)
        if not article.lines and not article.title and heading:
            # A Word document's first heading is its title.
            article.title = heading.text
            self._moved(line.number, line.text)
            return
        if not article.lines and is_title_like(line.text) and not article.title:
            article.title = line.text
            self._moved(line.number, line.text)
            return
        if not article.lines and is_title_like(line.text) and article.label:
            # A compilation's label followed by the article's own title: a different title is
            # the article's own; the same one written slightly differently is a typo in one.
            if not same_title(line.text, article.title):
                article.title = line.text
                self._moved(line.number, line.text, "文章自己的标题")
                return
            self._moved(line.number, line.text, "与篇名重复的标题")
            if line.text != article.title:
                self.events.append(
                    Event(
                        Kind.FLAGGED,
                        STEP,
                        line.number,
                        f"{article.title} / {line.text}",
                        "篇名与文章标题略有不同：标题取篇名，请核对",
                    )
                )
            return
        if not article.lines and article.title and line.text.startswith(article.title):
            rest = line.text[len(article.title) :].lstrip("：:，, ")
            self.events.append(
                Event(Kind.REMOVED, STEP, line.number, article.title, "正文开头重复的标题")
            )
            if not rest:
                return
            line = line.cut(len(line.text) - len(rest), len(line.text))
        elif not article.lines and article.title and same_title(line.text, article.title):
            self.events.append(Event(Kind.REMOVED, STEP, line.number, line.text, "重复的标题"))
            return
        article.lines.append(line)
        article.last_line = max(article.last_line, line.number_at(len(line.text)))

    def _finish(self) -> list[Article]:
        articles = [a for a in self.articles if any(line.text for line in a.lines)]
        empty = {(a.first_line, a.title) for a in self.articles if a not in articles}
        self.events = [
            replace(event, detail="标题（其下没有正文，未成稿）")
            if event.field == "title" and (event.line, event.text) in empty
            else event
            for event in self.events
        ]
        for article in articles:
            while article.lines and not article.lines[-1].text:
                article.lines.pop()
            if not article.title:
                body = "".join(line.text for line in article.lines[:5])
                match = SPEECH_TITLE.search(body)
                article.title = match.group(1) if match else UNTITLED
                self.events.append(
                    Event(
                        Kind.FLAGGED,
                        STEP,
                        article.first_line,
                        article.title,
                        "标题取自讲话中的“以……为题”，请核对" if match else "未找到标题：请编辑补上",
                    )
                )
        return articles


def split_articles(lines: list[Line]) -> tuple[list[Article], list[Event]]:
    """The articles in ``lines``, in order, and the events of splitting them."""
    splitter = _Splitter(lines)
    articles = splitter.run()
    return articles, splitter.events
