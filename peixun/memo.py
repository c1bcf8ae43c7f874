"""Results kept from one ``mkdocs serve`` rebuild to the next, keyed by all they are made from.

``mkdocs serve`` rebuilds the whole site after every save, in the same process. Most of
what our hooks make (question HTML, handout pages) is made from content that did not change.
A :class:`Memo` keeps such results, keyed by :func:`content_key` of *everything* the result
is made from (the text of the lessons, the questions, the page it goes on), so a changed
input can never find an old result: there is nothing to invalidate by hand.

Only a serving process keeps results (:func:`keep_results`); a single ``mkdocs build``
would only pay memory for them. Each build keeps what it used and drops the rest
(:func:`new_build`), so memory stays at about one build's worth. A value made from other
memos' values (the whole content check from each lesson's) keeps them with it: finding the
whole, a rebuild does not ask for the parts, yet they are still there when one part changes.
A ``within_build`` memo also keeps its values through a single ``mkdocs build`` (values asked
for by several pages, such as a question's HTML).
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


@dataclasses.dataclass(frozen=True)
class _Kept(Generic[V]):
    """A value, and the values of other memos it was made from (asked for while making it)."""

    value: V
    used: tuple[tuple[Memo[object], str, _Kept[object]], ...]


# The values being made, innermost last: what each asks other memos for.
_making: list[list[tuple[Memo[object], str, _Kept[object]]]] = []


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
        self._now: dict[str, _Kept[V]] = {}
        self._before: dict[str, _Kept[V]] = {}
        _MEMOS.append(self)  # type: ignore[arg-type]

    def get(self, make: Callable[[], V], *inputs: object) -> V:
        """``make()``, or when serving the value kept for the same ``inputs``: pass every
        value ``make`` reads (the key is computed only when serving, or ``within_build``)."""
        if not (_keeping[0] or self._within_build):
            return make()
        key = content_key(*inputs)
        kept = self._now.get(key) or self._before.pop(key, None)
        if kept is None:
            used: list[tuple[Memo[object], str, _Kept[object]]] = []
            _making.append(used)
            try:
                kept = _Kept(make(), tuple(used))
            finally:
                _making.pop()
        self._keep(key, kept)
        if _making:  # a value being made of this one: keeping it keeps this one too
            _making[-1].append((self, key, kept))  # type: ignore[arg-type]
        return kept.value

    def _keep(self, key: str, kept: _Kept[V]) -> None:
        """Keep ``kept`` for the next build, and what it was made from: when a value made
        from others is found, they are not asked for, yet must not be dropped."""
        self._now[key] = kept
        for memo, used_key, used in kept.used:
            memo._before.pop(used_key, None)
            memo._keep(used_key, used)

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
