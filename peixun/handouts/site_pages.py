"""What the build adds for handouts: the handout pages and the chapter page's print links."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from peixun.course.model import Chapter, Course
from peixun.handouts.editions import EDITIONS, handout_path, relative_link
from peixun.handouts.page import handout_markdown
from peixun.quiz import Question


def handout_pages(
    course_name: str, course: Course, questions: Mapping[str, Sequence[Question]]
) -> dict[str, str]:
    """docs path -> Markdown of every handout page, both editions of every chapter."""
    return {
        handout_path(chapter.folder, edition): handout_markdown(
            course_name, chapter, edition, questions
        )
        for chapter in course.chapters
        for edition in EDITIONS
    }


def print_links(chapter: Chapter) -> str:
    """The chapter page's "打印讲义" section, linking both editions."""
    lines = [
        "## 打印讲义 {#jiangyi}",
        "",
        "供支部学习会打印使用（在讲义页面点“打印本讲义”，或用浏览器的打印功能）：",
        "",
    ]
    for edition in EDITIONS:
        target = relative_link(chapter.index_path, handout_path(chapter.folder, edition))
        lines.append(f"- [{edition.name}]({target})：{edition.contents}。")
    return "\n".join(lines) + "\n"
