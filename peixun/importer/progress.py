"""A Chinese progress line on stderr while a long input is imported.

A 20 MB text takes minutes; without a word the editor cannot tell work from a hang. Short
inputs (most of them) say nothing until their summary line. On a terminal the line is
rewritten in place; into a log or a pipe, each stage is one line and a count at most every
tenth of its way, so the log stays short.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

MIB = 1024 * 1024
LONG_INPUT = MIB
"""Bytes from which an import shows its progress."""
_INTERVAL = 0.5  # seconds between two updates of a count on a terminal


class Progress:
    """The stages of importing one long file (or of a batch's last, shared stages)."""

    def __init__(self, name: str, size: int, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.shown = size >= LONG_INPUT
        self.head = f"{name}（{size / MIB:.1f} MB）"
        self.terminal = self.stream.isatty()
        self._last = 0.0
        self._tenth = -1
        self._open = False  # a terminal line waits to be ended

    def stage(self, label: str) -> None:
        """A new stage begins: “正在导入 文件（20.0 MB）：接回断行……”."""
        self._tenth = -1
        self._write(f"正在导入 {self.head}：{label}……")

    def count(self, label: str, done: int, total: int) -> None:
        """``done`` of ``total`` items of the current stage: “查找重复段落 3,000/12,000”."""
        if not self.shown or total <= 0:
            return
        tenth = done * 10 // total
        now = time.monotonic()
        if self.terminal and now - self._last < _INTERVAL and done < total:
            return
        if not self.terminal and tenth == self._tenth:
            return
        self._tenth = tenth
        self._write(f"正在导入 {self.head}：{label} {done:,}/{total:,}")

    def done(self) -> None:
        """End the terminal line, so that the next output starts on a line of its own."""
        if self._open:
            self.stream.write("\n")
            self.stream.flush()
            self._open = False

    def _write(self, text: str) -> None:
        if not self.shown:
            return
        self._last = time.monotonic()
        if self.terminal:
            self.stream.write("\r\x1b[K" + text)
            self._open = True
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
