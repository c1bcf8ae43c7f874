"""peixun's search worker (``peixun/assets/search/worker.js``) on a split index, run in node as
shipped, beside Material's own worker on the same documents: same results, same scores."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import material
import pytest

from peixun.assets import PACKAGE_DIR
from peixun.search.split_index import write_split

MATERIAL_WORKERS = Path(material.__file__).parent / "templates/assets/javascripts/workers"

# Runs a worker script in a context of its own, as a browser would: importScripts resolves
# against the script's address; SETUP first, then each query after the answer to the last.
RUNNER = """
const fs = require("fs"), vm = require("vm")
const job = JSON.parse(fs.readFileSync(0, "utf8"))
const replies = []
let listener = null, waiting = null
const context = {
  console, URL, Set, Map, Promise, setTimeout,
  location: { href: job.script },
  importScripts: (...urls) => {
    for (const url of urls) vm.runInContext(fs.readFileSync(new URL(url, job.script), "utf8"), context)
  },
  addEventListener: (type, fn) => { listener = fn },
  postMessage: (message) => { replies.push(message); if (waiting) waiting() },
}
context.self = context
vm.createContext(context)
vm.runInContext(fs.readFileSync(new URL(job.script), "utf8"), context)
const until = (done) => new Promise((resolve) => {
  waiting = () => { if (done()) resolve(replies[replies.length - 1]) }
  waiting()
})
const ask = (message) => {
  const before = replies.length
  listener({ data: message })
  return until(() => replies.length > before)
}
;(async () => {
  const out = []
  listener({ data: { type: 0, data: job.setup } })
  await until(() => replies.some((reply) => reply.type === 1)) // READY, before or after SETUP
  // the site rebuilt while the worker runs: another build's index in its place
  if (job.swap) fs.cpSync(job.swap, job.index, { recursive: true, force: true })
  for (const query of job.queries) out.push((await ask({ type: 2, data: query })).data)
  process.stdout.write(JSON.stringify(out))
})()
"""

SEPARATOR = '[\\s\\u200b\\u3000\\-_,:!=\\[\\]()"`/，。、；：？！“”‘’（）《》【】「」『』〈〉…—·～]+'
CONFIG = {
    "lang": ["zh"],
    "separator": SEPARATOR,
    "pipeline": ["stemmer"],
    "fields": {"title": {"boost": 10}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
}


def _words(text: str) -> str:
    """Text as Material's index holds it: jieba's words joined by U+200B."""
    return "\u200b".join(text.split())


DOCS: list[dict[str, Any]] = [
    {"location": "a.html", "title": _words("组织 生活"), "text": "", "boost": 0.4},
    {
        "location": "a.html#sanhui",
        "title": _words("落实 三会一课"),
        "text": "<p>"
        + _words("支部 要 认真 落实 “ 三会一课 ” 制度 。")
        + "</p>"
        + "<p>"
        + _words("党员 按时 参加 组织 生活 。")
        + "</p>",
    },
    {
        "location": "a.html#liangtou",
        "title": _words("吃透 “ 两头 ”"),
        "text": "<p>" + _words("既 要 吃透 上头 ， 又 要 吃透 下头 。") + "</p>",
    },
    {"location": "b.html", "title": _words("工作 方法"), "text": "", "boost": 0.4},
    {
        "location": "b.html#fangfa",
        "title": _words("吃透两头 的 方法"),
        # 三会一课 twice: the BM25 weight of a term depends on k1 only where it repeats
        "text": "<p>"
        + _words("支部书记 要 吃透两头 ， 做好 三会一课 的 准备 ， 开好 三会一课 。")
        + "</p>",
    },
    {
        "location": "b.html#minzhu",
        "title": _words("民主集中制"),
        "text": "<ul><li>" + _words("坚持 民主集中制 。") + "</li></ul>",
    },
]


def _run(
    script: Path, setup: dict[str, Any], queries: list[str], swap: Path | None = None
) -> list[dict[str, Any]]:
    if shutil.which("node") is None:
        pytest.fail("搜索 worker 的测试需要 node（Debian：apt-get install nodejs）")
    job: dict[str, Any] = {"script": script.as_uri(), "setup": setup, "queries": queries}
    if swap is not None:  # after READY, copy this split index over the site's
        job |= {"swap": str(swap), "index": str(script.parents[3] / "search" / "peixun")}
    done = subprocess.run(
        ["node", "-e", RUNNER], input=json.dumps(job), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    answers: list[dict[str, Any]] = json.loads(done.stdout)
    return answers


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site folder with the worker and the scripts it loads where the build puts them, and the split
    index of DOCS (with a pinyin table and a glossary variant) beside."""
    root = tmp_path_factory.mktemp("site")
    scripts = root / "assets" / "peixun" / "search"
    scripts.mkdir(parents=True)
    for name in ("worker.js", "query.js", "highlight.js"):
        shutil.copy(PACKAGE_DIR / "search" / name, scripts / name)
    additions = {
        "peixun_pinyin": [["三会一课", "san hui yi ke"]],
        "peixun_variants": [["民主集中", "民主集中制"]],
    }
    write_split(root, {"config": CONFIG, "docs": DOCS}, additions)
    return root


