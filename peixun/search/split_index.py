"""The search index split into files that peixun's search worker loads as a query needs them.

Material's worker is handed the whole index (every section's text: 450 KB for this course,
10 MB at 1,000 lessons) and builds a lunr index from it each time a learner opens search:
about a second on a phone before the first result. The build already knows everything that
index holds, so it writes it out ready to use, in pieces (``assets/peixun/search/worker.js``
reads them, ``query.js`` rewrites the query with them):

* ``meta.js``: what every query needs: each document's page and boost, the fields and their
  boosts, the separator, the Han ranges, the pinyin table and the glossary's variants;
* ``terms/K.js``: the terms whose first character falls in shard ``K`` (its code point modulo
  the number of shards): for each, how often the index has it, in how many documents, the
  pieces it is also written as (吃透两头 beside 吃透“两头”), and its postings per field. A
  query loads the shards of its own characters only;
* ``pages/P.js``: the documents of page ``P`` (location, title, text), loaded for the pages
  a query shows.

Each file is a script calling ``peixunSearchData(kind, key, data)``: a worker loads it with
``importScripts``, and so does the iframe that stands in for the worker from a folder, where
``fetch`` of local files is blocked. Tokens are Material's: the text outside tags, split by the
configured separator (which splits at jieba's word breaks), lower-cased.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from peixun.text.hanzi import HAN, HAN_RANGES

FOLDER = Path("search") / "peixun"
"""Where the files go, under the site (beside Material's index)."""
SHARD_BYTES = 32_000
"""About how large a shard of terms may be: a query loads a few, one per distinct character."""
MAX_PIECES = 3
"""Longest run of neighbouring tokens looked at as another way of writing a term."""
TAG = re.compile(r"<[^>]*>")
HAN_CHAR = re.compile(f"[{HAN}]")

Document = dict[str, Any]


def tokens(value: object, separator: re.Pattern[str]) -> list[str]:
    """The tokens of one field's value (a string, or a list of them for tags)."""
    values = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in values:
        text = TAG.sub(" ", str(item))
        found += [token.lower() for token in separator.split(text) if token]
    return found


def pages_of(docs: list[Document]) -> list[list[Document]]:
    """The documents grouped by page (the address before ``#``), pages in the order they first
    appear; a page's first document is its article, as Material takes it."""
    grouped: dict[str, list[Document]] = {}
    for doc in docs:
        grouped.setdefault(str(doc["location"]).partition("#")[0], []).append(doc)
    return list(grouped.values())


class _Terms:
    """Counts and postings of every term, gathered document by document."""

    def __init__(self, fields: list[str]) -> None:
        self.fields = fields
        self.postings: dict[str, list[list[int]]] = {}
        self.count: Counter[str] = Counter()  # occurrences in titles and texts (Han terms)
        self.entries: Counter[str] = Counter()  # documents whose title or text has it
        self.sequences: list[list[str]] = []  # runs of neighbouring Han tokens
        self.han_tokens = 0

    def add(self, number: int, doc: Document, separator: re.Pattern[str]) -> None:
        seen: set[str] = set()
        for f, field in enumerate(self.fields):
            if field not in doc:
                continue
            found = tokens(doc[field], separator)
            for term, tf in Counter(found).items():
                self.postings.setdefault(term, [[] for _ in self.fields])[f] += [number, tf]
            if field in ("title", "text"):
                self._count(found, seen)
        self.entries.update(t for t in seen if HAN_CHAR.search(t))

    def _count(self, found: list[str], seen: set[str]) -> None:
        run: list[str] = []
        for token in found:
            if HAN_CHAR.search(token):
                self.count[token] += 1
                self.han_tokens += 1
                run.append(token)
            else:
                if len(run) > 1:
                    self.sequences.append(run)
                run = []
        if len(run) > 1:
            self.sequences.append(run)
        seen.update(found)

    def splits(self) -> dict[str, list[str]]:
        """Terms that the index also has as neighbouring tokens of two or more characters each
        (吃透两头 and 吃透 / 两头): the most frequent such way of writing each. Single
        characters are left out: jieba splits odd text (a file name) into them."""
        ways: defaultdict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
        for run in self.sequences:
            for i in range(len(run) - 1):
                for k in range(2, MAX_PIECES + 1):
                    pieces = tuple(run[i : i + k])
                    if len(pieces) < k:
                        break
                    word = "".join(pieces)
                    if min(map(len, pieces)) >= 2 and word in self.count:
                        ways[word][pieces] += 1
        return {word: list(counts.most_common(1)[0][0]) for word, counts in ways.items()}


def _delta(postings: list[int]) -> list[int]:
    """Document numbers as differences from the one before (smaller numbers to write)."""
    out = list(postings)
    for i in range(len(out) - 2, 1, -2):
        out[i] -= out[i - 2]
    return out


def _script(kind: str, key: int, data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'peixunSearchData("{kind}",{key},{text});\n'


def write_split(site: Path, index: dict[str, Any]) -> dict[str, int]:
    """Write the split index of Material's ``index`` (as ``search_index.json`` holds it, with
    peixun's config additions) under ``site``; return the number of files of each kind."""
    config = index["config"]
    separator = re.compile(config["separator"])
    fields = [(name, float(spec.get("boost", 1))) for name, spec in config["fields"].items()]
    pages = pages_of(index["docs"])
    docs = [doc for page in pages for doc in page]
    terms = _Terms([name for name, _ in fields])
    for number, doc in enumerate(docs):
        terms.add(number, doc, separator)
    splits = terms.splits()

    entries: dict[str, list[Any]] = {}
    for term, postings in terms.postings.items():
        while postings and not postings[-1]:
            postings = postings[:-1]
        entry: list[Any] = [terms.count[term], terms.entries[term], splits.get(term, 0)]
        entries[term] = entry + [_delta(p) for p in postings]
    size = sum(len(t) * 3 + len(json.dumps(e)) for t, e in entries.items())
    shards = max(1, math.ceil(size / SHARD_BYTES))
    by_shard: list[dict[str, list[Any]]] = [{} for _ in range(shards)]
    for term in sorted(entries):
        by_shard[ord(term[0]) % shards][term] = entries[term]

    folder = site / FOLDER
    for kind in ("terms", "pages"):
        (folder / kind).mkdir(parents=True, exist_ok=True)
        for old in (folder / kind).glob("*.js"):  # a smaller course after a larger one
            old.unlink()
    meta = {
        "fields": fields,
        "separator": config["separator"],
        "han": [[ord(first), ord(last)] for first, last in HAN_RANGES],
        "shards": shards,
        "total": terms.han_tokens,
        "pages": [len(page) for page in pages],
        "boosts": [doc.get("boost", 1) for doc in docs],
        **{key: value for key, value in config.items() if key.startswith("peixun_")},
    }
    (folder / "meta.js").write_text(_script("meta", 0, meta), encoding="utf-8")
    for k, shard in enumerate(by_shard):
        (folder / "terms" / f"{k}.js").write_text(_script("terms", k, shard), encoding="utf-8")
    for p, page in enumerate(pages):
        rows = [_row(doc, [name for name, _ in fields]) for doc in page]
        (folder / "pages" / f"{p}.js").write_text(_script("pages", p, rows), encoding="utf-8")
    return {"terms": shards, "pages": len(pages)}


def _row(doc: Document, fields: Iterable[str]) -> list[Any]:
    """A document as a page file holds it: its location, then its fields in order."""
    row: list[Any] = [doc["location"]] + [doc.get(name, "") for name in fields]
    while len(row) > 3 and row[-1] == "":
        row.pop()
    return row


def read_split(site: Path) -> list[Document]:
    """The documents of the split index under ``site`` (for tests and the benchmark)."""
    meta = _data(site / FOLDER / "meta.js")
    fields = [name for name, _ in meta["fields"]]
    docs: list[Document] = []
    for p in range(len(meta["pages"])):
        for row in _data(site / FOLDER / "pages" / f"{p}.js"):
            docs.append({"location": row[0], **dict(zip(fields, row[1:], strict=False))})
    for doc, boost in zip(docs, meta["boosts"], strict=True):
        if boost != 1:
            doc["boost"] = boost
    return docs


def indexed_documents(site: Path) -> list[Document]:
    """The documents a built site's search has: the split index's, or (where the theme's own
    worker searches, under MkDocs-MaterialX) those of Material's index file."""
    if (site / FOLDER / "meta.js").is_file():
        return read_split(site)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs: list[Document] = index["docs"]
    return docs


def _data(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",", text.index(",") + 1) + 1 : text.rindex(")")])
