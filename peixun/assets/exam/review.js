/* 错题本：间隔重复（FSRS，随站点提供的 ts-fsrs，用时才载入）。
   每道答错的题有一张卡片 _review:<课 id>:<题 id> = {t, due, ...ts-fsrs 的卡片字段, streak}
   （contract.py）。答错：新卡片，立即到期；已有卡片则按“忘了”重排。到期后答对：按“记得”重排，
   连续答对 px-config 里 review.leave 次就移出错题本。未到期时答对不算复习（提前做的不改安排）。 */
(() => {
  "use strict";
  const px = () => window.peixun;
  const $$ = (root, sel) => Array.from(root.querySelectorAll(sel));
  const CARD = "_review:";
  // 不加随机扰动、不设短期步骤：间隔以天计，同一答题记录总得出同一安排
  const PARAMS = { enable_fuzz: false, learning_steps: [], relearning_steps: [] };
  let scheduler = null;

  function fsrs() {
    if (scheduler) return Promise.resolve(scheduler);
    return px().loadScript(px().shipped("vendor/ts-fsrs.umd.js")).then(() => {
      scheduler = window.FSRS.fsrs(window.FSRS.generatorParameters(PARAMS));
      return scheduler;
    });
  }

  const prefix = () => px().settings().storage;
  const cardKey = (lesson, question) => `${prefix()}${CARD}${lesson}:${question}`;
  const leave = () => (px().settings().review || {}).leave || 3;

  /* 存储里的卡片（时间为毫秒数）与 ts-fsrs 的卡片（时间为 Date）互换 */
  function toCard(rec) {
    const card = Object.assign({}, rec, { due: new Date(rec.due) });
    delete card.t;
    delete card.streak;
    if (rec.last_review) card.last_review = new Date(rec.last_review); else delete card.last_review;
    return card;
  }
  function toRecord(card, streak, now) {
    const rec = Object.assign({}, card, { t: now, due: +card.due, streak });
    rec.last_review = card.last_review ? +card.last_review : null;
    return rec;
  }

  /* 新卡片：与 ts-fsrs 的 createEmptyCard(now) 相同（state 0 即 New）。不等算法库载入就写下，
     答错后马上离开页面也不丢 */
  const emptyCard = (now) => ({ t: now, due: now, stability: 0, difficulty: 0, elapsed_days: 0,
    scheduled_days: 0, reps: 0, lapses: 0, learning_steps: 0, state: 0, last_review: null, streak: 0 });

  /* 一次作答（quiz.js 与考试交卷时的 peixun:answered）改卡片 */
  function answered(detail) {
    const key = cardKey(detail.lesson, detail.question);
    const rec = px().store.load(key);
    const now = Date.now();
    if (detail.correct && !(rec && rec.due <= now)) return Promise.resolve();
    if (!rec) {
      px().store.set(key, emptyCard(now));
      return Promise.resolve();
    }
    return fsrs().then((f) => {
      const F = window.FSRS;
      const rating = detail.correct ? F.Rating.Good : F.Rating.Again;
      const next = f.next(toCard(rec), new Date(now), rating).card;
      const streak = detail.correct ? (rec.streak || 0) + 1 : 0;
      if (streak >= leave()) px().store.remove(key);
      else px().store.set(key, toRecord(next, streak, now));
    });
  }
  document.addEventListener("peixun:answered", (e) => {
    answered(e.detail).then(() => document.dispatchEvent(new CustomEvent("peixun:reviewed", { detail: e.detail })))
      .catch((err) => console.error("错题本记录失败", err));
  });

  /* 本课程全部卡片：[{lesson, question, due, key}] */
  function cards() {
    return px().store.keys().filter((k) => k.startsWith(CARD)).map((k) => {
      const [lesson, question] = k.slice(CARD.length).split(":");
      const rec = px().store.load(prefix() + k);
      return rec && typeof rec.due === "number" ? { lesson, question, due: rec.due } : null;
    }).filter(Boolean);
  }

  /* 此前的版本没有卡片，只记“最近一次答错”：这些题补一张立即到期的卡片，一题不丢 */
  function migrate() {
    const missing = px().store.keys().filter((k) => !k.startsWith("_")).filter((k) => {
      const rec = px().store.read(prefix() + k);
      const [lesson, question] = k.split(":");
      return rec && rec.s === "incorrect" && !px().store.load(cardKey(lesson, question));
    });
    missing.forEach((k) => {
      const [lesson, question] = k.split(":");
      px().store.set(cardKey(lesson, question), emptyCard(Date.now()));
    });
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  const day = (ms) => new Date(ms).toLocaleDateString("zh-CN", { month: "long", day: "numeric" });

  function setup(root) {
    const chapters = JSON.parse(root.dataset.chapters);
    const part = (name) => root.querySelector(`[data-part="${name}"]`);
    const summary = root.querySelector("[data-summary]");
    $$(root, ".px-quiz__nojs").forEach((p) => { p.hidden = true; });

    /* 卡片所在各章的题目：lesson:question → 题目项 */
    function questionsOf(list) {
      const lessons = new Set(list.map((c) => c.lesson));
      const needed = chapters.filter((c) => c.lessons.some((l) => lessons.has(l)));
      return px().loadQuestions(needed).then((data) => new Map(Object.values(data).flat()
        .map((it) => [`${it.l}:${it.q}`, it])));
    }

    function show(all) {
      const now = Date.now();
      const every = cards();
      const due = every.filter((c) => c.due <= now);
      const later = every.filter((c) => c.due > now).sort((a, b) => a.due - b.due);
      const list = all ? every : due;
      root.querySelector(".px-quiz__empty").hidden = every.length > 0;
      part("actions").hidden = every.length === 0;
      summary.textContent = !every.length ? "" :
        (all ? `全部重做：共 ${every.length} 题。` :
          due.length ? `今日复习 ${due.length} 题。` : "今天没有到复习时间的错题。") +
        (!all && later.length ? `另有 ${later.length} 题未到复习时间，最近一题在${day(later[0].due)}。` : "");
      return questionsOf(list).then((found) => {
        const old = part("quiz");
        if (old) old.remove();
        const quiz = el("section", { class: "px-quiz", "data-quiz": "review", "data-part": "quiz" });
        quiz.append(el("p", { class: "px-quiz__score", hidden: "" }));
        let n = 0;
        list.forEach((c) => {
          const item = found.get(`${c.lesson}:${c.question}`);
          if (!item) return; // 课程改过，这道题已不在了
          const q = item.node();
          n += 1;
          q.querySelector(".px-quiz__no").textContent = String(n);
          quiz.append(q);
        });
        part("list").append(quiz);
        px().initQuizzes();
        return found;
      });
    }

    /* 打印：全部错题的题干、选项、答案与解析 */
    function print() {
      const every = cards();
      return questionsOf(every).then((found) => {
        const out = part("print");
        out.textContent = "";
        every.forEach((c) => {
          const item = found.get(`${c.lesson}:${c.question}`);
          if (!item) return;
          const q = item.node();
          const li = el("li", { class: "px-review__item" });
          li.append(el("p", { class: "px-review__stem" }, q.querySelector(".px-quiz__stem").textContent));
          const options = $$(q, ".px-quiz__option span, .px-quiz__item").map((s) => s.textContent);
          if (options.length) {
            const ul = el("ul");
            options.forEach((t) => ul.append(el("li", {}, t)));
            li.append(ul);
          }
          const origin = q.querySelector(".px-quiz__origin");
          if (origin) li.append(origin);
          li.append(q.querySelector(".px-quiz__solution"));
          out.append(li);
        });
        window.print();
      });
    }

    root.addEventListener("click", (e) => {
      const b = e.target.closest("button[data-action]");
      if (!b) return;
      if (b.dataset.action === "all") show(true).catch(failed);
      else if (b.dataset.action === "print") print().catch(failed);
    });
    const failed = (err) => {
      console.error(err);
      summary.textContent = `题目载入失败：${err.message}。请刷新页面后再试。`;
    };
    migrate();
    show(false).catch(failed);
  }

  function init() {
    $$(document, "[data-review]:not([data-ready])").forEach((root) => {
      root.dataset.ready = "";
      try { setup(root); } catch (e) { console.error("错题本初始化失败", e); }
    });
    // 算法库（72 KB）只在用得上的页面先载好，答题时就能同步记下：错题本、测评，以及已有卡片的题
    // 所在的课文页（新卡片不用算法库，见 emptyCard）
    const carded = () => $$(document, "[data-quiz] [data-question]").some((q) =>
      px().store.load(cardKey(q.dataset.lesson, q.dataset.question)));
    if (document.querySelector("[data-exam], [data-review]") || carded()) fsrs().catch(() => {});
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
