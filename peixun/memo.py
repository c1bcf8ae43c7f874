"""Results kept from one ``mkdocs serve`` rebuild to the next, keyed by all they are made from.

``mkdocs serve`` rebuilds the whole site after every save, in the same process. Most of
what our hooks make (question HTML, handout pages) is made from content that did not change.
A :class:`Memo` keeps such results, keyed by :func:`content_key` of *everything* the result
is made from (the text of the lessons, the questions, the page it goes on), so a changed
input can never find an old result: there is nothing to invalidate by hand.

Only a serving process keeps results (:func:`keep_results`); a single ``mkdocs build``
would only pay memory for them. Each build keeps what it used and drops the rest
(:func:`new_build`), so memory stays at about one build's worth.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from typing import Generic, TypeVar

from pydantic import BaseModel

V = TypeVar("V")

_MEMOS: list[Memo[object]] = []
_keeping = [False]  # a list, so that the flag is set, not rebound


def _parts(value: object, out: list[str]) -> None:
    """Append a canonical text of ``value``: data only, never a function or an address."""
    if isinstance(value, BaseModel):
        out.append(type(value).__name__ + value.model_dump_json())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        out.append(type(value).__name__ + "(")
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if field.repr and not callable(item):  # a Locator is derived from the text kept
                out.append(field.name + "=")
                _parts(item, out)
        out.append(")")
    elif isinstance(value, dict):
        out.append("{")
        for k, v in value.items():
            _parts(k, out)
            _parts(v, out)
        out.append("}")
    elif isinstance(value, list | tuple):
        out.append("[")
        for item in value:
            _parts(item, out)
        out.append("]")
    else:  # str, int, dates in front matter…: their repr is their content
        out.append(type(value).__name__ + ":" + repr(value))


def content_key(*values: object) -> str:
    """A digest of ``values`` (dataclasses, pydantic models, containers, plain values)."""
    out: list[str] = []
    for value in values:
        _parts(value, out)
        out.append("\0")
    return hashlib.blake2b("\x1f".join(out).encode("utf-8"), digest_size=20).hexdigest()


class Memo(Generic[V]):
    """Values by key, kept across the rebuilds of one serving process."""

    def __init__(self, *, within_build: bool = False) -> None:
        """``within_build``: also keep values within a single ``mkdocs build``, for those
        asked for more than once in a build (the key is then always computed)."""
        self._within_build = within_build
        self._now: dict[str, V] = {}
        self._before: dict[str, V] = {}
        _MEMOS.append(self)  # type: ignore[arg-type]

    def get(self, make: Callable[[], V], *inputs: object) -> V:
        """``make()``, or when serving the value kept for the same ``inputs``: pass every
        value ``make`` reads (the key is computed only when serving, or ``within_build``)."""
        if not (_keeping[0] or self._within_build):
            return make()
        key = content_key(*inputs)
        if key in self._now:
            return self._now[key]
        value = self._before.pop(key) if key in self._before else make()
        self._now[key] = value
        return value

    def _next_build(self) -> None:
        # Not serving: nothing outlives its build (a within_build memo starts empty).
        self._before, self._now = (self._now if _keeping[0] else {}), {}


def keep_results(keep: bool) -> None:
    """Whether this process keeps results between builds (``mkdocs serve``) or not."""
    _keeping[0] = keep
    if not keep:
        for memo in _MEMOS:
            memo._now.clear()
            memo._before.clear()


def new_build() -> None:
    """A build starts: what the last build did not use again is dropped after this one."""
    for memo in _MEMOS:
        memo._next_build()
