"""The learner's record (peixun.record): its pages, the course map, the home page's 继续学习."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from peixun.record import coursemap
from peixun.record import pages as record_pages
from peixun.site.bridge import course_of, questions_of, settings_of, url_for

MAP_KEY = "peixun_record_map"
"""Where this build keeps the map's address (on the config: no module state under serve)."""


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add 学习档案 and 支部汇总, then the course map (which links to every page)."""
    settings = settings_of(config)
    for path, content in record_pages.generated_pages(settings).items():
        files.append(File.generated(config, path, content=content))

    def site_url(src_path: str) -> str:
        found = files.get_file_from_path(src_path)
        return found.url if found is not None else src_path

    namespace = settings.storage_namespace(config.site_name)
    data = coursemap.course_map(
        course_of(config), questions_of(config), settings, namespace, config.site_name, site_url
    )
    scripts = coursemap.map_files(data)
    for path, script in scripts.items():
        files.append(
            File.generated(config, path, content=script, inclusion=InclusionLevel.NOT_IN_NAV)
        )
    config[MAP_KEY] = coursemap.map_address(scripts[coursemap.MAP_FILE])
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == "index.md" and "</h1>" in html:
        return html.replace("</h1>", f"</h1>{record_pages.home_html()}", 1)
    if record_pages.MARKER not in html:
        return html
    names = settings_of(config).pages
    if page.file.src_uri == names.record:
        body = record_pages.record_html(course_of(config), url_for(page, files))
    elif page.file.src_uri == names.branch_summary:
        body = record_pages.summary_html()
    else:
        return html
    return html.replace(record_pages.MARKER, str(body))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Every page's <head> names the course map's outline (the same on every page)."""
    address = config.get(MAP_KEY)
    if not address:
        return output
    return output.replace("</head>", f"{coursemap.config_html(address)}</head>", 1)
