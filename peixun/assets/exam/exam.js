/* 考试（综合测评、本章测验）：抽题、答题卡、交卷、限时、成绩、逐题回看、历次成绩。
   页面只给框架（peixun/quiz/exam_page.py）；题目按章用 window.peixun.loadQuestions 载入。
   判分与显示用 quiz.js 的同一套规则（window.peixun.quiz）。记录：_exam:paper:<考试 id>（未交的卷、
   最近交的卷），_exam:attempt:<考试 id>:<开始时刻>（每次成绩）。键与事件见 contract.py。 */
(() => {
  "use strict";
  const TYPES = ["single", "multiple", "truefalse", "fill", "order"]; // 试卷按题型排列
  const MILESTONES = [10, 5, 1]; // 剩余分钟：读屏软件只在这些时刻播报，不逐秒
  const px = () => window.peixun;
  const $$ = (root, sel) => Array.from(root.querySelectorAll(sel));

  const view = () => px().examView; // result.js
  const el = (...args) => view().el(...args);

  const keyOf = (item) => `${item.l}:${item.q}`;
  const clock = (ms) => {
    const s = Math.max(0, Math.ceil(ms / 1000));
    return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  };
  const duration = (seconds) => view().duration(seconds);

  function setup(root) {
    const id = root.dataset.exam;
    const kind = root.dataset.kind;
    const chapters = JSON.parse(root.dataset.chapters);
    const quota = JSON.parse(root.dataset.quota);
    const passMark = Number(root.dataset.pass);
    const minutes = Number(root.dataset.minutes);
    const store = px().store;
    const prefix = px().settings().storage;
    const paperKey = `${prefix}_exam:paper:${id}`;
    const part = (name) => root.querySelector(`[data-part="${name}"]`);
    const status = root.querySelector("[data-status]");
    const say = (text) => { status.textContent = text; };
    const listAttempts = () => view().listAttempts(part("attempts"), store, prefix, id);
    let paper = null; // 当前的卷（同存储里的一样）
    let timer = null;

    $$(root, ".px-quiz__nojs").forEach((p) => { p.hidden = true; });
    const total = Math.min(quota.size, chapters.reduce((n, c) => n + c.cells.reduce((m, x) => m + x[2], 0), 0));
    root.querySelector("[data-rules]").textContent = `本卷 ${total} 题，满分 100 分，${passMark} 分及格；` +
      (minutes ? `限时 ${minutes} 分钟，时间到自动交卷。` : "不限时。") +
      "答完后一次交卷；未交的卷保存在本机，离开或刷新页面后可接着答。";

    const save = () => { paper.t = Date.now(); store.set(paperKey, paper); };

    /* ---------- 抽题 ---------- */
    function draw() {
      const pool = chapters.flatMap((c) => c.cells.flatMap(([type, level, n]) =>
        Array.from({ length: n }, () => ({ chapter: c.id, type, level }))));
      const picked = px().drawPaper(pool, quota);
      const needed = chapters.filter((c) => picked.some((p) => p.chapter === c.id));
      return px().loadQuestions(needed).then((data) => {
        const cells = new Map(); // 章、题型、难度 → 打乱的题
        Object.entries(data).forEach(([chapter, items]) => items.forEach((item) => {
          const cell = `${chapter}|${item.t}|${item.d}`;
          if (!cells.has(cell)) cells.set(cell, []);
          cells.get(cell).push(item);
        }));
        cells.forEach((list) => px().shuffle(list, Math.random));
        const items = picked.map((p) => cells.get(`${p.chapter}|${p.type}|${p.level}`).pop());
        items.sort((a, b) => TYPES.indexOf(a.t) - TYPES.indexOf(b.t));
        const now = Date.now();
        paper = { t: now, start: now, limit: minutes * 60000, items: items.map((it) => [it.chapter, it.l, it.q]), answers: {} };
        save();
        return items;
      });
    }

    /* 卷上的题（保存的卷里列出的），按卷上的顺序；课程改过、找不到的题略去 */
    function paperItems() {
      const needed = chapters.filter((c) => paper.items.some(([chapter]) => chapter === c.id));
      return px().loadQuestions(needed).then((data) => {
        const found = new Map(Object.values(data).flat().map((it) => [keyOf(it), it]));
        return paper.items.map(([, l, q]) => found.get(`${l}:${q}`)).filter(Boolean);
      });
    }

    /* ---------- 答卷 ---------- */
    const questions = () => $$(part("paper"), ".px-quiz__q");
    const answeredKey = (q) => `${q.dataset.lesson}:${q.dataset.question}`;

    function render(items) {
      const box = part("paper");
      box.textContent = "";
      removePractice();
      const bar = el("div", { class: "px-exam__bar" });
      if (paper.limit) bar.append(el("p", { class: "px-exam__timer", role: "timer", "data-timer": "" }));
      bar.append(el("p", { class: "px-exam__count", "data-count": "" }));
      // 答题卡不随页面滚动（题多时会挡住题目）；常驻的一行里有回到答题卡的链接
      const back = el("a", { href: `#px-sheet-${id}`, class: "px-exam__to-sheet" }, "回到答题卡");
      bar.append(back);
      const sheet = el("nav", { class: "px-exam__sheet", id: `px-sheet-${id}`, tabindex: "-1",
        "data-answer-sheet": "", "aria-label": "答题卡" });
      sheet.append(el("h2", { class: "px-exam__heading" }, "答题卡"));
      const list = el("ol", { class: "px-exam__cells" });
      sheet.append(list);
      const body = el("div", { class: "px-exam__questions" });
      items.forEach((item, i) => {
        const q = item.node();
        q.dataset.chapterId = item.chapter; // 各章得分按章文件夹计
        q.querySelector(".px-quiz__no").textContent = String(i + 1);
        q.querySelector(".px-quiz__actions").hidden = true; // 一次交卷，没有逐题提交
        px().quiz.prepare(q);
        const r = paper.answers[keyOf(item)];
        if (r) px().quiz.apply(q, r);
        body.append(q);
        const li = el("li");
        li.append(el("a", { href: `#${q.id}`, "data-state": "unanswered", "data-for": q.id }, String(i + 1)));
        list.append(li);
      });
      const actions = el("p", { class: "px-exam__actions" });
      actions.append(el("button", { type: "button", class: "md-button md-button--primary", "data-action": "submit" }, "交卷"));
      box.append(bar, sheet, body, actions, el("p", { class: "px-sr-only", "aria-live": "polite", "data-announce": "" }));
      questions().forEach(mark);
      box.hidden = false;
    }

    /* 答题卡上的一格与计数：排序题动过才算答了（原样的顺序也是一种“答案”，但不是学员给的） */
    function mark(q) {
      const done = Object.prototype.hasOwnProperty.call(paper.answers, answeredKey(q));
      const cell = part("paper").querySelector(`[data-for="${q.id}"]`);
      const no = cell.textContent;
      cell.dataset.state = done ? "answered" : "unanswered";
      cell.setAttribute("aria-label", `第 ${no} 题，${done ? "已答" : "未答"}`);
      const count = Object.keys(paper.answers).length;
      part("paper").querySelector("[data-count]").textContent = `已答 ${count} / ${questions().length} 题`;
    }

    function changed(q, moved) {
      if (!q || root.dataset.state !== "answering") return;
      const r = px().quiz.response(q);
      const key = answeredKey(q);
      if (q.dataset.type === "order" ? moved || paper.answers[key] : px().quiz.answered(q, r)) paper.answers[key] = r;
      else delete paper.answers[key];
      save();
      mark(q);
    }

    function bind() {
      const box = part("paper");
      box.addEventListener("change", (e) => changed(e.target.closest(".px-quiz__q")));
      box.addEventListener("input", (e) => changed(e.target.closest(".px-quiz__q")));
      box.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && e.target.matches("input[type=text]")) e.preventDefault();
        if (px().quiz.arrowKey(e)) changed(e.target.closest(".px-quiz__q"), true);
      });
      box.addEventListener("click", (e) => {
        const b = e.target.closest("button");
        const jump = e.target.closest("a[data-for]");
        if (jump) {
          e.preventDefault();
          const q = document.getElementById(jump.dataset.for);
          q.scrollIntoView({ block: "start" });
          const first = q.querySelector("input, li[data-item]");
          if (first) first.focus({ preventScroll: true });
        } else if (e.target.closest(".px-exam__to-sheet")) {
          e.preventDefault();
          const sheet = part("paper").querySelector("[data-answer-sheet]");
          sheet.scrollIntoView({ block: "start" });
          sheet.focus({ preventScroll: true });
        } else if (b && b.dataset.move) {
          px().quiz.move(b);
          changed(b.closest(".px-quiz__q"), true);
        } else if (b && b.dataset.action === "submit") submit(false);
      });
      // 锁定（交卷后）的选项仍可聚焦阅读，点击不改答案
      box.addEventListener("click", (e) => {
        const input = e.target.closest("input[aria-disabled=true]");
        if (input && input.type !== "text") e.preventDefault();
      }, true);
    }

    /* ---------- 限时 ---------- */
    function startTimer() {
      const shown = part("paper").querySelector("[data-timer]");
      if (!shown) return;
      const told = new Set();
      const tick = () => {
        if (!root.isConnected) { clearInterval(timer); return; } // 换了页面（即时导航）
        const left = paper.start + paper.limit - Date.now();
        shown.textContent = `剩余时间 ${clock(left)}`;
        shown.classList.toggle("px-exam__timer--low", left <= 60000);
        const m = Math.ceil(left / 60000);
        MILESTONES.forEach((n) => {
          if (m <= n && !told.has(n) && left > 0) {
            told.add(n);
            if (paper.limit > n * 60000) part("paper").querySelector("[data-announce]").textContent = `还剩 ${n} 分钟。`;
          }
        });
        if (left <= 0) submit(true);
      };
      timer = setInterval(tick, 1000);
      tick();
    }

    /* ---------- 交卷与成绩 ---------- */
    function submit(timeUp) {
      if (root.dataset.state !== "answering") return;
      const blanks = questions().length - Object.keys(paper.answers).length;
      if (!timeUp && blanks > 0 &&
        !window.confirm(`还有 ${blanks} 题未答，未答的题不得分。确定交卷吗？`)) return;
      clearInterval(timer);
      const now = Date.now();
      const end = paper.limit ? Math.min(now, paper.start + paper.limit) : now;
      paper.submitted = now;
      paper.seconds = Math.round((end - paper.start) / 1000);
      const outcome = grade(true);
      store.set(`${prefix}_exam:attempt:${id}:${paper.start}`, {
        t: now, score: outcome.score, passed: outcome.passed, seconds: paper.seconds,
        chapters: outcome.chapters, total: outcome.total, right: outcome.right,
      });
      save();
      finish(outcome, timeUp ? "时间到，已自动交卷。" : "已交卷。");
      document.dispatchEvent(new CustomEvent("peixun:exam-submitted", {
        detail: { exam: id, score: outcome.score, passed: outcome.passed, seconds: paper.seconds },
      }));
    }

    /* 逐题判分并显示答案与解析；record 时把每题的作答存为各课的答题记录（学习进度、错题本用） */
    function grade(record) {
      const chapterScores = {};
      let right = 0;
      const all = questions();
      all.forEach((q) => {
        const r = paper.answers[answeredKey(q)];
        const ok = Boolean(r) && px().quiz.isCorrect(q, r);
        px().quiz.show(q, r || [], ok);
        if (!r) q.querySelector(".px-quiz__yours").textContent = "你的答案：未作答";
        right += ok ? 1 : 0;
        const chapter = q.dataset.chapterId;
        const score = chapterScores[chapter] || (chapterScores[chapter] = { right: 0, total: 0 });
        score.total += 1;
        score.right += ok ? 1 : 0;
        if (record && r) {
          store.set(`${prefix}${q.dataset.lesson}:${q.dataset.question}`,
            { s: ok ? "correct" : "incorrect", r, t: Date.now(), f: q.dataset.fp });
          document.dispatchEvent(new CustomEvent("peixun:answered", {
            detail: { lesson: q.dataset.lesson, question: q.dataset.question, correct: ok, quiz: "exam" },
          }));
        }
        const cell = part("paper").querySelector(`[data-for="${q.id}"]`);
        cell.dataset.result = ok ? "correct" : "incorrect";
        cell.setAttribute("aria-label", `第 ${cell.textContent} 题，${ok ? "答对" : r ? "答错" : "未答"}`);
      });
      const score = all.length ? Math.round((100 * right) / all.length) : 0;
      return { score, passed: score >= passMark, chapters: chapterScores, total: all.length, right };
    }

    function finish(outcome, note) {
      root.dataset.state = "submitted";
      const actions = part("paper").querySelector(".px-exam__actions");
      if (actions) actions.hidden = true;
      const timerEl = part("paper").querySelector("[data-timer]");
      if (timerEl) timerEl.textContent = `用时 ${duration(paper.seconds)}`;
      view().showResult(part("result"), outcome, { passMark, seconds: paper.seconds, chapters, kind });
      listAttempts();
      part("intro").hidden = true;
      say(note);
    }

    /* ---------- 逐题练习（本章测验） ---------- */
    function removePractice() {
      const old = root.querySelector("[data-part=practice]");
      if (old) old.remove();
    }

    function practice() {
      clearInterval(timer);
      part("paper").hidden = true;
      part("paper").textContent = "";
      part("result").hidden = true;
      delete root.dataset.state;
      part("intro").hidden = false;
      say("正在载入题目……");
      return px().loadQuestions(chapters).then((data) => {
        removePractice();
        const quiz = el("section", { class: "px-quiz", "data-quiz": "chapter", "data-part": "practice" });
        quiz.append(el("p", { class: "px-quiz__score", hidden: "" }));
        let n = 0;
        chapters.forEach((c) => (data[c.id] || []).forEach((item) => {
          const q = item.node();
          n += 1;
          q.querySelector(".px-quiz__no").textContent = String(n);
          quiz.append(q);
        }));
        root.append(quiz);
        say("");
        px().initQuizzes();
      });
    }

    /* ---------- 开始 ---------- */
    function begin(items, note) {
      root.dataset.state = "answering";
      part("intro").hidden = true;
      part("result").hidden = true;
      render(items);
      startTimer();
      say(note);
    }

    function start() {
      say("正在抽题……");
      draw().then((items) => {
        begin(items, `已抽好 ${items.length} 题，开始作答。`);
        const first = part("paper").querySelector(".px-quiz__q input, .px-quiz__q li[data-item]");
        if (first) first.focus();
      }).catch(failed);
    }

    function failed(e) {
      console.error(e);
      say(`题目载入失败：${e.message}。请刷新页面后再试。`);
    }

    root.addEventListener("click", (e) => {
      const b = e.target.closest("button[data-action]");
      if (!b) return;
      if (b.dataset.action === "start" || b.dataset.action === "again") {
        store.remove(paperKey);
        start();
      } else if (b.dataset.action === "practice") practice().catch(failed);
    });
    bind();
    listAttempts();

    paper = store.load(paperKey);
    const whole = paper && Array.isArray(paper.items) && paper.answers && typeof paper.start === "number";
    if (!whole) paper = null;
    if (paper && paper.submitted) { // 最近交的卷：成绩与逐题回看，直到开始下一次
      paperItems().then((items) => {
        render(items);
        finish(grade(false), "这是最近一次交卷的答卷。");
      }).catch(failed);
    } else if (paper) {
      paperItems().then((items) => begin(items, "接着上次未交的卷作答。")).catch(failed);
    } else {
      part("intro").hidden = false;
      if (kind === "chapter") practice().catch(failed);
    }
  }

  function init() {
    $$(document, "[data-exam]:not([data-ready])").forEach((root) => {
      root.dataset.ready = "";
      try { setup(root); } catch (e) { console.error("考试初始化失败", e); }
    });
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
