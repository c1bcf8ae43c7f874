"""What the pages hand the JS: one element, safe inside <script>, the same in every page."""

from __future__ import annotations

import json
import re

from peixun.quiz.contract import (
    CONFIG_ID,
    config_html,
    page_config,
    script_file_json,
    script_json,
    storage_prefix,
)


def test_json_for_a_script_element_cannot_close_it() -> None:
    evil = {"x": "</script><script>alert(1)</script>&<!--"}
    text = script_json(evil)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == evil


def test_json_for_a_script_file_keeps_markup_and_escapes_line_separators() -> None:
    data = {"h": '<p class="x">A &amp; B</p>', "s": "a\u2028b\u2029c"}
    text = script_file_json(data)
    assert '<p class=\\"x\\">A &amp; B</p>' in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == data


def test_config_element_holds_the_course_prefix() -> None:
    html = str(config_html("ceshi"))
    match = re.fullmatch(rf'<script type="application/json" id="{CONFIG_ID}">(.*)</script>', html)
    assert match is not None
    assert json.loads(match[1]) == page_config("ceshi")
    assert json.loads(match[1])["storage"] == storage_prefix("ceshi") == "peixun:ceshi:v2:"
