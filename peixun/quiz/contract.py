"""What the pages hand to quiz.js and search-zh.js, declared once.

Two channels, both read by the JS and written only here and in :mod:`peixun.quiz.render`:

* one ``<script type="application/json" id="px-config">`` in every page's ``<head>``, holding
  the course-wide values (:func:`page_config`): where saved answers live, and which
  characters are Han (:data:`peixun.text.hanzi.HAN_RANGES`, for the search's query splitting);
* ``data-*`` attributes on each question and progress row (``*_ATTR`` below), naming the
  lesson and question a saved answer belongs to, and where an older build filed it.

Saved answers are ``localStorage`` records under ``peixun:<namespace>:v2:<lesson id>:<question
id>``. Builds before lesson ids wrote ``peixun:v1:<lesson path>:<question id>``, the same for
every course; quiz.js moves such a record once to its new key when none exists yet.

Other records of the same course share the prefix, under keys that start with ``_`` and a
kind (``_exam:…``, ``_review:…``, ``_visit:…``; never a lesson id, which cannot start with
``_``). Every record is a JSON object with ``t``, the time of its last change in ms since the
epoch: moving progress between devices keeps, per key, the record with the newer ``t``.
quiz.js exposes ``window.peixun.store`` (``get``, ``load``, ``set``, ``remove``, ``keys``) and
``window.peixun.settings()`` so that no other script reads storage its own way, and fires
``peixun:answered`` on ``document`` (``detail``: ``lesson``, ``question``, ``correct``, ``quiz``)
after each submitted answer (the exam fires it for each answered question at 交卷, with
``quiz: "exam"``).

Question data loaded on demand (``assets/exam/loader.js``): each chapter's questions are one
script, ``assets/peixun/questions/<chapter folder>.js`` (:func:`peixun.generated.question_data_path`),
that registers ``window.peixun.questionData[<chapter folder>]`` = a list of ``{l: lesson id,
q: question id, t: type, d: difficulty (0: not given), h: the question's HTML}`` (a script, not
JSON, because ``fetch`` of local files is blocked under file://).
``window.peixun.loadQuestions(chapters)`` takes items of a page's ``data-chapters`` (at least
``{id, src}``), injects the scripts not yet loaded and resolves to ``{<chapter folder>: [item, …]}``,
each item with ``chapter`` and ``node()`` (a fresh ``<fieldset>`` whose links are rebased to
absolute URLs); it rejects with a Chinese message when a script cannot be loaded.
``window.peixun.loadScript(url)`` loads any script once; ``window.peixun.drawPaper(pool, quota)``
is the exam's draw (``assets/exam/draw.js``).

The exam (``[data-exam]``, ``assets/exam/exam.js``) keeps ``_exam:paper:<exam id>`` = ``{t,
start, limit (ms, 0: none), items: [[chapter, lesson, question], …], answers: {"<lesson>:<question>":
response}, submitted?, seconds?}`` (the paper being answered, or the last one handed in) and one
``_exam:attempt:<exam id>:<start ms>`` = ``{t, score (0–100), passed, seconds, chapters:
{<chapter folder>: {right, total}}, total, right}`` per attempt. The exam id is ``zonghe`` for the
综合测评 and the chapter folder for a 本章测验. After 交卷 it fires ``peixun:exam-submitted`` on
``document`` (``detail``: ``exam``, ``score``, ``passed``, ``seconds``).

The wrong book's spaced review (``assets/exam/review.js``) keeps one FSRS card per question
answered wrong, ``_review:<lesson id>:<question id>`` = ``{t, due (ms epoch), stability,
difficulty, elapsed_days, scheduled_days, reps, lapses, learning_steps, state, last_review (ms
or null), streak}`` (the fields of ts-fsrs's ``Card``; ``streak``: right answers in a row when
due). A question due (``due`` ≤ now) is listed on 错题本; after ``review.leave`` (in the page
config) spaced right answers its card is removed.
"""

from __future__ import annotations

import json
from typing import Final

from markupsafe import Markup

from peixun.text.hanzi import HAN_RANGES

