"""``python -m peixun handouts --pdf``: one PDF per chapter and edition, Chinese fonts embedded."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from peixun.handouts import command
from peixun.quiz import Question
from tests.handouts.conftest import CourseWithQuestions, PdfRun, run_handouts

EDITIONS = {"student": "学员版", "teacher": "教师版"}
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def _text(pdf: Path) -> list[str]:
    """Each page's text, with the line breaks and spaces of the layout taken out."""
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(pdf).pages]


def _pdf(run: PdfRun, folder: str, edition: str) -> Path:
    return run.site / "handouts" / f"{folder}-{edition}.pdf"


def test_every_chapter_gets_both_pdfs_with_a_progress_line_each(
    pdf_run: PdfRun, real_course: CourseWithQuestions
) -> None:
    assert pdf_run.result.returncode == 0, pdf_run.result.stderr
    chapters = real_course.course.chapters
    lines = [line for line in pdf_run.result.stdout.splitlines() if line.startswith("[")]
    assert len(lines) == 2 * len(chapters)
    for chapter in chapters:
        for edition, name in EDITIONS.items():
            pdf = _pdf(pdf_run, chapter.folder, edition)
            assert pdf.stat().st_size > 10_000
            assert pdf.stat().st_mode & 0o044 == 0o044  # a web server not running as root reads it
            assert any(
                f"handouts/{chapter.folder}-{edition}.pdf：{chapter.title} · 讲义（{name}）" in line
                and re.search(r"\d+ 页，\d+\.\d 秒$", line)
                for line in lines
            )
    assert re.search(r"平均每章 \d+\.\d 秒", pdf_run.result.stdout)
    assert pdf_run.result.stderr == ""  # no warning from WeasyPrint either
    assert not list(pdf_run.site.rglob("*.part"))


def test_pdf_text_is_extractable_chinese_with_title_contents_and_page_numbers(
    pdf_run: PdfRun, real_course: CourseWithQuestions
) -> None:
    for chapter in real_course.course.chapters:
        for edition, name in EDITIONS.items():
            pdf = _pdf(pdf_run, chapter.folder, edition)
            pages = _text(pdf)
            title = re.sub(r"\s+", "", chapter.title)
            assert title in pages[0] and f"讲义（{name}）" in pages[0]
            assert "目录" in pages[0]
            for lesson in chapter.lessons:
                assert re.sub(r"\s+", "", lesson.title) in pages[0]  # in the contents
            for n, text in enumerate(pages, start=1):
                assert f"第{n}页/共{len(pages)}页" in text
                if n > 1:
                    assert title in text  # running header
            meta = PdfReader(pdf).metadata
            assert meta is not None and meta.title == f"{chapter.title} · 讲义（{name}）"
            outline = [item.title for item in PdfReader(pdf).outline if not isinstance(item, list)]
            assert chapter.title in outline


def test_learner_pdf_has_no_answers_and_teacher_pdf_has_them_all(
    pdf_run: PdfRun, real_course: CourseWithQuestions
) -> None:
    for chapter in real_course.course.chapters:
        questions: list[Question] = [
            q for lesson in chapter.lessons for q in real_course.questions[lesson.slug]
        ]
        learner = "".join(_text(_pdf(pdf_run, chapter.folder, "student")))
        teacher = "".join(_text(_pdf(pdf_run, chapter.folder, "teacher")))
        assert "答案与解析" not in learner and "答案与解析" in teacher
        for q in questions:
            explanation = re.sub(r"\s+", "", q.explanation)
            assert explanation not in learner, q.id
            assert explanation in teacher, q.id


