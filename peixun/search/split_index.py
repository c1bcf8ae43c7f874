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

Each file is a script calling ``peixunSearchData(kind, key, data, version)`` (the version: a
hash of this build's index, the same in every file): a worker loads it with
``importScripts``, and so does the iframe that stands in for the worker from a folder, where
``fetch`` of local files is blocked. Tokens are Material's: the text outside tags, split by the
configured separator (which splits at jieba's word breaks), lower-cased.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from array import array
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


BREAK = 0xFFFFFFFF  # in a run of term ids: not a neighbour of the next


class _Terms:
    """Counts and postings of every term, gathered document by document, in arrays: at 1,000
    lessons the index has some 150,000 terms and 800,000 postings, at the end of a build that
    still holds every page."""

    def __init__(self, fields: list[str]) -> None:
        self.fields = fields
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []
        self.han: list[bool] = []
        self.postings: list[array[int]] = []  # per term: (field, document, frequency) triples
        self.count = array("I")  # occurrences in titles and texts (Han terms)
        self.entries = array("I")  # documents whose title or text has it (Han terms)
        self.runs = array("I")  # Han terms of two or more characters as they follow each other
        self.han_tokens = 0

    def _id(self, term: str) -> int:
        found = self.ids.get(term)
        if found is None:
            found = self.ids[term] = len(self.terms)
            self.terms.append(term)
            self.han.append(HAN_CHAR.search(term) is not None)
            self.postings.append(array("I"))
            self.count.append(0)
            self.entries.append(0)
        return found

    def add(self, number: int, doc: Document, separator: re.Pattern[str]) -> None:
        seen: set[int] = set()
        for f, field in enumerate(self.fields):
            if field not in doc:
                continue
            ids = [self._id(term) for term in tokens(doc[field], separator)]
            for term, tf in Counter(ids).items():
                self.postings[term].extend((f, number, tf))
            if field in ("title", "text"):
                self._count(ids)
                seen.update(ids)
        for term in seen:
            if self.han[term]:
                self.entries[term] += 1

    def _count(self, ids: list[int]) -> None:
        for term in ids:
            if self.han[term]:
                self.count[term] += 1
                self.han_tokens += 1
                self.runs.append(term if len(self.terms[term]) >= 2 else BREAK)
            else:
                self.runs.append(BREAK)
        self.runs.append(BREAK)

    def splits(self) -> dict[int, list[str]]:
        """Terms that the index also has as neighbouring tokens of two or more characters each
        (吃透两头 and 吃透 / 两头): the most frequent such way of writing each. Single
        characters are left out: jieba splits odd text (a file name) into them."""
        ways: defaultdict[int, Counter[tuple[int, ...]]] = defaultdict(Counter)
        runs, terms, ids = self.runs, self.terms, self.ids
        for i in range(len(runs) - 1):
            first, second = runs[i], runs[i + 1]
            if first == BREAK or second == BREAK:
                continue
            word = terms[first] + terms[second]
            if (whole := ids.get(word)) is not None and self.count[whole]:
                ways[whole][(first, second)] += 1
            if i + 2 < len(runs) and (third := runs[i + 2]) != BREAK:
                word += terms[third]
                if (whole := ids.get(word)) is not None and self.count[whole]:
                    ways[whole][(first, second, third)] += 1
        return {
            word: [terms[piece] for piece in counts.most_common(1)[0][0]]
            for word, counts in ways.items()
        }

    def entry(self, term: int, split: list[str] | None) -> list[Any]:
        """What a shard holds of a term: counts, split, then per field the postings as
        (document number as the difference from the one before, frequency) pairs."""
        per_field: list[list[int]] = [[] for _ in self.fields]
        last = [0] * len(self.fields)
        triples = self.postings[term]
        for i in range(0, len(triples), 3):
            f, doc, tf = triples[i], triples[i + 1], triples[i + 2]
            per_field[f] += (doc - last[f], tf)
            last[f] = doc
        while per_field and not per_field[-1]:
            per_field.pop()
        return [self.count[term], self.entries[term], split or 0, *per_field]

    def size(self) -> int:
        """About how many bytes the shards take (to choose how many there are)."""
        return sum(len(t) * 3 + 12 for t in self.terms) + sum(len(p) * 3 for p in self.postings)


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _script(kind: str, key: int, text: str, version: str) -> str:
    return f'peixunSearchData("{kind}",{key},{text},"{version}");\n'


def write_split(
    site: Path, index: dict[str, Any], additions: dict[str, Any] | None = None
) -> dict[str, int]:
    """Write the split index of Material's ``index`` (as ``search_index.json`` holds it) under
    ``site``, with peixun's ``additions`` (pinyin table, variants) in its meta; return the
    number of files of each kind."""
    config = index["config"]
    separator = re.compile(config["separator"])
    fields = [(name, float(spec.get("boost", 1))) for name, spec in config["fields"].items()]
    pages = pages_of(index["docs"])
    docs = [doc for page in pages for doc in page]
    terms = _Terms([name for name, _ in fields])
    for number, doc in enumerate(docs):
        terms.add(number, doc, separator)
    splits = terms.splits()
    shards = max(1, math.ceil(terms.size() / SHARD_BYTES))
    by_shard: list[list[int]] = [[] for _ in range(shards)]
    for term in sorted(range(len(terms.terms)), key=terms.terms.__getitem__):
        by_shard[ord(terms.terms[term][0]) % shards].append(term)

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
        **(additions or {}),
    }
    # Every file names the build it belongs to: a learner whose page was opened before a rebuild
    # would otherwise combine the old meta with new shards (the worker reloads the meta then).
    meta_text = _json(meta)
    shard_texts = [
        _json({terms.terms[t]: terms.entry(t, splits.get(t)) for t in shard}) for shard in by_shard
    ]
    names = [name for name, _ in fields]
    page_texts = [_json([_row(doc, names) for doc in page]) for page in pages]
    digest = hashlib.blake2b(digest_size=8)
    for text in (meta_text, *shard_texts, *page_texts):
        digest.update(text.encode())
    version = digest.hexdigest()
    (folder / "meta.js").write_text(_script("meta", 0, meta_text, version), encoding="utf-8")
    for k, text in enumerate(shard_texts):
        (folder / "terms" / f"{k}.js").write_text(_script("terms", k, text, version), "utf-8")
    for p, text in enumerate(page_texts):
        (folder / "pages" / f"{p}.js").write_text(_script("pages", p, text, version), "utf-8")
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
    docs: list[Document] = _theme_index(site)["docs"]
    return docs


def search_config(site: Path) -> dict[str, Any]:
    """What a built site's search reads besides the documents (pinyin table, variants,
    separator): the split index's meta, or (under MkDocs-MaterialX) the theme's index config."""
    if (site / FOLDER / "meta.js").is_file():
        meta: dict[str, Any] = _data(site / FOLDER / "meta.js")
        return meta
    config: dict[str, Any] = _theme_index(site)["config"]
    return config


def _theme_index(site: Path) -> dict[str, Any]:
    index: dict[str, Any] = json.loads(
        (site / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    return index


def _data(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    start = text.index(",", text.index(",") + 1) + 1
    return json.loads(text[start : text.rindex(",")])  # the version, a quoted hex, comes last