# The learner's record (peixun.record, assets/record/record.js) keeps, under the course prefix:
# ``_visit:<lesson id>`` = {t, read, opened, seconds}: read by the rule of
#   peixun.record.coursemap.READ_SECONDS; opened: ms of the last opening; seconds on the page;
# ``_quiztime:<page URL>`` = {t, seconds}: time on the exam, the chapter tests and 错题本;
# ``_profile:learner`` = {t, name, branch}: typed on 学习档案, exported with the rest.
# Each page's <head> also names the course map (peixun.record.coursemap, id ``px-record``).
LESSON_STATE_EVENT: Final = "peixun:lesson-state"
"""Fired on ``document`` by record.js when a lesson's state changes on the page (read, its
自测 completed, its score changed), with ``detail`` ``{lesson, read, done, score}``: ``done``
once every question of the lesson has an answer, ``score`` the share answered right (0–100;
``null`` before ``done``). The SCORM runtime reports a lesson's completion from it."""
RECORDS_CHANGED_EVENT: Final = "peixun:records-changed"
"""Fired on ``document`` after records were imported: quiz.js refills 学习进度's tables."""

CONFIG_ID: Final = "px-config"
"""The id of the JSON element; quiz.js and search-zh.js look it up by this id."""

STORAGE_ROOT: Final = "peixun"
STORAGE_VERSION: Final = "v2"
"""Raise when the saved record's shape changes (quiz.js checks ``{s, r, t}``; ``f`` is optional)."""
REVIEWS_TO_LEAVE: Final = 3
"""Right answers in a row, each when the question was due, after which it leaves 错题本."""
LEGACY_PREFIX: Final = "peixun:v1:"
"""Keys written by builds before lesson ids, not namespaced by course."""


# The ``data-*`` attributes that say which saved answer a question (``fieldset``) is.
LESSON_ATTR: Final = "data-lesson"
"""The lesson's id (front matter ``id:``); on progress rows too."""
QUESTION_ATTR: Final = "data-question"
"""The question's id, unique in its lesson (学习进度 reads a lesson's from the course map,
``q``: :mod:`peixun.record.coursemap`)."""
FINGERPRINT_ATTR: Final = "data-fp"
"""A hash of what the question asks (:func:`peixun.quiz.answers.fingerprint`); a saved answer
records it as ``f`` and one given to another version of the question is not re-applied (for
学习进度, the course map's ``fp``, parallel to ``q``)."""
LEGACY_OPTIONS_ATTR: Final = "data-v1-options"
"""On choice questions: the option keys in the bank's order. Answers saved before
fingerprints (records without ``f``) named options by that position; quiz.js reads them so."""
LEGACY_ATTR: Final = "data-v1"
"""Where older builds kept the answer: the key after :data:`LEGACY_PREFIX`. 学习进度 takes
it from the course map in parts: ``slug`` (the lesson's path) and, for questions whose id
changed, ``former`` (a list of ``new=old``: whole ids, or prefixes ending in ``-``, an id
starting with ``new`` having been ``old`` plus the same rest); the key is
``<slug>:<former id or id>``."""


def storage_prefix(namespace: str) -> str:
    """The course's part of ``localStorage``: every saved answer's key starts with this."""
    return f"{STORAGE_ROOT}:{namespace}:{STORAGE_VERSION}:"


def legacy_key(lesson_slug: str, question_id: str) -> str:
    """Where a build before lesson ids kept this answer, after :data:`LEGACY_PREFIX`."""
    return f"{lesson_slug}:{question_id}"


def page_config(namespace: str) -> dict[str, object]:
    """The course-wide values the JS needs, as they go into the page."""
    return {
        "storage": storage_prefix(namespace),
        "legacy": LEGACY_PREFIX,
        "han": [[ord(first), ord(last)] for first, last in HAN_RANGES],
        "review": {"leave": REVIEWS_TO_LEAVE},
    }


def script_json(data: object) -> str:
    """JSON that is safe inside ``<script>``: no ``<``, ``>`` or ``&`` can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script_file_json(data: object) -> str:
    """JSON for a script file of its own (``<script src>``), where no element can be ended:
    ``<``, ``>`` and ``&`` stay as they are (escaped, they are a fifth of a question script).
    U+2028 and U+2029 are escaped: JavaScript before ES2019 ends a string at them."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def config_html(namespace: str) -> Markup:
    """The ``<script type="application/json">`` element every page carries."""
    return Markup('<script type="application/json" id="{id}">{json}</script>').format(
        id=CONFIG_ID, json=Markup(script_json(page_config(namespace)))
    )
