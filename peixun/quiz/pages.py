"""The quiz on lesson pages and the generated pages: chapter tests, exam, progress, wrong book.

The generated pages' file names and the exam's size come from the course settings
(``extra.peixun`` in mkdocs.yml, see :mod:`peixun.course.settings`), never from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from markupsafe import Markup

from peixun.course.model import Chapter, Course, Lesson
from peixun.course.settings import CourseSettings, PageNames
from peixun.quiz.lessontext import sections
from peixun.quiz.model import Question
from peixun.quiz.render import Entry, QuizMode, quiz_html
from peixun.record import progress

MARKER = "<!-- peixun:quiz -->"
"""Written into the Markdown; replaced by the quiz HTML once the page is rendered."""

UrlFor = Callable[[str], str]  # docs-relative source path -> URL relative to the current page
Questions = dict[str, list[Question]]


def chapter_test_path(chapter: Chapter, names: PageNames) -> str:
    return f"{chapter.folder}/{names.chapter_test}"


def _page(title: str, intro: str) -> str:
    return f"---\ntitle: {title}\nsearch:\n  exclude: true\n---\n\n{intro}\n\n{MARKER}\n"


def _count(chapter: Chapter, questions: Questions) -> int:
    return sum(len(questions.get(lesson.slug, [])) for lesson in chapter.lessons)


def generated_pages(
    course: Course, questions: Questions, settings: CourseSettings
) -> dict[str, str]:
    """docs-relative path -> Markdown of every page the quiz adds to the site."""
    names = settings.pages
    pages = {
        chapter_test_path(chapter, names): _page(
            "本章测验",
            f"{chapter.title}的全部自测题，共 {_count(chapter, questions)} 题。"
            "每题提交后即时反馈；答题记录与各课课后的自测共用。",
        )
        for chapter in course.chapters
        if _count(chapter, questions)
    }
    pages[names.exam] = _page(
        "综合测评",
        f"从各章题目中均衡抽取 {settings.exam.size} 题，每次抽题不同。逐题提交，随时可看总分和各章得分。",
    )
    pages[names.progress] = _page(
        "学习进度", "各章、各课自测的完成情况。答题记录只保存在本机的浏览器中。"
    )
    pages[names.wrong_book] = _page(
        "错题本", "最近一次答错的题目都在这里。重做答对后，下次打开本页时它就不再出现。"
    )
    return pages


def _entries(
    questions: Questions,
    lessons: Iterable[tuple[Chapter, Lesson]],
    url_for: UrlFor,
    here: Lesson | None = None,
) -> list[Entry]:
    entries = []
    for chapter, lesson in lessons:
        titles = sections(lesson.markdown)
        page = "" if lesson is here else url_for(lesson.src_path)
        for q in questions.get(lesson.slug, []):
            entries.append(
                Entry(
                    question=q,
                    lesson_id=lesson.meta.id,
                    lesson_slug=lesson.slug,
                    lesson_title=lesson.title,
                    chapter_title=chapter.title,
                    source_href=f"{page}#{q.source}",
                    source_title=titles.get(q.source, q.source),
                )
            )
    return entries


def _all_lessons(course: Course) -> list[tuple[Chapter, Lesson]]:
    return [(chapter, lesson) for chapter in course.chapters for lesson in chapter.lessons]


def quiz_for_page(
    src_path: str, course: Course, questions: Questions, url_for: UrlFor, settings: CourseSettings
) -> Markup | None:
    """The quiz HTML that replaces MARKER on the page built from ``src_path``, if any."""
    lesson = course.lesson(src_path)
    if lesson is not None:
        chapter = course.chapter(src_path.split("/")[0])
        assert chapter is not None
        entries = _entries(questions, [(chapter, lesson)], url_for, here=lesson)
        return quiz_html(entries, "lesson") if entries else None
    names = settings.pages
    mode: QuizMode
    if src_path == names.exam:
        mode, lessons = "exam", _all_lessons(course)
    elif src_path == names.wrong_book:
        mode, lessons = "wrong", _all_lessons(course)
    elif src_path == names.progress:
        return progress.progress_html(course, questions, url_for)
    else:
        chapter = next(
            (c for c in course.chapters if chapter_test_path(c, names) == src_path), None
        )
        if chapter is None:
            return None
        mode, lessons = "chapter", [(chapter, x) for x in chapter.lessons]
    return quiz_html(_entries(questions, lessons, url_for), mode, settings.exam.size)


def lesson_quiz_markdown(lesson: Lesson, questions: Questions) -> str:
    """What a lesson page gets at its end: the 自测 heading and the quiz marker."""
    if not questions.get(lesson.slug):
        return ""
    return f"\n\n## 自测 {{#zice}}\n\n{MARKER}\n"


def chapter_test_markdown(chapter: Chapter, questions: Questions, names: PageNames) -> str:
    """What a chapter page gets at its end: a link to its chapter test."""
    count = _count(chapter, questions)
    if not count:
        return ""
    return (
        f"\n\n## 本章测验 {{#ceshi}}\n\n"
        f"学完本章各课后，可以做[本章测验]({names.chapter_test})：本章全部 {count} 道自测题。"
        f"也可以到[综合测评](../{names.exam})抽题自测，或看看[学习进度](../{names.progress})和"
        f"[错题本](../{names.wrong_book})。\n"
    )
