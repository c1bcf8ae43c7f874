/* 抽题（每次考试一卷）：按课程设置的配额（peixun/course/settings.py 的 extra.peixun.exam）
   从题目池里抽，不重复。浏览器里是 window.peixun.drawPaper；node 里 require 它来测试。

   pool:  [{chapter, type, level, ...}]（level：难度 1–3，0 为未标）
   quota: {size, chapters: {章: 题数}, types: {题型: 题数}, difficulty: {"1": 题数}}
          未列出的章均分其余题数（各章相差不超过一题，除非某章的题不够）；
          未列出的题型、难度不限，只要合计对得上。
   random: 返回 [0, 1) 的函数（测试时给固定种子的）。
   返回抽中的项（pool 里的原对象），顺序随机。配额无法同时满足时，多试几次后给出最接近的一卷。 */
(function (root) {
  "use strict";
  const TRIES = 200;

  function shuffle(list, random) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }

  const countBy = (items, field) => items.reduce((m, it) => {
    m.set(String(it[field]), (m.get(String(it[field])) || 0) + 1);
    return m;
  }, new Map());

  const sum = (obj) => Object.values(obj || {}).reduce((a, b) => a + b, 0);

  /* 各章要抽几题：列出的章按配额，其余的章轮流各取一题，直到凑满 */
  function chapterTargets(pool, quota, size, random) {
    const held = countBy(pool, "chapter");
    const named = quota.chapters || {};
    const target = new Map();
    held.forEach((n, c) => target.set(c, c in named ? Math.min(named[c], n) : 0));
    let rest = size - Array.from(target.values()).reduce((a, b) => a + b, 0);
    const others = shuffle(Array.from(held.keys()).filter((c) => !(c in named)), random);
    let grew = true;
    while (rest > 0 && grew) {
      grew = false;
      for (const c of others) {
        if (rest > 0 && target.get(c) < held.get(c)) {
          target.set(c, target.get(c) + 1);
          rest -= 1;
          grew = true;
        }
      }
    }
    return target;
  }

  /* 一个维度（题型或难度）的余量：列出的项按配额，未列出的项合计用“其余”一份 */
  function budget(named, size) {
    const left = new Map(Object.entries(named || {}).map(([k, n]) => [String(k), n]));
    return { left, other: size - sum(named) };
  }
  const has = (b, key) => (b.left.has(key) ? b.left.get(key) > 0 : b.other > 0);
  const take = (b, key) => { if (b.left.has(key)) b.left.set(key, b.left.get(key) - 1); else b.other -= 1; };

  function attempt(pool, quota, size, random) {
    const chapters = chapterTargets(pool, quota, size, random);
    const types = budget(quota.types, size);
    const levels = budget(quota.difficulty, size);
    const items = shuffle(pool.slice(), random);
    // 先抽受配额约束的题（题型、难度都列出的，再是只列出一项的），最后是不受约束的
    const rank = (it) => (types.left.has(String(it.type)) ? 0 : 1) + (levels.left.has(String(it.level)) ? 0 : 1);
    items.sort((a, b) => rank(a) - rank(b));
    const picked = [];
    for (const it of items) {
      const c = String(it.chapter);
      const t = String(it.type);
      const l = String(it.level);
      if (picked.length < size && chapters.get(c) > 0 && has(types, t) && has(levels, l)) {
        picked.push(it);
        chapters.set(c, chapters.get(c) - 1);
        take(types, t);
        take(levels, l);
      }
    }
    return picked;
  }

  function drawPaper(pool, quota, random) {
    const rnd = random || Math.random;
    const size = Math.max(0, Math.min(quota.size, pool.length));
    // 各章能凑出的题数（章配额用尽、其余的章又不够时，可能少于 size）
    const reach = Array.from(chapterTargets(pool, quota, size, rnd).values()).reduce((a, b) => a + b, 0);
    let best = [];
    for (let i = 0; i < TRIES && best.length < reach; i++) {
      const paper = attempt(pool, quota, size, rnd);
      if (paper.length > best.length) best = paper;
    }
    return shuffle(best, rnd);
  }

  const api = { drawPaper, shuffle };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.peixun = Object.assign(root.peixun || {}, api);
})(typeof window !== "undefined" ? window : this);
