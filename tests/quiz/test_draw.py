"""The exam's draw (``peixun/assets/exam/draw.js``), run in node exactly as shipped.

The draw happens in the browser per attempt; these tests give it pools and quotas and check
the paper: its size, no question twice, every quota met, chapters balanced by default.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from typing import Any

import pytest

from peixun.assets import PACKAGE_DIR

DRAW_JS = PACKAGE_DIR / "exam" / "draw.js"

RUNNER = """
const { drawPaper } = require(process.argv[1]);
// mulberry32: a seeded generator, so that a failing case can be run again
const seeded = (a) => () => {
  a |= 0; a = (a + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = cases.map(({ pool, quota, seeds }) => seeds.map((s) =>
  drawPaper(pool, quota, seeded(s)).map((it) => it.id)));
process.stdout.write(JSON.stringify(out));
"""


def pool_of(spec: list[tuple[str, str, int, int]]) -> list[dict[str, Any]]:
    """(chapter, type, level, how many) -> pool items with unique ids."""
    items = []
    for chapter, kind, level, n in spec:
        for i in range(n):
            items.append(
                {
                    "id": f"{chapter}-{kind}-{level}-{i}",
                    "chapter": chapter,
                    "type": kind,
                    "level": level,
                }
            )
    return items


def quota(size: int, **named: dict[str, int]) -> dict[str, Any]:
    return {
        "size": size,
        "chapters": named.get("chapters", {}),
        "types": named.get("types", {}),
        "difficulty": named.get("difficulty", {}),
    }


def draw(
    pool: list[dict[str, Any]], q: dict[str, Any], seeds: int = 30
) -> list[list[dict[str, Any]]]:
    """Papers drawn with seeds 1..seeds, each as the pool items it holds."""
    if shutil.which("node") is None:
        pytest.fail("抽题测试需要 node（Debian：apt-get install nodejs）")
    case = [{"pool": pool, "quota": q, "seeds": list(range(1, seeds + 1))}]
    result = subprocess.run(
        ["node", "-e", RUNNER, str(DRAW_JS)],
        input=json.dumps(case),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    by_id = {item["id"]: item for item in pool}
    papers: list[list[str]] = json.loads(result.stdout)[0]
    for ids in papers:
        assert len(ids) == len(set(ids)), "a question drawn twice"
    return [[by_id[i] for i in ids] for ids in papers]


def counts(paper: list[dict[str, Any]], field: str) -> Counter[str]:
    return Counter(str(item[field]) for item in paper)


def test_default_draw_is_balanced_across_chapters_and_varies() -> None:
    pool = pool_of([("a", "single", 0, 10), ("b", "single", 0, 10), ("c", "fill", 0, 10)])
    papers = draw(pool, quota(10))
    for paper in papers:
        assert len(paper) == 10
        per = counts(paper, "chapter")
        assert set(per) == {"a", "b", "c"}
        assert max(per.values()) - min(per.values()) <= 1
    assert len({tuple(sorted(i["id"] for i in p)) for p in papers}) > 1  # not the same paper


def test_a_short_chapter_gives_all_it_has_and_the_others_fill_the_rest() -> None:
    pool = pool_of([("a", "single", 0, 1), ("b", "single", 0, 10), ("c", "single", 0, 10)])
    for paper in draw(pool, quota(9)):
        assert counts(paper, "chapter") == {"a": 1, "b": 4, "c": 4}


def test_a_size_beyond_the_pool_gives_every_question_once() -> None:
    pool = pool_of([("a", "single", 1, 3), ("b", "order", 2, 2)])
    for paper in draw(pool, quota(20), seeds=5):
        assert sorted(i["id"] for i in paper) == sorted(i["id"] for i in pool)


def test_named_chapters_get_their_quota_and_zero_means_none() -> None:
    pool = pool_of([("a", "single", 0, 5), ("b", "single", 0, 10), ("c", "single", 0, 10)])
    for paper in draw(pool, quota(8, chapters={"a": 5, "c": 0})):
        assert counts(paper, "chapter") == {"a": 5, "b": 3}


def test_type_quotas_are_met_exactly() -> None:
    pool = pool_of(
        [
            ("a", "single", 0, 6),
            ("a", "truefalse", 0, 2),
            ("b", "fill", 0, 6),
            ("b", "single", 0, 2),
        ]
    )
    for paper in draw(pool, quota(6, types={"single": 2, "truefalse": 2})):
        per = counts(paper, "type")
        assert per["single"] == 2
        assert per["truefalse"] == 2
        assert per["fill"] == 2
        assert counts(paper, "chapter") == {"a": 3, "b": 3}


def test_chapter_type_and_difficulty_quotas_together_on_a_tight_pool() -> None:
    # The only hard question is a fill-in of chapter b; both fill-ins must come, from a and b.
    pool = pool_of(
        [
            ("a", "fill", 1, 1),
            ("a", "single", 1, 5),
            ("b", "fill", 3, 1),
            ("b", "single", 2, 5),
            ("c", "truefalse", 2, 5),
        ]
    )
    q = quota(6, chapters={"a": 2, "b": 2}, types={"fill": 2}, difficulty={"3": 1})
    for paper in draw(pool, q, seeds=50):
        assert counts(paper, "chapter") == {"a": 2, "b": 2, "c": 2}
        assert counts(paper, "type")["fill"] == 2
        assert counts(paper, "level")["3"] == 1


def test_questions_without_difficulty_never_count_for_a_named_level() -> None:
    pool = pool_of([("a", "single", 0, 6), ("a", "single", 1, 2)])
    for paper in draw(pool, quota(4, difficulty={"1": 2})):
        assert counts(paper, "level") == {"1": 2, "0": 2}


def test_an_empty_pool_gives_an_empty_paper() -> None:
    assert draw([], quota(5), seeds=1) == [[]]
