"""The course map: what record.js needs to know about the course, written once per build.

It goes into the site as scripts that record.js loads once and the browser caches, instead of
into every page: at 1,000 lessons it is hundreds of kilobytes. In parts (:func:`split`), so
that a page loads what it shows: the course's outline (``course-map.js``, :data:`MAP_FILE`:
chapters with their titles, lessons' ids and addresses, the pages, the file format), which
every page loads, and per chapter its lessons' titles, minutes, questions, fingerprints and
old keys (one script beside it, :func:`part_path`), which record.js loads for the lessons a
page links to, tracks, counts or names. The outline's address, with a hash of its content so
that a changed course is never read from a stale cache (the outline carries the parts'
addresses, hashed the same way), is in each page's ``px-record`` element (:func:`config_html`).
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
"""Where the map's outline is in the site (beside record.js; its chapters' parts in a folder
of the same name, :func:`part_path`)."""
MAP_GLOBAL = "peixunCourseMap"
"""The ``window`` property the map script sets."""
PARTS_GLOBAL = "peixunCourseMapParts"
"""The ``window`` object the chapters' part scripts add to, under their chapter's id."""
OUTLINE_KEYS = ("id", "url")
"""A lesson's keys in the outline (what finds the lessons a page links to), about 60 bytes a
lesson; the rest, titles included, are in its chapter's part."""
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


def part_path(chapter_id: str) -> str:
    """Where a chapter's part of the map is in the site."""
    return f"{MAP_FILE.removesuffix('.js')}/{chapter_id}.js"


def split(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """(the outline, each chapter's part by chapter id): a part lists its chapter's lessons in
    order, each with its keys outside :data:`OUTLINE_KEYS`."""
    outline = dict(data)
    outline["chapters"] = [
        {**c, "lessons": [{k: v for k, v in x.items() if k in OUTLINE_KEYS} for x in c["lessons"]]}
        for c in data["chapters"]
    ]
    parts = {
        c["id"]: [{k: v for k, v in x.items() if k not in OUTLINE_KEYS} for x in c["lessons"]]
        for c in data["chapters"]
    }
    return outline, parts


def part_script(chapter_id: str, lessons: list[dict[str, Any]]) -> str:
    """A chapter's part file's text: it adds the part to ``window[PARTS_GLOBAL]``."""
    name = script_json(chapter_id)
    return f"(window.{PARTS_GLOBAL}=window.{PARTS_GLOBAL}||{{}})[{name}]={script_json(lessons)};\n"


def map_script(data: dict[str, object]) -> str:
    """The outline file's text."""
    return f"window.{MAP_GLOBAL}={script_json(data)};\n"


def map_address(script: str, file: str = MAP_FILE) -> str:
    """Site-relative address of a map file, with a content hash against stale caches."""
    digest = hashlib.sha1(script.encode("utf-8")).hexdigest()[:10]
    return f"{file}?v={digest}"


def map_files(data: dict[str, Any]) -> dict[str, str]:
    """Every file of the map (site path -> text), the outline first."""
    outline, parts = split(data)
    files: dict[str, str] = {}
    for chapter in outline["chapters"]:
        path = part_path(chapter["id"])
        files[path] = part_script(chapter["id"], parts[chapter["id"]])
        chapter["part"] = map_address(files[path], path)  # site-relative, as its urls
    return {MAP_FILE: map_script(outline), **files}


def config_html(address: str) -> Markup:
    """The element every page's ``<head>`` carries for record.js."""
    return Markup('<script type="application/json" id="{id}">{json}</script>').format(
        id=CONFIG_ID, json=Markup(script_json({"map": address}))
    )
