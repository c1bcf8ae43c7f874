"""The run-time files shipped in the package (quiz, search, styles, polyfill, template
overrides) reach the site."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from peixun import assets
from peixun.site.bridge import settings_of
from peixun.site.hooks.drafts import serving
from peixun.site.minify import minified
from peixun.site.precompress import precompress

TEMPLATES = Path(__file__).parent.parent / "templates"
"""Template overrides of Material's, after a course's own ``custom_dir`` (which wins)."""


@event_priority(100)  # before Material's offline plugin looks for an iframe-worker polyfill
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
    shipped_css = [assets.site_path(name) for name in assets.STYLESHEETS]
    config.extra_css = [*shipped_css, *config.extra_css]
    scripts = [ExtraScriptValue(assets.site_path(name)) for name in assets.SCRIPTS]
    config.extra_javascript = [*scripts, *config.extra_javascript]
    polyfills = list(config.extra.get("polyfills") or [])
    config.extra["polyfills"] = [*(assets.site_path(p) for p in assets.POLYFILLS), *polyfills]
    return config


def standalone(page: Page | None) -> bool:
    """A page shown on its own, without the site's sidebars: handouts, 演示 and 学习记录 sheets.

    Their templates skip the course nav (it would only be hidden), and they are left out of
    ``sitemap.xml``, which Material's instant navigation downloads on every first visit: a link
    to one of them loads the page afresh, as a full-screen or printed view should.
    """
    hide = (page.meta.get("hide") or []) if page is not None else []
    return "navigation" in hide and "toc" in hide


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.tests["peixun_standalone"] = standalone  # {% if page is peixun_standalone %}
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for site_path, source in assets.shipped_files():
        if files.get_file_from_path(site_path) is not None:
            raise PluginError(
                f"{config.docs_dir}/{site_path} 与 peixun 自带的文件同名。"
                f"{assets.SITE_FOLDER}/ 由 peixun 提供，请把课程自己的文件放在别处。"
            )
        # Minified as they are shipped (peixun.site.minify); the package keeps them readable.
        text = minified(source, assets.PACKAGE_DIR)
        if text is not None:
            file = File.generated(
                config, site_path, content=text, inclusion=InclusionLevel.NOT_IN_NAV
            )
        else:
            file = File.generated(
                config, site_path, abs_src_path=str(source), inclusion=InclusionLevel.NOT_IN_NAV
            )
        files.append(file)
    return files


def page_tags(html: str, page_url: str) -> Markup:
    """The ``<head>`` tags of the files only this page uses (``assets.PAGE_ASSETS``).

    In ``<head>`` because Material's instant navigation brings the next page's ``<head>``
    elements (stylesheets load; scripts do not run: exam/loader.js runs those marked
    ``data-px-on-demand``). ``defer``: after every page's scripts, before DOMContentLoaded.
    """
    scripts, styles = assets.page_assets(html)

    def url(name: str) -> str:
        return get_relative_url(assets.site_path(name), page_url)

    tags = [Markup('<link rel="stylesheet" href="{}">').format(url(name)) for name in styles]
    tags += [
        Markup('<script defer src="{}" data-px-on-demand></script>').format(url(name))
        for name in scripts
    ]
    return Markup("").join(tags)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    tags = page_tags(output, page.url)
    return output.replace("</head>", f"{tags}</head>", 1) if tags else output


@event_priority(-100)  # last: after the search index is compacted and the offline plugin ran
def on_post_build(config: MkDocsConfig) -> None:
    # mkdocs serve's own server sends no .gz: an editor's save would wait for them for nothing.
    if settings_of(config).precompress and not serving():
        precompress(Path(config.site_dir))
