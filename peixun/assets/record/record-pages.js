/* 学习进度的图表与学习时间、学习档案、支部汇总（peixun/record/pages.py、progress.py 写出页面骨架）。
   所有数值都从记录算出，用 textContent 填入；同一套统计既用于本机记录，也用于导入的文件。 */
(() => {
  "use strict";
  const R = () => window.peixun.record;
  const $$ = (root, sel) => Array.from(root.querySelectorAll(sel));
  const pct = (n, d) => (d ? Math.round((100 * n) / d) : 0);
  const cell = (tr, text) => { tr.insertCell().textContent = text; };

  /* 一位学员的全部统计：各章各课的状态、学习时间、测评记录、答错的题 */
  function summarize(map, source) {
    const chapters = map.chapters.map((chapter) => {
      const lessons = chapter.lessons.map((lesson) => ({ lesson, st: R().lessonState(lesson, source) }));
      const sum = (f) => lessons.reduce((n, x) => n + f(x.st), 0);
      return {
        chapter, lessons, finished: sum((s) => (s.finished ? 1 : 0)), right: sum((s) => s.right),
        answered: sum((s) => s.answered), questions: sum((s) => s.total),
      };
    });
    const flat = chapters.flatMap((c) => c.lessons);
    const readMinutes = flat.reduce((n, x) => n + (x.st.read ? x.lesson.minutes : 0), 0);
    const quizSeconds = source.keys().filter((k) => k.startsWith("_quiztime:"))
      .reduce((n, k) => n + (Number((source.get(k) || {}).seconds) || 0), 0);
    const attempts = source.keys().filter((k) => k.startsWith("_exam:attempt:")).map((k) => {
      const v = source.get(k) || {};
      const parts = k.split(":");
      return { exam: parts[2], start: Number(parts[3]) || Number(v.t) || 0, score: Number(v.score),
        passed: v.passed === true, seconds: Number(v.seconds) || 0 };
    }).filter((a) => Number.isFinite(a.score)).sort((a, b) => a.start - b.start);
    const learner = source.get("_profile:learner") || {};
    return {
      chapters, lessons: flat.length, read: flat.filter((x) => x.st.read).length,
      done: flat.filter((x) => x.st.done).length, quizzed: flat.filter((x) => x.st.total).length,
      finished: flat.filter((x) => x.st.finished).length,
      right: flat.reduce((n, x) => n + x.st.right, 0), questions: flat.reduce((n, x) => n + x.st.total, 0),
      readMinutes, quizMinutes: Math.round(quizSeconds / 60), attempts,
      name: typeof learner.name === "string" ? learner.name : "",
      branch: typeof learner.branch === "string" ? learner.branch : "",
    };
  }

  function duration(minutes) {
    const h = Math.floor(minutes / 60);
    return h ? `${h} 小时 ${minutes % 60} 分钟` : `${minutes} 分钟`;
  }

  const hoursText = (s) => `约 ${duration(s.readMinutes + s.quizMinutes)}` +
    `（读完的课文按阅读时间计 ${s.readMinutes} 分钟，测验页面上 ${s.quizMinutes} 分钟）`;

  function examName(map, id) {
    const chapter = map.chapters.find((c) => c.id === id);
    return chapter ? `本章测验：${chapter.title}` : "综合测评";
  }

  const dateText = (ms) => new Date(ms).toLocaleString("zh-CN", { hour12: false });

  /* 学习进度：各章完成与得分的条形图（数值写成文字），学习时间 */
  function fillChart(root, map) {
    const s = summarize(map, R().localSource);
    s.chapters.forEach((c) => {
      const row = $$(root, "li[data-chapter]").find((li) => li.dataset.chapter === c.chapter.id);
      if (!row) return;
      const done = pct(c.finished, c.lessons.length);
      const score = pct(c.right, c.questions);
      row.querySelector('[data-fill="done"]').style.width = `${done}%`;
      row.querySelector('[data-fill="score"]').style.width = `${score}%`;
      row.querySelector('[data-value="done"]').textContent =
        `${c.finished} / ${c.lessons.length} 课（${done}%）`;
      row.querySelector('[data-value="score"]').textContent = c.questions ?
        `${score} 分（已答 ${c.answered} / ${c.questions} 题，答对 ${c.right} 题）` : "本章没有自测题";
    });
    root.querySelector("[data-px-hours]").textContent = hoursText(s);
  }

  /* 学习档案 */
  function fillDossier(root, map) {
    const s = summarize(map, R().localSource);
    const fact = (name, text) => { root.querySelector(`[data-fact="${name}"]`).textContent = text; };
    fact("name", s.name || "（未填写）");
    fact("branch", s.branch || "（未填写）");
    fact("date", new Date().toLocaleDateString("zh-CN"));
    fact("lessons", `共 ${s.lessons} 课，读完 ${s.read} 课，完成自测 ${s.done} / ${s.quizzed} 课，` +
      `读完并做完自测 ${s.finished} 课`);
    fact("hours", hoursText(s));
    s.chapters.forEach((c) => {
      const table = $$(root, "table[data-chapter]").find((t) => t.dataset.chapter === c.chapter.id);
      if (!table) return;
      table.querySelector('[data-cell="chapter"]').textContent =
        `（完成 ${c.finished} / ${c.lessons.length} 课）`;
      c.lessons.forEach(({ lesson, st }) => {
        const tr = $$(table, "tr[data-lesson]").find((r) => r.dataset.lesson === lesson.id);
        if (!tr) return;
        tr.querySelector('[data-cell="state"]').textContent = st.done ? "自测已完成" : R().stateText(st);
        tr.querySelector('[data-cell="score"]').textContent = !st.total ? "（无自测）" :
          st.done ? `${st.score} 分` : `已答 ${st.answered} / ${st.total} 题`;
      });
    });
    const body = root.querySelector("[data-px-attempts] tbody");
    body.textContent = "";
    s.attempts.forEach((a) => {
      const tr = body.insertRow();
      [dateText(a.start), examName(map, a.exam), `${Math.round(a.score)} 分`, a.passed ? "及格" : "不及格",
        duration(Math.round(a.seconds / 60))].forEach((t) => cell(tr, t));
    });
    root.querySelector("[data-px-attempts]").hidden = s.attempts.length === 0;
    root.querySelector("[data-px-no-attempts]").hidden = s.attempts.length > 0;
  }

  function setupLearner(root, map) {
    const form = root.querySelector("[data-px-learner]");
    const saved = form.querySelector("[data-px-saved]");
    const key = window.peixun.settings().storage + "_profile:learner";
    const current = window.peixun.store.load(key);
    ["name", "branch"].forEach((name) => {
      const input = form.elements.namedItem(name);
      input.value = R().isObject(current) && typeof current[name] === "string" ? current[name] : "";
    });
    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("input", () => {
      const value = { t: Date.now() };
      ["name", "branch"].forEach((n) => { value[n] = form.elements.namedItem(n).value.trim(); });
      window.peixun.store.set(key, value);
      saved.textContent = "已保存在本机。";
      fillDossier(root, map);
    });
  }

  /* 支部汇总：几位学员的文件，每个坏文件各有一句说明，其余照常统计 */
  function fillSummary(root, map, people) {
    const body = root.querySelector("[data-px-people] tbody");
    body.textContent = "";
    people.forEach(({ name, s }) => {
      const tr = body.insertRow();
      const best = s.attempts.filter((a) => !map.chapters.some((c) => c.id === a.exam)); // 综合测评
      const top = best.length ? Math.max(...best.map((a) => a.score)) : null;
      [s.name || name, s.branch || "–", `${s.read} / ${s.lessons} 课`, `${s.done} / ${s.quizzed} 课`,
        `${s.right} / ${s.questions} 题`,
        top === null ? "未参加" : `最好 ${Math.round(top)} 分，共 ${best.length} 次` +
          (best.some((a) => a.passed) ? "，已及格" : "，未及格"),
        duration(s.readMinutes + s.quizMinutes)].forEach((t) => cell(tr, t));
    });
    const chapters = root.querySelector("[data-px-chapters] tbody");
    chapters.textContent = "";
    map.chapters.forEach((chapter, i) => {
      const tr = chapters.insertRow();
      const n = people.filter(({ s }) => s.chapters[i].finished === chapter.lessons.length).length;
      [chapter.title, `${n} / ${people.length} 人`].forEach((t) => cell(tr, t));
    });
    const counts = [];
    R().allLessons(map).forEach(({ lesson }) => lesson.q.forEach((qid, n) => {
      const wrong = people.filter(({ s }) => s.chapters.some((c) => c.lessons.some((x) =>
        x.lesson === lesson && x.st.wrong.includes(qid)))).length;
      if (wrong) counts.push({ lesson, qid, n, wrong });
    }));
    counts.sort((a, b) => b.wrong - a.wrong);
    const list = root.querySelector("[data-px-wrong]");
    list.textContent = "";
    counts.slice(0, 10).forEach(({ lesson, qid, n, wrong }) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = `${R().pageUrl(lesson.url)}#${lesson.anchor}${qid}`;
      a.textContent = `${lesson.title} · 第 ${n + 1} 题`;
      li.append(a, document.createTextNode(`：${wrong} 人答错`));
      list.append(li);
    });
    root.querySelector("[data-px-no-wrong]").hidden = counts.length > 0;
    root.querySelector("[data-px-summary-result]").hidden = people.length === 0;
  }

  function setupSummary(root, map) {
    const status = root.querySelector("[data-px-file-status]");
    const take = (files) => {
      status.textContent = "";
      Promise.all(Array.from(files).map((f) => R().exchange.read(f, map).then((r) => ({ f, r }))))
        .then((results) => {
          const people = [];
          results.forEach(({ f, r }) => {
            const li = document.createElement("li");
            li.dataset.result = r.error ? "error" : "ok";
            if (r.error) li.textContent = `${f.name}：${r.error}这个文件没有计入汇总。`;
            else {
              const s = summarize(map, R().fileSource(r.file.records));
              people.push({ name: f.name.replace(/\.json$/i, ""), s });
              li.textContent = `${f.name}：已读入（${s.name || "未填姓名"}）。`;
            }
            status.append(li);
          });
          fillSummary(root, map, people);
        });
    };
    root.querySelector("[data-px-files]").addEventListener("change", (e) => take(e.target.files));
    const drop = root.querySelector("[data-px-drop]");
    drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.dataset.over = ""; });
    drop.addEventListener("dragleave", () => { delete drop.dataset.over; });
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      delete drop.dataset.over;
      if (e.dataTransfer && e.dataTransfer.files.length) take(e.dataTransfer.files);
    });
  }

  function setup(map) {
    const once = (sel, f) => $$(document, `${sel}:not([data-ready])`).forEach((root) => {
      root.dataset.ready = "";
      $$(root, ".px-quiz__nojs").forEach((p) => { p.hidden = true; });
      $$(root, '[data-px-action="print"]').forEach((b) => b.addEventListener("click", () => window.print()));
      f(root, map);
    });
    once("[data-px-chart]", fillChart);
    once("[data-px-dossier]", (root) => { setupLearner(root, map); fillDossier(root, map); });
    once("[data-px-summary]", setupSummary);
  }

  // 各页用到课的标题、时长、题目的锚点：完整的地图（record-ready 带的可能只是每页都用的那份）
  document.addEventListener("peixun:record-ready", () => R().courseMap().then(setup).catch(() => {}));
  // 只在用得上的页面载入（peixun/assets/__init__.py 的 PAGE_ASSETS）：即时导航换到本页时，
  // peixun:record-ready 可能在本脚本载入之前就发过了。data-ready 使两条路都安全
  R().courseMap().then(setup).catch(() => {}); // 地图载不到时 record.js 已报告
  document.addEventListener("peixun:records-changed", () => {
    R().courseMap().then((map) => {
      $$(document, "[data-px-chart]").forEach((root) => fillChart(root, map));
      R().refresh();
    });
  });
  Object.assign(window.peixun.record, { summarize });
})();
