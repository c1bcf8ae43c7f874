"""The handout pages of the built course, as a branch secretary opens and prints them."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html as lxml_html

from peixun.handouts.lesson_text import section
from peixun.quiz import Question, answer_text
from peixun.quiz.shuffle import in_shown_order
from peixun.search.split_index import indexed_documents
from tests.handouts.conftest import CourseWithQuestions
from tests.sitebuild import build

EDITIONS = {"student": "学员版", "teacher": "教师版"}


def _page(site: Path, folder: str, edition: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((site / "handouts" / f"{folder}-{edition}.html").read_bytes())


def _text(element: lxml_html.HtmlElement) -> str:
    return re.sub(r"\s+", "", element.text_content())


def _chapter_questions(real: CourseWithQuestions, folder: str) -> list[Question]:
    """The chapter's questions, options in the order the site and the handouts show them."""
    chapter = real.course.chapter(folder)
    assert chapter is not None
    return [
        in_shown_order(lesson.meta.id, q)
        for lesson in chapter.lessons
        for q in real.questions[lesson.slug]
    ]


def test_every_chapter_has_both_editions_with_all_its_lessons(
    built_site: Path, real_course: CourseWithQuestions
) -> None:
    assert real_course.course.chapters
    for chapter in real_course.course.chapters:
        for slug, name in EDITIONS.items():
            page = _page(built_site, chapter.folder, slug)
            handout = page.find_class("px-handout")[0]
            assert handout.get("data-edition") == name
            assert page.findtext(".//h1").startswith(chapter.title)
            lessons = [h.text_content() for h in page.find_class("px-handout__lesson")]
            assert [re.sub(r"^第 \d+ 课　|¶$", "", t) for t in lessons] == [
                lesson.title for lesson in chapter.lessons
            ]
            for number, lesson in enumerate(chapter.lessons, start=1):
                # each lesson brings its key points and discussion questions
                for part in ("yaodian", "taolun"):
                    heading = page.get_element_by_id(f"ke{number}-{part}")
                    assert heading.getnext() is not None, (lesson.slug, part)


def test_learner_edition_has_the_questions_and_no_answer_anywhere(
    built_site: Path, real_course: CourseWithQuestions
) -> None:
    for chapter in real_course.course.chapters:
        questions = _chapter_questions(real_course, chapter.folder)
        page = _page(built_site, chapter.folder, "student")
        source = lxml_html.tostring(page, encoding="unicode")
        assert len(page.find_class("px-handout-q")) == len(questions)
        assert not page.find_class("px-handout-key")
        assert "答案与解析" not in source and 'id="daan"' not in source
        assert "讨论引导" not in source
        for q in questions:
            assert q.explanation not in source, q.id
            for option in q.options or []:
                assert not option.feedback or option.feedback not in source, q.id
        # orderings are never printed in the order that is the answer
        for block in page.find_class("px-handout-q"):
            items = [re.sub(r"^[A-H]．", "", li.text_content()) for li in block.iter("li")]
            for q in questions:
                if q.type == "order" and set(items) == set(q.items or []):
                    assert items != q.items


def test_teacher_edition_has_every_answer_with_explanation_and_source(
    built_site: Path, real_course: CourseWithQuestions
) -> None:
    for chapter in real_course.course.chapters:
        questions = _chapter_questions(real_course, chapter.folder)
        page = _page(built_site, chapter.folder, "teacher")
        keys = page.find_class("px-handout-key")
        assert len(keys) == len(questions)
        for q, key in zip(questions, keys, strict=True):
            text = _text(key)
            assert re.sub(r"\s+", "", answer_text(q)) in text, q.id
            assert re.sub(r"\s+", "", q.explanation) in text, q.id
            link = key.find_class("px-handout-key__source")[0].find(".//a")
            target = link.get("href")
            assert target.startswith("#ke") and target.endswith(f"-{q.source}"), q.id
            assert page.get_element_by_id(target[1:]) is not None
        # discussion notes: every lesson's discussion questions and key points, quoted
        notes = "".join(_text(e) for e in page.get_element_by_id("yindao").itersiblings())
        for lesson in chapter.lessons:
            for part in ("taolun", "yaodian"):
                found = section(lesson.markdown, part)
                assert found is not None
                for line in found.markdown.splitlines():
                    item = re.sub(r"^(\d+\.|-)\s+", "", line)
                    assert re.sub(r"[\s*]", "", item) in notes, (lesson.slug, item)