def _fonts(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def test_pdfs_embed_the_simplified_chinese_fonts_and_no_other(
    pdf_run: PdfRun, real_course: CourseWithQuestions
) -> None:
    for chapter in real_course.course.chapters:
        for edition in EDITIONS:
            rows = _fonts(_pdf(pdf_run, chapter.folder, edition))
            names = {row[0].split("+", 1)[-1] for row in rows}
            assert "Noto-Serif-CJK-SC" in names and "Noto-Sans-CJK-SC" in names
            assert all(
                re.fullmatch(r"Noto-(Sans|Serif|Sans-Mono)-CJK-SC(-Bold)?", n) for n in names
            )
            # pdffonts columns end with: emb sub uni object-id generation
            assert all(row[-5] == "yes" for row in rows), rows


def test_pdf_lines_never_start_with_closing_punctuation(
    pdf_run: PdfRun, real_course: CourseWithQuestions
) -> None:
    for chapter in real_course.course.chapters:
        for edition in EDITIONS:
            pdf = _pdf(pdf_run, chapter.folder, edition)
            out = subprocess.run(
                ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True
            )
            lines = [line.strip() for line in out.stdout.decode("utf-8").splitlines()]
            lines = [line for line in lines if line]
            assert len(lines) > 100
            assert [line for line in lines if re.match(r"[，。、；：？！”’）》]", line)] == []


def _fresh_site(pdf_run: PdfRun, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(pdf_run.site, site, ignore=shutil.ignore_patterns("*.pdf"))
    return site


def test_without_chinese_fonts_it_stops_with_a_clear_message_and_writes_nothing(
    pdf_run: PdfRun, tmp_path: Path
) -> None:
    site = _fresh_site(pdf_run, tmp_path)
    # A fontconfig that only knows DejaVu: a machine without fonts-noto-cjk.
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><dir>{DEJAVU}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        "utf-8",
    )
    result = run_handouts("--pdf", "--site", str(site), env={"FONTCONFIG_FILE": str(conf)})
    assert result.returncode == 1
    assert "找不到中文字体" in result.stderr
    assert "sudo apt-get install fonts-noto-cjk" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(site.rglob("*.pdf"))


def test_font_check_is_injectable(
    pdf_run: PdfRun, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _fresh_site(pdf_run, tmp_path)
    args = argparse.Namespace(pdf=True, docx=False, site=site, chapter=None)
    assert command.run(args, families=lambda: {"DejaVu Sans", "Noto Sans CJK JP"}) == 1
    assert "没有生成任何 PDF" in capsys.readouterr().err
    assert not list(site.rglob("*.pdf"))


def test_one_chapter_only(pdf_run: PdfRun, tmp_path: Path) -> None:
    site = _fresh_site(pdf_run, tmp_path)
    result = run_handouts("--pdf", "--site", str(site), "--chapter", "01-juese-renzhi")
    assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf")) == [
        "handouts/01-juese-renzhi-student.pdf",
        "handouts/01-juese-renzhi-teacher.pdf",
        # the chapter's 学习记录 sheets come with its handouts (peixun.records)
        *sorted(
            f"records/01-juese-renzhi{lesson}.pdf"
            for lesson in (
                "",
                "/01-diwei-zuoyong",
                "/02-zhengzhi-juese",
                "/03-baizheng-weizhi",
                "/04-duochong-juese",
                "/05-xin-xingshi",
            )
        ),
    ]


def test_no_built_site_gives_a_chinese_hint(tmp_path: Path) -> None:
    result = run_handouts("--pdf", "--site", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "找不到讲义页面" in result.stderr and "python -m mkdocs build" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_page_that_is_not_a_handout_is_named(pdf_run: PdfRun, tmp_path: Path) -> None:
    site = _fresh_site(pdf_run, tmp_path)
    broken = site / "handouts" / "01-juese-renzhi-student.html"
    broken.write_text("<html><body><p>不是讲义</p></body></html>", "utf-8")
    result = run_handouts("--pdf", "--site", str(site))
    assert result.returncode == 1
    assert "01-juese-renzhi-student.html 里没有讲义内容" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(site.rglob("*.pdf"))


def test_without_pdf_it_lists_the_handout_pages(pdf_run: PdfRun) -> None:
    result = run_handouts("--site", str(pdf_run.site))
    assert result.returncode == 0
    assert "handouts/01-juese-renzhi-student.html" in result.stdout
    assert "--pdf" in result.stdout
