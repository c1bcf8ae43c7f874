"""The built site as a SCORM zip: what goes in, which page each SCO launches, the writing."""

from __future__ import annotations

import os
import re
import zipfile
from html import unescape
from pathlib import Path

from peixun.course.model import Course
from peixun.course.settings import CourseSettings
from peixun.errors import PeixunError
from peixun.scorm.manifest import Chapter, Package, Sco, manifest_xml
from peixun.scorm.table import TABLE_PATH

MANIFEST = "imsmanifest.xml"
SKIPPED_SUFFIXES = (".gz",)
"""Precompressed copies are for web servers that send them as they are; an LMS serves the
files themselves."""


class PackageError(PeixunError):
    """The site cannot be packaged (not built, built from another course, ...)."""


def site_files(site: Path) -> list[str]:
    """Every file of the built site, site-relative with forward slashes, sorted."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and not path.name.endswith(SKIPPED_SUFFIXES) and path.name != MANIFEST
    )


def page_of(site: Path, src_path: str) -> str:
    """The built page of a ``docs/`` Markdown file (``a/b.html``, or ``a/b/index.html`` with
    directory URLs)."""
    stem = src_path.removesuffix(".md")
    for candidate in (f"{stem}.html", f"{stem}/index.html"):
        if (site / candidate).is_file():
            return candidate
    raise PackageError(
        f"网站 {site} 里没有 {src_path} 的页面：网站不是用这份课程构建的，或者构建已过时。"
        "请先运行 python -m mkdocs build 再导出。"
    )


def page_title(site: Path, page: str, fallback: str) -> str:
    """The page's own heading (the ``<title>`` before the site name)."""
    text = (site / page).read_text(encoding="utf-8", errors="replace")
    found = re.search(r"<title>(.*?)</title>", text, re.S)
    title = unescape(found.group(1)).split(" - ")[0].strip() if found else ""
    return title or fallback


def describe(
    site: Path, course: Course, settings: CourseSettings, title: str, namespace: str
) -> Package:
    """The package of this built site: chapters and lessons from the course, files from the site."""
    if not (site / "index.html").is_file():
        raise PackageError(
            f"没有找到已构建的网站：{site}/index.html 不存在。"
            "请先运行 python -m mkdocs build，或用 --site 指明网站所在的文件夹。"
        )
    if not (site / TABLE_PATH).is_file():
        raise PackageError(
            f"网站 {site} 里没有 SCORM 运行时的题表 {TABLE_PATH}：它是用较早的 peixun 构建的。"
            "请用当前版本重新运行 python -m mkdocs build 再导出。"
        )
    chapters = [
        Chapter(
            title=chapter.title,
            key=chapter.folder,
            lessons=[
                Sco(key=lesson.meta.id, title=lesson.title, href=page_of(site, lesson.src_path))
                for lesson in chapter.lessons
            ],
        )
        for chapter in course.chapters
    ]
    exam_page = page_of(site, settings.pages.exam)
    exam = Sco(key="exam", title=page_title(site, exam_page, "综合测评"), href=exam_page)
    return Package(
        title=title,
        identifier=namespace,
        chapters=chapters,
        exam=exam,
        files=site_files(site),
        pass_mark=settings.exam.pass_mark,
    )


def write_zip(site: Path, package: Package, version: str, out: Path) -> None:
    """Write the zip beside ``out`` and move it into place: a failed export leaves no half zip."""
    part = out.with_name(out.name + ".part")
    try:
        with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, manifest_xml(package, version))
            for path in package.files:
                archive.write(site / path, path)
        os.replace(part, out)
    finally:
        if part.is_file():
            part.unlink()
