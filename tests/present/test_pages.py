"""Where the meeting kit's pages live: declared once, known to the link check before a build."""

from __future__ import annotations

from peixun.course.settings import CourseSettings
from peixun.generated import generated_paths
from peixun.present.pages import present_link, present_path, present_paths, presented
from peixun.records.pages import record_path
from tests.handouts.conftest import CourseWithQuestions


def test_every_chapter_and_lesson_has_a_presentation_and_a_sheet_the_link_check_knows(
    real_course: CourseWithQuestions,
) -> None:
    course = real_course.course
    known = generated_paths(course, real_course.questions, CourseSettings())
    presentations = present_paths(course)
    assert len(presentations) == len(course.chapters) + len(course.lessons())
    assert set(presentations) <= known
    assert "xuexi-jihua.md" in known
    for chapter in course.chapters:
        assert record_path(chapter) in known
        for lesson in chapter.lessons:
            assert record_path(chapter, lesson) in known
            assert presented(course, present_path(chapter, lesson)) == (chapter, lesson)
        assert presented(course, present_path(chapter)) == (chapter, None)
    assert presented(course, "01-juese-renzhi/01-diwei-zuoyong.md") is None


def test_the_present_link_points_from_the_page_to_its_presentation(
    real_course: CourseWithQuestions,
) -> None:
    chapter = real_course.course.chapters[0]
    lesson = chapter.lessons[0]
    link = present_link(lesson.src_path, chapter, lesson)
    assert "[演示](../present/01-juese-renzhi/01-diwei-zuoyong.md)" in link
    assert "data-search-exclude" in link
    assert "[演示](../present/01-juese-renzhi.md)" in present_link(chapter.index_path, chapter)
