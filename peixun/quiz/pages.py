"""The quiz on lesson pages and the generated pages: chapter tests, exam, progress, wrong book.

Lesson pages carry their own questions. The chapter tests, the exam and the wrong book carry
none: each chapter's questions are written once into a script (:func:`question_data_js`) that
those pages load when they need it (:mod:`peixun.quiz.exam_page`).

The generated pages' file names and the exam's size come from the course settings
(``extra.peixun`` in mkdocs.yml, see :mod:`peixun.course.settings`), never from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from markupsafe import Markup

from peixun.course.model import Chapter, Course, Lesson
from peixun.course.settings import CourseSettings, PageNames
from peixun.quiz.contract import script_file_json
from peixun.quiz.exam_page import EXAM_ID, chapter_info, exam_html, review_html
from peixun.quiz.lessontext import sections
from peixun.quiz.model import Question
from peixun.quiz.render import Entry, question_html, quiz_html
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
    exam = settings.exam
    limit = f"限时 {exam.time_limit} 分钟，" if exam.time_limit else ""
    pages = {
        chapter_test_path(chapter, names): _page(
            "本章测验",
            f"{chapter.title}的全部自测题，共 {_count(chapter, questions)} 题。"
            "可以逐题练习（每题提交后即时反馈，记录与各课课后的自测共用），"
            f"也可以按考试来做：答完全部题目后一次交卷，满分 100 分，{exam.pass_mark} 分及格。",
        )
        for chapter in course.chapters
        if _count(chapter, questions)
    }
    pages[names.exam] = _page(
        "综合测评",
        f"每次从各章题目中抽取 {min(exam.size, sum(map(len, questions.values())))} 题，每次抽题不同。{limit}答完后一次交卷，"
        f"满分 100 分，{exam.pass_mark} 分及格；交卷后可逐题查看答案与解析，历次成绩保存在本机。",
    )
    pages[names.progress] = _page(
        "学习进度", "各章、各课自测的完成情况。答题记录只保存在本机的浏览器中。"
    )
    pages[names.wrong_book] = _page(
        "错题本",
        "答错的题目会按间隔重复的安排回到这里：到了复习时间的题目列在下面，"
        "答对后隔一段时间再出现，隔开几次都答对就不再出现。",
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


def question_data_js(chapter: Chapter, questions: Questions, url_for: UrlFor) -> str:
    """The script with a chapter's questions, rendered as on the chapter test (``url_for``
    relative to the script: the page that shows them rebases the links).

    It registers ``window.peixun.questionData[<chapter folder>]``: a list of
    ``{l: lesson id, q: question id, t: type, d: difficulty (0 unset), h: HTML}``."""
    entries = _entries(questions, [(chapter, x) for x in chapter.lessons], url_for)
    items = [
        {
            "l": e.lesson_id,
            "q": e.question.id,
            "t": e.question.type,
            "d": e.question.difficulty or 0,
            "h": str(question_html(e, n, show_lesson=True)),
        }
        for n, e in enumerate(entries, start=1)
    ]
    data = script_file_json({chapter.folder: items})
    return (
        "(window.peixun = window.peixun || {}).questionData = "
        f"Object.assign(window.peixun.questionData || {{}}, {data});\n"
    )


def quiz_for_page(
    src_path: str, course: Course, questions: Questions, url_for: UrlFor, settings: CourseSettings
) -> Markup | None:
    """The quiz HTML that replaces MARKER on the page built from ``src_path``, if any."""
    from peixun.generated import question_data_path  # generated.py imports this module

    lesson = course.lesson(src_path)
    if lesson is not None:
        chapter = course.chapter(src_path.split("/")[0])
        assert chapter is not None
        entries = _entries(questions, [(chapter, lesson)], url_for, here=lesson)
        return quiz_html(entries, "lesson") if entries else None
    names = settings.pages
    if src_path == names.progress:
        return progress.progress_html(course, questions, url_for)

    def data_url(chapter: Chapter) -> str:
        return url_for(question_data_path(chapter.folder))

    if src_path == names.exam:
        info = chapter_info(course.chapters, questions, data_url)
        return exam_html("exam", EXAM_ID, info, settings.exam)
    if src_path == names.wrong_book:
        return review_html(chapter_info(course.chapters, questions, data_url))
    chapter = next((c for c in course.chapters if chapter_test_path(c, names) == src_path), None)
    if chapter is None:
        return None
    info = chapter_info([chapter], questions, data_url)
    return exam_html("chapter", chapter.folder, info, settings.exam, _count(chapter, questions))


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
