"""What the hooks share (peixun.site.bridge)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from peixun.site.bridge import written_file


def _config(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict(
        {
            "site_name": "测试",
            "docs_dir": str(tmp_path / "docs"),
            "site_dir": str(tmp_path / "site"),
        }
    )
    errors, _ = config.validate()
    assert not errors
    config.plugins._current_plugin = "peixun"  # as while a hook runs
    return config


def test_a_written_file_is_in_the_site_at_once_and_not_held(tmp_path: Path) -> None:
    config = _config(tmp_path)
    file = written_file(config, "assets/peixun/questions/01-a.js", "var x = '<p>题</p>';\n")
    target = tmp_path / "site" / "assets" / "peixun" / "questions" / "01-a.js"
    assert target.read_text(encoding="utf-8") == "var x = '<p>题</p>';\n"
    assert file.generated_by == "peixun" and file.abs_src_path == file.abs_dest_path
    file.copy_file()  # what MkDocs does with it: leaves it as it is
    assert target.read_text(encoding="utf-8") == "var x = '<p>题</p>';\n"
    assert file.content_string == "var x = '<p>题</p>';\n"  # read from the site when asked
