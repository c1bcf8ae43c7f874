"""The screens of a presentation, from the slide outline the ``.pptx`` decks are made of.

The outline (:mod:`peixun.slides.outline`) decides what a screen shows, in the lesson's own
words; here its points are grouped into the steps revealed one by one, and each self-check
question of the lesson becomes a screen of its own, between the discussion and the sources.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from peixun.course.model import Chapter, Lesson
from peixun.handouts.page import number_chapter_questions
from peixun.handouts.paper import PaperQuestion, number_questions
from peixun.memo import Memo
from peixun.quiz import Question
from peixun.slides.outline import Point, Slide, lesson_slides, sources_slides, title_slide

Questions = Mapping[str, Sequence[Question]]


@dataclass(frozen=True)
class Screen:
    """One screen: a slide of the outline, or a self-check question (``quiz``)."""

    slide: Slide
    quiz: PaperQuestion | None = None

    @property
    def steps(self) -> list[tuple[Point, ...]]:
        """The points in the groups revealed together: a sub-heading goes with the point under
        it, and the rest of a point cut at its punctuation (``more``) with the point."""
        groups: list[list[Point]] = []
        waiting: list[Point] = []  # sub-headings not yet followed by a point
        for point in self.slide.points:
            if point.style == "heading":
                waiting.append(point)
            elif point.style == "more" and groups and not waiting:
                groups[-1].append(point)
            else:
                groups.append([*waiting, point])
                waiting = []
        if waiting:
            groups.append(waiting)
        return [tuple(group) for group in groups]


def quiz_screens(papers: Sequence[PaperQuestion], prefix: str = "") -> list[Screen]:
    """One screen a question: ``自测题（2/5）``."""
    total = len(papers)
    return [
        Screen(Slide("question", f"{prefix}自测题（{n}/{total}）"), paper)
        for n, paper in enumerate(papers, start=1)
    ]


# A lesson's slides are shown twice, on its own 演示 and on its chapter's: made once a build.
_SLIDES: Memo[list[Slide]] = Memo(within_build=True)


def _lesson_slides(lesson: Lesson, label: str) -> list[Slide]:
    return list(_SLIDES.get(lambda: lesson_slides(lesson, label), lesson, label))


def _label(chapter: Chapter, lesson: Lesson) -> str:
    return f"第 {chapter.lessons.index(lesson) + 1} 课"


def lesson_screens(
    course_name: str, chapter: Chapter, lesson: Lesson, questions: Questions
) -> list[Screen]:
    """A lesson: as its deck (:func:`peixun.slides.outline.lesson_outline`), with its
    self-check questions before the sources."""
    label = _label(chapter, lesson)
    slides = [title_slide(course_name, lesson.title, f"{chapter.title} · {label}")]
    slides += _lesson_slides(lesson, label)[1:]
    screens = [Screen(slide) for slide in slides]
    screens += quiz_screens(number_questions(questions.get(lesson.slug, []), 1, lesson.meta.id))
    screens += [Screen(slide) for slide in sources_slides([(label, lesson)])]
    return screens


def chapter_screens(course_name: str, chapter: Chapter, questions: Questions) -> list[Screen]:
    """A chapter: as its deck (:func:`peixun.slides.outline.chapter_outline`), each lesson
    followed by its self-check questions, numbered across the chapter as in the handout."""
    papers = {
        lesson.slug: found for _, lesson, found in number_chapter_questions(chapter, questions)
    }
    screens = [Screen(title_slide(course_name, chapter.title))]
    labelled = [(_label(chapter, lesson), lesson) for lesson in chapter.lessons]
    for label, lesson in labelled:
        screens += [Screen(slide) for slide in _lesson_slides(lesson, label)]
        screens += quiz_screens(papers.get(lesson.slug, []), f"{label} ")
    return screens + [Screen(slide) for slide in sources_slides(labelled)]
