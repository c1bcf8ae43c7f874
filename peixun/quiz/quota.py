"""Whether the banks hold enough questions for the exam quotas of ``extra.peixun.exam``.

The draw itself happens in the browser, per attempt (``assets/exam/draw.js``); this module
only refuses quotas that no draw could meet, so that an impossible exam stops the build and
``python -m peixun check`` instead of giving learners a short paper.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from peixun.course.model import Course
from peixun.course.settings import ExamSettings
from peixun.errors import ContentError
from peixun.quiz.model import TYPE_NAMES, Question

DIFFICULTY_NAMES = {1: "易", 2: "中", 3: "难"}
"""The levels a bank's ``difficulty:`` may take (peixun.quiz.model.Question), as CONTRIBUTING says."""


def _dimension(
    key: str,
    quota: Mapping[str, int],
    held: Counter[str],
    known: Mapping[str, str],
    size: int,
    where: str,
) -> list[ContentError]:
    """Problems with one kind of quota: unknown names, more than a group holds, a rest that
    the groups not named cannot fill."""
    problems = []
    choices = "、".join(f"{k}（{v}）" for k, v in known.items())
    for name, count in quota.items():
        field = f"{where}：字段 exam → {key} → {name}"
        if name not in known:
            problems.append(ContentError(field, None, f"没有这一项。可用：{choices}"))
        elif count > held[name]:
            problems.append(
                ContentError(
                    field,
                    None,
                    f"要抽 {count} 题，但题库里只有 {held[name]} 题。请减少数目，或在题库里补题。",
                )
            )
    if problems:
        return problems
    rest = size - sum(quota.values())
    others = sum(n for name, n in held.items() if name not in quota)
    if quota and rest > others:
        problems.append(
            ContentError(
                f"{where}：字段 exam → {key}",
                None,
                f"所列各项合计 {sum(quota.values())} 题，其余 {rest} 题要从未列出的各项里抽，"
                f"但那里只有 {others} 题。请补足所列各项，使合计等于 size（{size}），或减小 size。",
            )
        )
    return problems


def quota_problems(
    exam: ExamSettings,
    course: Course,
    questions: Mapping[str, list[Question]],
    shown: str = "mkdocs.yml",
) -> list[ContentError]:
    """Every quota of ``exam`` that the course's questions cannot meet, in Chinese."""
    where = f"{shown}（extra.peixun）"
    by_chapter: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_level: Counter[str] = Counter()
    for chapter in course.chapters:
        for lesson in chapter.lessons:
            for q in questions.get(lesson.slug, []):
                by_chapter[chapter.folder] += 1
                by_type[q.type] += 1
                by_level[str(q.difficulty or 0)] += 1  # 0: not given; never named in a quota
    total = sum(by_chapter.values())
    # A new course's banks are small: a size above what they hold means every question.
    size = min(exam.size, total)
    chapters = {c.folder: c.title for c in course.chapters}
    return [
        *_dimension("chapters", exam.chapters, by_chapter, chapters, size, where),
        *_dimension("types", exam.types, by_type, TYPE_NAMES, size, where),
        *_dimension(
            "difficulty",
            {str(k): n for k, n in exam.difficulty.items()},
            by_level,
            {str(k): name for k, name in DIFFICULTY_NAMES.items()},
            size,
            where,
        ),
    ]