def test_answer_letters_in_the_key_point_at_the_right_printed_option(
    built_site: Path, real_course: CourseWithQuestions
) -> None:
    for chapter in real_course.course.chapters:
        questions = _chapter_questions(real_course, chapter.folder)
        sheet = _page(built_site, chapter.folder, "student").find_class("px-handout-q")
        keys = _page(built_site, chapter.folder, "teacher").find_class("px-handout-key")
        for q, block, key in zip(questions, sheet, keys, strict=True):
            if q.type not in ("single", "multiple"):
                continue
            printed = {li.text_content()[0]: li.text_content()[2:] for li in block.iter("li")}
            answer = key.find_class("px-handout-key__answer")[0].text_content()
            letters = answer.split("（")[0].split("、")
            assert sorted(printed[letter] for letter in letters) == sorted(
                o.text for o in q.options or [] if o.correct
            ), q.id


def test_chapter_page_links_both_editions(
    built_site: Path, real_course: CourseWithQuestions
) -> None:
    for chapter in real_course.course.chapters:
        page = lxml_html.fromstring((built_site / chapter.folder / "index.html").read_bytes())
        section = page.get_element_by_id("jiangyi")
        assert section.text_content().startswith("打印讲义")
        links = {a.text_content(): a.get("href") for a in page.iter("a")}
        assert links["学员版"] == f"../handouts/{chapter.folder}-student.html"
        assert links["教师版"] == f"../handouts/{chapter.folder}-teacher.html"


def test_handouts_stay_out_of_search_and_navigation(built_site: Path) -> None:
    locations = {doc["location"] for doc in indexed_documents(built_site)}
    assert locations and not any(loc.startswith("handouts/") for loc in locations)
    lesson = (built_site / "01-juese-renzhi" / "01-diwei-zuoyong.html").read_text("utf-8")
    assert "handouts/" not in lesson


def test_a_docs_file_in_the_way_of_a_handout_stops_the_build(fixture_project: Path) -> None:
    clash = fixture_project / "docs" / "handouts" / "01-diyi-zhang-student.md"
    clash.parent.mkdir(parents=True)
    clash.write_text("# 手写的讲义\n", "utf-8")
    result = build(fixture_project)
    assert result.returncode != 0
    assert "handouts/01-diyi-zhang-student.md 与自动生成的章节讲义同名" in result.output
    assert "Traceback" not in result.output


def test_lesson_pages_and_handouts_show_options_in_one_order(
    built_site: Path, real_course: CourseWithQuestions
) -> None:
    """The page as built (what a learner without JavaScript sees) and the printed sheet agree,
    so the teacher's letters fit both; and neither keeps the bank's order."""
    first_right = []
    for chapter in real_course.course.chapters:
        sheet = iter(_page(built_site, chapter.folder, "student").find_class("px-handout-q"))
        for lesson in chapter.lessons:
            page = lxml_html.fromstring((built_site / f"{lesson.slug}.html").read_bytes())
            for q in real_course.questions[lesson.slug]:
                block = next(sheet)
                if q.type not in ("single", "multiple"):
                    continue
                printed = [li.text_content()[2:] for li in block.iter("li")]
                (box,) = page.xpath(f'//fieldset[@data-question="{q.id}"]')
                shown = [
                    s.text_content() for s in box.xpath('.//label[@class="px-quiz__option"]/span')
                ]
                assert shown == printed, (lesson.slug, q.id)
                first_right.append(next(o for o in q.options or [] if o.correct).text == shown[0])
    assert 0 < sum(first_right) < 0.4 * len(first_right)  # the banks mostly list it first
