"""The course map: what record.js needs to know about the course, written once per build.

It goes into the site as scripts that record.js loads once and the browser caches, instead of
into every page: at 1,000 lessons it is hundreds of kilobytes. In two parts (:func:`split`):
what every page uses (``course-map.js``, :data:`MAP_FILE`: each lesson's id, address,
questions and fingerprints) and the rest (``course-map-more.js``, :data:`MORE_FILE`: titles,
minutes, anchors, old keys), which only the pages that show or migrate them load. Their
addresses, with a hash of their content so that a changed course is never read from a stale
cache, are in each page's ``px-record`` element (:func:`config_html`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from peixun.course.model import Course
from peixun.course.settings import CourseSettings
from peixun.quiz import pages as quiz_pages
from peixun.quiz.answers import fingerprint
from peixun.quiz.contract import script_json
from peixun.quiz.model import Question
from peixun.quiz.render import Entry, dom_id
from peixun.record import exchange

MAP_FILE = "assets/peixun/record/course-map.js"
"""Where the map is in the site (beside record.js)."""
MAP_GLOBAL = "peixunCourseMap"
"""The ``window`` property the map script sets."""
MORE_FILE = "assets/peixun/record/course-map-more.js"
"""Where the rest of the map is (:func:`split`)."""
MORE_GLOBAL = "peixunCourseMapMore"
"""The ``window`` property the rest's script sets."""
CORE_KEYS = ("id", "url", "q", "fp")
"""The keys of a lesson and of a chapter every page's record.js reads (the state of the
lessons it links to, the lesson it tracks); record.js merges the rest in where it is needed."""
CONFIG_ID = "px-record"
"""The id of the JSON element that names the map's address."""

READ_SECONDS = 30
"""The read rule (已读), defined here only: a lesson counts as read once its text has been
scrolled to its end (where its 自测 begins, or the end of the page) and the learner has spent
at least this many seconds on it, in one visit or several."""

SiteUrl = Callable[[str], str]  # docs-relative source path -> site-relative URL


def _anchor_prefix(slug: str) -> str:
    """The start of a question's element id on its lesson page; the question id follows."""
    probe = Question.model_construct(id="")
    entry = Entry(probe, "", slug, "", "", "", "")
    return dom_id(entry)


def renamed(listed: list[Question]) -> list[str]:
    """``new=old`` for the questions whose id changed (the map's ``former``): whole ids, or the
    prefixes before the words both ids end with (ending in ``-``), once per generated list."""
    pairs: dict[str, str] = {}
    for q in listed:
        if not q.former_id:
            continue
        new, old = q.id.split("-"), q.former_id.split("-")
        same = 0
        while same < min(len(new), len(old)) - 1 and new[-1 - same] == old[-1 - same]:
            same += 1
        if same:  # a prefix, marked by its closing hyphen
            pairs["-".join(new[:-same]) + "-"] = "-".join(old[:-same]) + "-"
        else:
            pairs[q.id] = q.former_id
    return [f"{new}={old}" for new, old in pairs.items()]


def course_map(
    course: Course,
    questions: dict[str, list[Question]],
    settings: CourseSettings,
    namespace: str,
    site_name: str,
    url: SiteUrl,
) -> dict[str, object]:
    """The map as data: chapters and lessons in order, each lesson's questions, the pages."""
    names = settings.pages
    chapters = []
    for chapter in course.chapters:
        lessons = []
        for lesson in chapter.lessons:
            listed = questions.get(lesson.slug, [])
            lessons.append(
                {
                    "id": lesson.meta.id,
                    "title": lesson.title,
                    "url": url(lesson.src_path),
                    "minutes": lesson.minutes,
                    "q": [q.id for q in listed],
                    "fp": [fingerprint(q) for q in listed],
                    "anchor": _anchor_prefix(lesson.slug),
                    # where builds before lesson ids kept the answers (contract.LEGACY_ATTR)
                    "slug": lesson.slug,
                    "former": renamed(listed),
                }
            )
        chapters.append(
            {
                "id": chapter.folder,
                "title": chapter.title,
                "url": url(chapter.index_path),
                "lessons": lessons,
            }
        )
    tests = [
        quiz_pages.chapter_test_path(chapter, names)
        for chapter in course.chapters
        if any(questions.get(lesson.slug) for lesson in chapter.lessons)
    ]
    return {
        "course": namespace,
        "title": site_name,
        "readSeconds": READ_SECONDS,
        "passMark": settings.exam.pass_mark,
        "file": exchange.schema(),
        "pages": {
            "home": url("index.md"),
            "progress": url(names.progress),
            "exam": url(names.exam),
            "wrong": url(names.wrong_book),
            "record": url(names.record),
            "summary": url(names.branch_summary),
        },
        "timed": [url(path) for path in [names.exam, names.wrong_book, *tests]],
        "chapters": chapters,
    }


def split(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what every page uses, the rest): chapters and lessons in the same order in both, the
    rest holding only their keys outside :data:`CORE_KEYS`."""

    def part(item: dict[str, Any], core: bool) -> dict[str, Any]:
        return {k: v for k, v in item.items() if (k in CORE_KEYS) == core and k != "lessons"}

    core = dict(data)
    core["chapters"] = [
        {**part(c, True), "lessons": [part(lesson, True) for lesson in c["lessons"]]}
        for c in data["chapters"]
    ]
    more = {
        "chapters": [
            {**part(c, False), "lessons": [part(lesson, False) for lesson in c["lessons"]]}
            for c in data["chapters"]
        ]
    }
    return core, more


def map_script(data: dict[str, object], name: str = MAP_GLOBAL) -> str:
    """A map file's text: it sets ``window[name]``."""
    return f"window.{name}={script_json(data)};\n"


def map_address(script: str, file: str = MAP_FILE) -> str:
    """Site-relative address of a map file, with a content hash against stale caches."""
    digest = hashlib.sha1(script.encode("utf-8")).hexdigest()[:10]
    return f"{file}?v={digest}"


def config_html(address: str, more: str) -> Markup:
    """The element every page's ``<head>`` carries for record.js: both parts' addresses."""
    return Markup('<script type="application/json" id="{id}">{json}</script>').format(
        id=CONFIG_ID, json=Markup(script_json({"map": address, "more": more}))
    )
