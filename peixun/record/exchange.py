"""The exported progress file (导出学习记录), declared once; record-exchange.js reads these.

A file is one JSON object::

    {
      "format": "peixun-progress",   # FORMAT: what the file is
      "version": 1,                  # VERSION: raise when the shape below changes
      "course": "dangzhibu-shuji",   # the course's storage namespace (course_id)
      "title": "党支部书记履职能力培训",  # the course's name, for messages only
      "exported": 1767225600000,     # ms since the epoch
      "records": {"<key>": {...}}    # every record of the course, keys without the prefix
    }

Each key is a key of :mod:`peixun.quiz.contract` (``<lesson id>:<question id>`` for saved
answers, ``_<kind>:…`` for the rest) and each record a JSON object with ``t``, the ms time of
its last change. Importing keeps, per key, the record with the newer ``t``.
"""

from __future__ import annotations

from typing import Final

FORMAT: Final = "peixun-progress"
VERSION: Final = 1
"""The version this build writes and reads."""
OLDEST: Final = 1
"""The oldest version it can still read; older files get a message and import nothing."""
KEY_PATTERN: Final = r"^(?:_[a-z]+:)?[A-Za-z0-9][A-Za-z0-9_:./-]{0,299}$"
"""What a record's key may be: ``<lesson id>:<question id>`` or ``_<kind>:…``, in the ids'
characters (ASCII): never markup, a selector or ``__proto__``."""
MAX_BYTES: Final = 20 * 1024 * 1024
"""Bigger files are refused before they are read (a course's records are kilobytes)."""


def schema() -> dict[str, object]:
    """The file's rules, as the scripts get them (in the course map)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "oldest": OLDEST,
        "key": KEY_PATTERN,
        "maxBytes": MAX_BYTES,
    }
