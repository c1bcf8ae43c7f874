"""All questions of a course, lesson by lesson: bank questions first, then generated ones."""

from __future__ import annotations

from pathlib import Path

from peixun.course.model import Course, Lesson
from peixun.errors import ContentError, ContentErrors, problems_of
from peixun.quiz.bank import LoadedBank, check_references, read_bank
from peixun.quiz.generate import Distractors, place_all, questions_for
from peixun.quiz.lessontext import enumerations, section_ids
from peixun.quiz.model import Question

BANK_SUFFIX = ".yml"


def _read_banks(
    course: Course, quizzes_dir: Path, errors: list[ContentError]
) -> dict[str, LoadedBank]:
    lessons = {lesson.slug for lesson in course.lessons()}
    banks: dict[str, LoadedBank] = {}
    if not quizzes_dir.is_dir():
        return banks
    for path in sorted(quizzes_dir.rglob("*")):
        if not path.is_file() or path.suffix not in (".yml", ".yaml"):
            continue
        slug = path.relative_to(quizzes_dir).with_suffix("").as_posix()
        shown = f"{quizzes_dir.name}/{path.relative_to(quizzes_dir).as_posix()}"
        if path.suffix != BANK_SUFFIX or slug not in lessons:
            errors.append(
                ContentError(
                    shown,
                    None,
                    f"找不到对应的课文 docs/{slug}.md。题库须与课文同路径同名，"
                    f"扩展名为 {BANK_SUFFIX}（如 quizzes/01-juese-renzhi/01-diwei-zuoyong.yml）。",
                )
            )
            continue
        try:
            banks[slug] = read_bank(path, shown)
        except (ContentError, ContentErrors) as exc:
            errors.extend(problems_of(exc))
    return banks


def _lesson_questions(
    lesson: Lesson, loaded: LoadedBank | None, generated: list[Question]
) -> list[Question]:
    if loaded is None:
        return generated
    written = loaded.bank.questions
    taken = {q.id for q in written} | set(loaded.bank.generated.exclude)
    # A hand-written ordering of the same list makes the generated one redundant.
    orders = {tuple(q.items or ()) for q in written if q.type == "order"}
    kept = [
        q
        for q in generated
        if q.id not in taken and not (q.type == "order" and tuple(q.items or ()) in orders)
    ]
    return [*written, *kept]


def course_questions(course: Course, quizzes_dir: Path) -> dict[str, list[Question]]:
    """lesson slug -> its questions in display order; raises on any bank problem.

    Every bank is read and checked before raising, so that an editor sees all problems at once.
    """
    errors: list[ContentError] = []
    banks = _read_banks(course, quizzes_dir, errors)
    placed = [
        place
        for chapter in course.chapters
        for lesson in chapter.lessons
        for place in place_all(chapter.folder, lesson.slug, enumerations(lesson.markdown))
    ]
    distractors = Distractors(placed)
    generated_by_lesson: dict[str, list[Question]] = {}
    for place in placed:
        generated_by_lesson.setdefault(place.lesson, []).extend(questions_for(place, distractors))
    result: dict[str, list[Question]] = {}
    for lesson in course.lessons():
        generated = generated_by_lesson.get(lesson.slug, [])
        loaded = banks.get(lesson.slug)
        if loaded is not None:
            errors.extend(
                check_references(
                    loaded,
                    lesson.document.file,
                    section_ids(lesson.markdown),
                    {q.id for q in generated},
                )
            )
        result[lesson.slug] = _lesson_questions(lesson, loaded, generated)
    if errors:
        raise ContentErrors(errors)
    return result
