"""Handout PDFs from the built handout pages, with WeasyPrint.

The PDF takes the handout itself out of the built page (not the site around it) and sets it
with the site's print stylesheet plus ``pdf.css``, which names the Chinese fonts everywhere.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from peixun.assets import PRINT_CSS as PRINT_CSS_NAME
from peixun.assets import site_path
from peixun.errors import PeixunError
from peixun.handouts.editions import EDITIONS, HANDOUT_FOLDER, handout_title, parse_stem

PRINT_CSS = Path(site_path(PRINT_CSS_NAME))  # in the built site
HANDOUT_CLASS = "px-handout"


class HandoutPageError(PeixunError):
    """A built page that is not a handout as the build makes it (message in Chinese)."""


@dataclass(frozen=True)
class Handout:
    """A built handout page, ready to be set as a PDF."""

    page: Path
    course: str
    chapter: str
    edition: str
    html: str  # a standalone HTML document holding only the handout

    @property
    def title(self) -> str:
        return handout_title(self.chapter, self.edition)


def handout_pages(site: Path, chapter: str | None = None) -> list[Path]:
    """The built handout pages of ``site`` (or of one chapter), learner edition first."""
    folder = site / HANDOUT_FOLDER
    found = []
    for page in folder.glob("*.html") if folder.is_dir() else []:
        parsed = parse_stem(page.stem)
        if parsed and chapter in (None, parsed[0]):
            found.append((parsed[0], EDITIONS.index(parsed[1]), page))
    return [page for *_, page in sorted(found)]


def page_part(page: Path, css_class: str, what: str) -> Any:
    """The element of a built page that a PDF is made of (the one with ``css_class``)."""
    from lxml import html as lxml_html  # the optional [pdf] extra: only when PDFs are made

    found = lxml_html.fromstring(page.read_bytes()).find_class(css_class)
    if not found:
        raise HandoutPageError(
            f"{page} 里没有{what}（找不到 class=“{css_class}”）。"
            "请用 python -m mkdocs build 重新构建网站后再生成 PDF。"
        )
    return found[0]


def standalone_document(title: str, course: str, part: Any, stylesheet: str | None = None) -> str:
    """``part`` of a built page as a document of its own, for WeasyPrint."""
    from lxml import html as lxml_html

    link = Markup('<link rel="stylesheet" href="{}">').format(stylesheet) if stylesheet else ""
    return str(
        Markup(
            '<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8">'
            '<title>{title}</title><meta name="author" content="{course}">{link}</head>'
            '<body><article class="md-typeset">{body}</article></body></html>'
        ).format(
            title=title,
            course=course,
            link=link,
            body=Markup(lxml_html.tostring(part, encoding="unicode")),
        )
    )


def read_handout(page: Path) -> Handout:
    """Take the handout out of a built page; links leaving it are kept as plain text."""
    handout = page_part(page, HANDOUT_CLASS, "讲义内容")
    for link in handout.iter("a"):
        href = link.get("href", "")
        if not href.startswith("#"):
            # A PDF is passed around on its own: a link into the site would lead nowhere.
            link.attrib.pop("href", None)
    course = handout.get("data-course", "")
    chapter = handout.get("data-chapter", "")
    edition = handout.get("data-edition", "")
    document = standalone_document(handout_title(chapter, edition), course, handout)
    return Handout(page, course, chapter, edition, document)


class PdfWriter:
    """Writes handout PDFs for one built site, sharing fonts and stylesheets between them."""

    def __init__(self, site: Path) -> None:
        # WeasyPrint is slow to import: only when PDFs are written.
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration
        from weasyprint.urls import URLFetcher

        print_css = site / PRINT_CSS
        if not print_css.is_file():
            raise HandoutPageError(
                f"{print_css} 不存在：网站不完整。请用 python -m mkdocs build 重新构建。"
            )
        self.site = site
        self.fonts = FontConfiguration()
        # Files and inline data only: a handout never loads anything from the network.
        self.fetcher = URLFetcher(allowed_protocols={"file", "data"})
        pdf_css = resources.files("peixun.handouts").joinpath("pdf.css").read_text("utf-8")
        self.stylesheets = [
            CSS(filename=str(print_css), font_config=self.fonts, url_fetcher=self.fetcher),
            CSS(string=pdf_css, font_config=self.fonts, url_fetcher=self.fetcher),
        ]

    def write(self, handout: Handout, target: Path) -> int:
        """Write ``target`` (whole or not at all) and return its number of pages."""
        from weasyprint import HTML

        document = HTML(
            string=handout.html, base_url=handout.page.resolve().as_uri(), url_fetcher=self.fetcher
        ).render(stylesheets=self.stylesheets, font_config=self.fonts)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(suffix=".pdf.part", dir=target.parent)
        os.close(handle)
        os.chmod(partial, 0o644)  # mkstemp's 0600 would make a web server answer 403
        try:
            document.write_pdf(partial)
            os.replace(partial, target)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
        return len(document.pages)
