"""The question table of ``suspend_data``: which saved answers the SCORM run-time can write
compactly, in which order, and how long ``suspend_data`` may be.

``scorm.js`` loads this table (``TABLE_PATH``) only inside an LMS. Its encoding (declared at
the top of ``scorm.js``) writes an answer by its place in the table, not by its key, so a
whole course of answers fits in SCORM 1.2's 4,096 characters. Each lesson is named in
``suspend_data`` by a short code of its id and its questions (ids and fingerprints): when a
later build changes a lesson's questions, its code changes and the old answers of that lesson
are not restored onto the wrong questions; the other lessons are unaffected. A choice question
carries its option keys in the shown order (:func:`peixun.quiz.shuffle.shown_options`), so that
an answer is written as an option's index: that order depends only on the lesson id, the
question id and the option texts, which the fingerprint covers, while the bank's order may change
without changing the fingerprint. Every lesson, with or without questions, also has a
``visits`` code (of its id alone) naming its reading state (``_visit:<lesson id>``), and
``chapters`` lists the chapter folders that exam attempts score (``_exam:attempt:…``).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping

from peixun.assets import site_path
from peixun.course.model import Course
from peixun.quiz import Question
from peixun.quiz.answers import fingerprint
from peixun.quiz.contract import script_json
from peixun.quiz.shuffle import shown_options

TABLE_PATH = site_path("scorm/table.js")
"""Where the table is in the built site; ``scorm.js`` finds it beside itself."""

SUSPEND_LIMITS = {"1.2": 4096, "2004": 64000}
"""The longest ``cmi.suspend_data`` each SCORM version guarantees (CMIString4096 in 1.2,
characters in 2004)."""

CODE_LENGTH = 3
"""Characters of a lesson's code (18 bits: two of this course's lessons sharing one is very
unlikely, and then neither is restored rather than the wrong one)."""


def lesson_code(lesson_id: str, entries: list[tuple[str, str]]) -> str:
    """A short code of the lesson's id and of its questions' ids and fingerprints."""
    text = "\n".join([lesson_id, *(f"{qid}:{fp}" for qid, fp in entries)])
    digest = hashlib.sha1(text.encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:CODE_LENGTH]


def _entry(lesson_id: str, q: Question) -> list[object]:
    """``[question id, fp]``, and for a choice question its option keys in the shown order."""
    entry: list[object] = [q.id, fingerprint(q)]
    if q.options is not None:
        entry.append([o.key for o in shown_options(lesson_id, q)])
    return entry


def question_table(course: Course, questions: Mapping[str, list[Question]]) -> dict[str, object]:
    """The table as data: limits; per lesson with questions its code, id and entries
    (:func:`_entry`); per lesson its visit code and id; the chapter folders."""
    lessons = []
    visits = []
    for lesson in course.lessons():
        found = questions.get(lesson.slug, [])
        entries = [(q.id, fingerprint(q)) for q in found]
        if entries:
            code = lesson_code(lesson.meta.id, entries)
            lessons.append([code, lesson.meta.id, [_entry(lesson.meta.id, q) for q in found]])
        visits.append([lesson_code(lesson.meta.id, []), lesson.meta.id])
    chapters = [chapter.folder for chapter in course.chapters]
    return {"limits": SUSPEND_LIMITS, "lessons": lessons, "visits": visits, "chapters": chapters}


TABLE_CALLBACK = "window.peixun.scormTable"
"""What ``table.js`` calls: set by the run-time once the LMS session has begun (absent when
the LMS refused it, e.g. a page opened after the SCO already finished)."""


def table_script(table: Mapping[str, object]) -> str:
    """``table.js``: hands the table to the run-time that asked for it (JSONP style, so it
    loads by a plain ``<script>`` while the page is parsed, before quiz.js restores answers)."""
    return f"{TABLE_CALLBACK} && {TABLE_CALLBACK}({script_json(table)});\n"