def _ours(site: Path, queries: list[str], swap: Path | None = None) -> list[dict[str, Any]]:
    setup = {"config": CONFIG, "docs": [], "options": {"suggest": True}}
    return _run(site / "assets/peixun/search/worker.js", setup, queries, swap)


def _material(queries: list[str]) -> list[dict[str, Any]]:
    (script,) = MATERIAL_WORKERS.glob("search.*.min.js")
    setup = {"config": CONFIG, "docs": DOCS, "options": {"suggest": True}}
    return _run(script, setup, queries)


def _scores(result: dict[str, Any]) -> dict[str, float]:
    return {
        item["location"]: round(item["score"], 6) for group in result["items"] for item in group
    }


def test_results_and_scores_are_those_of_materials_worker(site: Path) -> None:
    # Our worker rewrites the query itself; Material's gets the same query in lunr's syntax,
    # as search-zh.js writes it: 三会一课 is the last word (open), 落实 counts fully.
    ours = _ours(site, ["三会一课", "落实 三会一课"])
    theirs = _material(["三\\会\\一\\课*^3", "落\\实^3 三\\会\\一\\课*^3"])
    for mine, material_result in zip(ours, theirs, strict=True):
        assert _scores(mine) == _scores(material_result)
        assert [[i["location"] for i in g] for g in mine["items"]] == [
            [i["location"] for i in g] for g in material_result["items"]
        ]
        assert mine["suggest"] == material_result["suggest"]
    best = ours[0]["items"][0][0]
    assert best["location"] == "a.html#sanhui"
    assert best["terms"] == {"三会一课": True}
    assert "<mark>三会一课</mark>" in best["title"]
    # The text shows the paragraph with the word, not the one without.
    assert "<mark>三会一课</mark>" in best["text"] and "按时" not in best["text"]


def test_pinyin_half_words_variants_and_split_terms_find_their_sections(site: Path) -> None:
    pinyin, initials, half, variant, split = _ours(
        site, ["sanhuiyike", "shyk", "民主", "民主集中", "吃透两头"]
    )
    for result in (pinyin, initials):
        assert result["items"][0][0]["location"] == "a.html#sanhui"
    assert half["items"][0][0]["location"] == "b.html#minzhu"  # 民主 is the start of 民主集中制
    assert variant["items"][0][0]["location"] == "b.html#minzhu"
    # 吃透两头 is also written 吃透“两头”: both sections are found.
    found = {item["location"] for group in split["items"] for item in group if item["score"] > 0}
    assert {"a.html#liangtou", "b.html#fangfa"} <= found


def test_each_page_heads_its_group_and_unknown_words_find_nothing(site: Path) -> None:
    (result, nothing) = _ours(site, ["支部", "选举"])
    for group in result["items"]:
        pages = {item["location"].partition("#")[0] for item in group}
        assert len(pages) == 1
        assert any("#" not in item["location"] for item in group)  # the page itself, to head it
    assert nothing["items"] == []


def test_split_index_files_are_scripts_a_worker_can_load(site: Path) -> None:
    folder = site / "search" / "peixun"
    meta = (folder / "meta.js").read_text(encoding="utf-8")
    assert meta.startswith('peixunSearchData("meta",0,{')
    assert sorted(p.name for p in (folder / "pages").glob("*.js")) == ["0.js", "1.js"]
    assert "三会一课" in "".join(p.read_text("utf-8") for p in (folder / "terms").glob("*.js"))


def test_a_rebuild_while_the_worker_runs_gives_the_new_builds_answers(
    site: Path, tmp_path: Path
) -> None:
    # The learner opened search, then the site was rebuilt with a new section (its entries
    # numbered differently): the worker must not mix the old meta with the new parts.
    shutil.copytree(site, tmp_path / "site")
    added = {"location": "a.html#xuanju", "title": _words("换届 选举"), "text": ""}
    rebuilt = tmp_path / "rebuilt"
    write_split(rebuilt, {"config": CONFIG, "docs": [DOCS[0], added, *DOCS[1:]]})
    (later, added_one) = _ours(
        tmp_path / "site", ["民主集中制", "选举"], rebuilt / "search" / "peixun"
    )
    # b.html's entries come one later in the new build: the old meta would place them wrong
    assert later["items"][0][0]["location"] == "b.html#minzhu"
    assert added_one["items"][0][0]["location"] == "a.html#xuanju"
    assert "<mark>选举</mark>" in added_one["items"][0][0]["title"]
