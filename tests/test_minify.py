"""The shipped JS and CSS reach the site minified; the package's copies stay readable."""

from __future__ import annotations

from pathlib import Path

from peixun import assets
from peixun.site.minify import minified


def test_own_scripts_and_styles_are_minified_keeping_licence_comments(tmp_path: Path) -> None:
    js = tmp_path / "quiz" / "a.js"
    js.parent.mkdir()
    js.write_text("/*! 许可：MIT */\n// 说明\nfunction add(a, b) {\n  return a + b;\n}\n", "utf-8")
    css = tmp_path / "quiz" / "a.css"
    css.write_text("/* 说明 */\n.px-quiz {\n  margin: 0 auto;\n}\n", "utf-8")
    assert minified(js, tmp_path) == "/*! 许可：MIT */function add(a,b){return a+b;}"
    assert minified(css, tmp_path) == ".px-quiz{margin:0 auto}"


def test_vendored_files_and_licences_are_shipped_as_published() -> None:
    shipped = dict(assets.shipped_files())
    for site_path, source in shipped.items():
        if "/vendor/" in site_path or source.suffix == ".txt":
            assert minified(source, assets.PACKAGE_DIR) is None, site_path


def test_every_own_script_minifies_smaller() -> None:
    for _, source in assets.shipped_files():
        text = minified(source, assets.PACKAGE_DIR)
        if text is not None:
            assert 0 < len(text) < len(source.read_text(encoding="utf-8")), source.name
