/* 自测题（peixun.quiz）：判分、反馈、重做、本机保存进度；综合测评、错题本、学习进度。
   每次（即时导航）换页后由 document$ 调用；已处理的元素带 data-ready，不会重复绑定。 */
(() => {
  "use strict";
  // 由页面给出（peixun/quiz/contract.py）：本课程的存储前缀、旧版前缀。每个页面的 <head> 里都有。
  let config = null;
  const settings = () => {
    if (!config) config = JSON.parse(document.getElementById("px-config").textContent);
    return config;
  };
  const memory = {}; // 本机存储不可用时，记录只保留到关闭页面

  const store = {
    read(key) {
      let raw;
      try { raw = localStorage.getItem(key); } catch (e) { raw = memory[key]; }
      try {
        const v = JSON.parse(raw);
        return v && /^(in)?correct$/.test(v.s) && Array.isArray(v.r) &&
          v.r.every((x) => typeof x === "string") ? v : null;
      } catch (e) { return null; } // 损坏的记录当作没有
    },
    /* 别的记录（键以 "_" 开头，见 contract.py）：解析后的 JSON；坏的或没有时为 null */
    load(key) {
      let raw;
      try { raw = localStorage.getItem(key); } catch (e) { raw = memory[key]; }
      try { return raw == null ? null : JSON.parse(raw); } catch (e) { return null; }
    },
    /* 本课程保存的全部键（不含前缀） */
    keys() {
      const prefix = settings().storage;
      let all = Object.keys(memory);
      try { all = all.concat(Object.keys(localStorage)); } catch (e) { /* 无法访问本机存储 */ }
      return Array.from(new Set(all)).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
    },
    set(key, value) {
      const raw = JSON.stringify(value);
      try { localStorage.setItem(key, raw); } catch (e) { memory[key] = raw; }
    },
    remove(key) {
      try { localStorage.removeItem(key); } catch (e) { /* 无法访问本机存储 */ }
      delete memory[key];
    },
    /* 一题的记录。旧版（按课文路径、不分课程）保存的记录读一次，改存到新键下，删去旧键；
       新键下已有记录时以新记录为准，旧记录不动。 */
    get(lesson, id, legacy, fp) {
      const current = (v) => (v && v.f && fp && v.f !== fp ? null : v); // 题目改过：从头作答
      const key = settings().storage + lesson + ":" + id;
      const saved = store.read(key);
      if (saved || !legacy) return current(saved);
      const old = settings().legacy + legacy;
      const moved = store.read(old);
      if (moved) {
        store.set(key, moved);
        store.remove(old);
      }
      return current(moved);
    },
    /* 清除本课程的全部记录，连同 legacyKeys 列出的旧版记录（其他课程的记录不动） */
    clear(legacyKeys) {
      const prefix = settings().storage;
      const old = new Set(legacyKeys.map((k) => settings().legacy + k));
      try {
        Object.keys(localStorage).filter((k) => k.startsWith(prefix) || old.has(k))
          .forEach((k) => localStorage.removeItem(k));
      } catch (e) { /* 无法访问本机存储 */ }
      Object.keys(memory).forEach((k) => delete memory[k]);
    },
  };

  const $$ = (root, sel) => Array.from(root.querySelectorAll(sel));
  /* 记录里没有 f 的答案出自加指纹之前的版本：选项按它在题库里的位置记（"0"、"1"…），
     现在按选项的键记（contract.py 的 LEGACY_OPTIONS_ATTR） */
  const byKey = (q, v) => {
    const keys = q.dataset.v1Options ? JSON.parse(q.dataset.v1Options) : null;
    if (!v || v.f || !keys || !v.r.every((x) => /^\d+$/.test(x) && keys[x])) return v;
    return Object.assign({}, v, { r: v.r.map((x) => keys[x]) });
  };
  const saved = (q) => byKey(q, store.get(q.dataset.lesson, q.dataset.question, q.dataset.v1, q.dataset.fp));
  const keyOf = (q) => settings().storage + q.dataset.lesson + ":" + q.dataset.question;
  const answerKey = (q) => JSON.parse(q.dataset.key);
  const norm = (s) => s.normalize("NFKC").toLowerCase()
    .replace(/[\s"'“”‘’「」『』《》〈〉]/g, "").replace(/^[。，、；,.;]+|[。，、；,.;]+$/g, "");
  const shuffle = (list) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  };
  const para = (text, cls) => {
    const p = document.createElement("p");
    p.className = cls;
    p.textContent = text;
    return p;
  };
  const button = (q, action) => q.querySelector(`[data-action="${action}"]`);

  /* 作答：每种题型取出、填回答案，判断对错 */
  function response(q) {
    const type = q.dataset.type;
    if (type === "fill") return $$(q, "input[type=text]").map((i) => i.value);
    if (type === "order") return $$(q, "li[data-item]").map((li) => li.dataset.item);
    return $$(q, "input:checked").map((i) => i.value).sort();
  }

  function answered(q, r) {
    if (q.dataset.type === "fill") return r.every((v) => norm(v) !== "");
    return r.length > 0;
  }

  function isCorrect(q, r) {
    const key = answerKey(q);
    if (q.dataset.type === "fill") {
      return r.length === key.b.length &&
        key.b.every((accepted, i) => accepted.some((a) => norm(a) === norm(r[i])));
    }
    if (q.dataset.type === "order") return r.every((item, i) => item === String(i));
    return r.join() === key.c.map(String).sort().join();
  }

  function apply(q, r) {
    const type = q.dataset.type;
    if (type === "fill") {
      const inputs = $$(q, "input[type=text]");
      if (inputs.length !== r.length) return false;
      inputs.forEach((input, i) => { input.value = r[i]; });
    } else if (type === "order") {
      const list = q.querySelector("ol");
      // 按数据查找，不把保存的值拼进选择器：一条坏记录只影响它自己那一题
      const byItem = new Map($$(list, "li[data-item]").map((li) => [li.dataset.item, li]));
      const items = r.map((n) => byItem.get(n) || null);
      if (items.length !== list.children.length || items.includes(null)) return false;
      items.forEach((li) => list.append(li));
      if (q.querySelector("[data-move]")) refreshMoves(q);
    } else {
      const inputs = $$(q, "input");
      if (!r.every((v) => inputs.some((i) => i.value === v))) return false;
      inputs.forEach((i) => { i.checked = r.includes(i.value); });
    }
    return true;
  }

  /* 排序题：按钮或方向键移动，实时区域报出新位置；到头的按钮停用 */
  const itemName = (li) => li.querySelector(".px-quiz__item").textContent;

  function addMoveButtons(q) {
    const live = document.createElement("p");
    live.className = "px-sr-only";
    live.setAttribute("aria-live", "polite");
    live.dataset.live = "";
    q.querySelector("ol").after(live);
    $$(q, "li[data-item]").forEach((li) => {
      li.tabIndex = 0;
      const box = document.createElement("span");
      box.className = "px-quiz__move";
      [["up", "上移一位", "▲"], ["down", "下移一位", "▼"]].forEach(([dir, label, icon]) => {
        const b = document.createElement("button");
        b.type = "button";
        b.dataset.move = dir;
        b.textContent = icon;
        b.setAttribute("aria-label", `把“${itemName(li)}”${label}`);
        box.append(b);
      });
      li.append(box);
    });
    refreshMoves(q);
  }

  function refreshMoves(q) {
    const items = $$(q, "li[data-item]");
    const locked = q.dataset.state !== undefined;
    items.forEach((li, i) => {
      li.querySelector('[data-move="up"]').disabled = locked || i === 0;
      li.querySelector('[data-move="down"]').disabled = locked || i === items.length - 1;
    });
  }

  function moveItem(li, dir) {
    const other = dir === "up" ? li.previousElementSibling : li.nextElementSibling;
    if (!other) return false;
    if (dir === "up") other.before(li); else other.after(li);
    const q = li.closest(".px-quiz__q");
    refreshMoves(q);
    const items = $$(q, "li[data-item]");
    q.querySelector("[data-live]").textContent =
      `${itemName(li)} 移到第 ${items.indexOf(li) + 1} 位，共 ${items.length} 项`;
    return true;
  }

  function move(b) {
    const li = b.closest("li");
    moveItem(li, b.dataset.move);
    // 到头时焦点移到另一个按钮
    const other = li.querySelector(`[data-move="${b.dataset.move === "up" ? "down" : "up"}"]`);
    (b.disabled ? other : b).focus();
  }

  function shuffleControls(q) {
    const type = q.dataset.type;
    if (type === "single" || type === "multiple") {
      const box = q.querySelector(".px-quiz__options");
      shuffle(Array.from(box.children)).forEach((el) => box.append(el));
    } else if (type === "order") {
      const list = q.querySelector("ol");
      const items = Array.from(list.children);
      do shuffle(items); while (items.every((li, i) => li.dataset.item === String(i)));
      items.forEach((li) => list.append(li));
      if (q.querySelector("[data-move]")) refreshMoves(q);
    }
  }

  /* 提交后锁定：排序按钮停用；选项和填空只读，但仍能用 Tab 走到、被读屏软件读出 */
  function lock(q, locked) {
    $$(q, "[data-move]").forEach((el) => { el.disabled = locked; });
    if (!locked && q.dataset.type === "order") refreshMoves(q);
    $$(q, "input").forEach((el) => {
      el.readOnly = locked;
      if (locked) el.setAttribute("aria-disabled", "true"); else el.removeAttribute("aria-disabled");
    });
    button(q, "submit").hidden = locked;
    button(q, "retry").hidden = !locked;
  }

  const CHOICE = ["single", "multiple", "truefalse"];
  const optionText = (label) => label.querySelector("span").textContent;

  /* 所选与正确的选项用文字标出，不只靠颜色 */
  function markOptions(q, r) {
    $$(q, ".px-quiz__tag").forEach((t) => t.remove());
    if (!r || !CHOICE.includes(q.dataset.type)) return;
    const right = answerKey(q).c.map(String);
    $$(q, "label.px-quiz__option").forEach((label) => {
      const value = label.querySelector("input").value;
      [[r.includes(value), "你的答案", "yours"], [right.includes(value), "正确答案", "right"]]
        .filter(([on]) => on).forEach(([, text, kind]) => {
          const tag = document.createElement("span");
          tag.className = `px-quiz__tag px-quiz__tag--${kind}`;
          tag.textContent = text;
          label.append(tag);
        });
    });
  }

  /* 反馈里复述学员的答案 */
  function yours(q, r) {
    const type = q.dataset.type;
    if (type === "fill") return r.join("；");
    if (type === "order") {
      const text = new Map($$(q, "li[data-item]").map((li) => [li.dataset.item,
        li.querySelector(".px-quiz__item").textContent]));
      return r.map((i) => text.get(i)).join(" → ");
    }
    return $$(q, "label.px-quiz__option").filter((l) => r.includes(l.querySelector("input").value))
      .map(optionText).join("；");
  }

  /* 显示结果：对错、所选选项的反馈、答案与解析（含“回看原文”） */
  function show(q, r, ok) {
    q.dataset.state = ok ? "correct" : "incorrect";
    const box = q.querySelector("[role=status]");
    box.textContent = "";
    box.append(para(ok ? "回答正确。" : "回答错误。", "px-quiz__verdict"));
    box.append(para(`你的答案：${yours(q, r)}`, "px-quiz__yours"));
    markOptions(q, r);
    const notes = answerKey(q).f || {};
    r.forEach((v) => { if (notes[v]) box.append(para(notes[v], "px-quiz__note")); });
    box.append(q.querySelector(".px-quiz__solution").cloneNode(true));
    lock(q, true);
  }

  function reset(q) {
    delete q.dataset.state;
    q.querySelector("[role=status]").textContent = "";
    markOptions(q, null);
    $$(q, "input").forEach((i) => { i.checked = false; i.value = i.type === "text" ? "" : i.value; });
    lock(q, false);
    shuffleControls(q);
  }

  function submit(quiz, q) {
    const r = response(q);
    const box = q.querySelector("[role=status]");
    if (!answered(q, r)) {
      box.textContent = "";
      box.append(para(q.dataset.type === "fill" ? "请先填写每个空。" : "请先作答。", "px-quiz__verdict"));
      return;
    }
    const ok = isCorrect(q, r);
    store.set(keyOf(q), { s: ok ? "correct" : "incorrect", r, t: Date.now(), f: q.dataset.fp });
    show(q, r, ok);
    document.dispatchEvent(new CustomEvent("peixun:answered", {
      detail: { lesson: q.dataset.lesson, question: q.dataset.question, correct: ok, quiz: quiz.dataset.quiz },
    }));
    button(q, "retry").focus();
    score(quiz);
  }

  /* 得分：本测验已答、答对；综合测评另列各章 */
  function score(quiz) {
    const shown = $$(quiz, ".px-quiz__q:not([hidden])");
    const done = shown.filter((q) => q.dataset.state);
    const right = done.filter((q) => q.dataset.state === "correct");
    const line = quiz.querySelector(".px-quiz__score");
    line.hidden = shown.length === 0;
    line.textContent = `已答 ${done.length} / ${shown.length} 题，答对 ${right.length} 题` +
      (done.length === shown.length && shown.length ?
        `，得分 ${Math.round((100 * right.length) / shown.length)} 分。` : "。");
    const table = quiz.querySelector(".px-quiz__breakdown");
    if (!table) return;
    const rows = new Map();
    shown.forEach((q) => {
      const row = rows.get(q.dataset.chapter) || [0, 0, 0];
      row[0] += q.dataset.state ? 1 : 0;
      row[1] += q.dataset.state === "correct" ? 1 : 0;
      row[2] += 1;
      rows.set(q.dataset.chapter, row);
    });
    const body = table.querySelector("tbody");
    body.textContent = "";
    rows.forEach(([d, c, n], chapter) => {
      const tr = body.insertRow();
      [chapter, `${d} / ${n}`, String(c)].forEach((t) => { tr.insertCell().textContent = t; });
    });
    table.hidden = rows.size === 0;
  }

  function number(questions) {
    questions.forEach((q, i) => { q.querySelector(".px-quiz__no").textContent = String(i + 1); });
  }

  /* 综合测评：各章轮流取题，均衡抽取 */
  function draw(quiz) {
    const all = $$(quiz, ".px-quiz__q");
    const size = Number(quiz.dataset.size);
    const byChapter = new Map();
    all.forEach((q) => {
      q.hidden = true;
      reset(q);
      byChapter.set(q.dataset.chapter, (byChapter.get(q.dataset.chapter) || []).concat(q));
    });
    const pools = Array.from(byChapter.values()).map(shuffle);
    const picked = [];
    while (picked.length < size && pools.some((p) => p.length)) {
      pools.forEach((p) => { if (p.length && picked.length < size) picked.push(p.pop()); });
    }
    picked.forEach((q) => { q.hidden = false; quiz.append(q); });
    number(picked);
    score(quiz);
  }

  /* 一题的控件：排序按钮、答案收起、解锁、打乱选项（测验和考试共用） */
  function prepare(q) {
    if (q.dataset.type === "order") addMoveButtons(q);
    q.querySelector(".px-quiz__answer").hidden = true; // 答案在提交后出现在反馈里
    lock(q, false);
    shuffleControls(q);
  }

  /* 排序题的方向键：移动所在的项；返回是否移动了 */
  function arrowKey(event) {
    const li = event.target.closest("li[data-item]");
    const dir = { ArrowUp: "up", ArrowDown: "down" }[event.key];
    if (!li || !dir || li.closest(".px-quiz__q").dataset.state !== undefined) return false;
    event.preventDefault();
    const moved = moveItem(li, dir);
    if (moved) (event.target === li ? li : li.querySelector(`[data-move="${dir}"]`)).focus();
    return moved;
  }

  function setupQuiz(quiz) {
    const mode = quiz.dataset.quiz;
    const questions = $$(quiz, ".px-quiz__q");
    questions.forEach((q) => {
      try { // 每题各自初始化：一题出错，其余照常
        prepare(q);
        const record = saved(q);
        if (mode === "wrong") q.hidden = !(record && record.s === "incorrect");
        else if (record && mode !== "exam" && mode !== "review" && apply(q, record.r)) {
          show(q, record.r, isCorrect(q, record.r)); // review（错题本）: a fresh try
        }
      } catch (e) {
        console.error("这道题的保存记录无法恢复，已从头开始", q.id, e);
      }
    });
    // 锁定的选项仍可聚焦阅读，点击不改答案
    quiz.addEventListener("click", (event) => {
      const input = event.target.closest("input[aria-disabled=true]");
      if (input && input.type !== "text") event.preventDefault();
    }, true);
    quiz.addEventListener("click", (event) => {
      const b = event.target.closest("button");
      if (!b || !quiz.contains(b)) return;
      const q = b.closest(".px-quiz__q");
      if (b.dataset.move) move(b);
      else if (b.dataset.action === "submit") submit(quiz, q);
      else if (b.dataset.action === "retry") {
        reset(q);
        score(quiz);
        const first = q.querySelector("input, [data-move]");
        if (first) first.focus();
      } else if (b.dataset.action === "draw") draw(quiz);
    });
    quiz.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && event.target.matches("input[type=text]")) {
        event.preventDefault();
        submit(quiz, event.target.closest(".px-quiz__q"));
      }
      arrowKey(event);
    });
    $$(quiz, ".px-quiz__nojs").forEach((p) => { p.hidden = true; });
    if (mode === "exam") {
      button(quiz, "draw").hidden = false;
      draw(quiz);
    } else {
      if (mode === "wrong") {
        const wrong = questions.filter((q) => !q.hidden);
        number(wrong);
        quiz.querySelector(".px-quiz__empty").hidden = wrong.length > 0;
      }
      score(quiz);
    }
  }

  /* 学习进度的每行只写课的 id；题目 id（q）、指纹（fp）和旧版的键都在课程地图里
     （peixun/record/coursemap.py，record.js 加载）。旧版的键是 课文路径（slug）:题目 id，
     id 改过的题在 former 里写 “新 id=旧 id”，或以 “-” 结尾的 “新前缀=旧前缀” */
  function formerId(pairs, id) {
    const pair = pairs.find(([now]) => id === now || (now.endsWith("-") && id.startsWith(now)));
    return pair ? pair[1] + id.slice(pair[0].length) : id;
  }
  function legacyKeys(lesson) {
    const pairs = lesson.former.map((pair) => pair.split("="));
    return lesson.q.map((id) => `${lesson.slug}:${formerId(pairs, id)}`);
  }
  /* record.js 在 quiz.js 之后载入：页面解析完之前它可能还不在 */
  function withMap(f) {
    const go = () => window.peixun.record.courseMap().then(f)
      .catch((e) => console.error("学习进度无法读取课程地图", e));
    if (window.peixun.record) go(); else document.addEventListener("DOMContentLoaded", go, { once: true });
  }

  /* 学习进度：按课、按章统计本机记录 */
  function setupProgress(root) {
    const fill = (map) => {
      const lessons = new Map(map.chapters.flatMap((c) => c.lessons).map((l) => [l.id, l]));
      let all = [0, 0, 0];
      $$(root, "table").forEach((table) => {
        const sum = [0, 0, 0];
        $$(table, "tr[data-lesson]").forEach((tr) => {
          const lesson = lessons.get(tr.dataset.lesson);
          if (!lesson) return;
          const legacy = legacyKeys(lesson);
          const records = lesson.q.map((id, i) => store.get(lesson.id, id, legacy[i], lesson.fp[i]))
            .filter(Boolean);
          const right = records.filter((v) => v.s === "correct").length;
          tr.querySelector('[data-cell="done"]').textContent = String(records.length);
          tr.querySelector('[data-cell="right"]').textContent = String(right);
          [records.length, right, lesson.q.length].forEach((n, i) => { sum[i] += n; });
        });
        table.querySelector('[data-cell="chapter"]').textContent =
          `已答 ${sum[0]} / ${sum[2]} 题，答对 ${sum[1]} 题`;
        all = all.map((n, i) => n + sum[i]);
      });
      root.querySelector('[data-cell="total"]').textContent =
        `全部课程：已答 ${all[0]} / ${all[2]} 题，答对 ${all[1]} 题。`;
    };
    $$(root, ".px-quiz__nojs").forEach((p) => { p.hidden = true; });
    const forget = button(root, "forget");
    forget.hidden = false;
    forget.addEventListener("click", () => {
      if (window.confirm("确定清除本机保存的全部答题记录吗？清除后无法恢复。")) {
        withMap((map) => {
          store.clear(map.chapters.flatMap((c) => c.lessons).flatMap(legacyKeys));
          fill(map);
        });
      }
    });
    withMap(fill);
    // 导入学习记录之后（record-exchange.js）重新统计
    document.addEventListener("peixun:records-changed", () => { if (root.isConnected) withMap(fill); });
  }

  /* 浏览器禁止网站存储时（页面模板已换成内存存储），在第一个测验前说一次：记录不会保留 */
  let toldStorage = false;
  function tellStorageBlocked(roots) {
    if (toldStorage || !roots.length) return;
    if (document.documentElement.dataset.pxStorage !== "blocked") return;
    toldStorage = true;
    const note = para("这个浏览器不允许网站保存数据：可以照常答题，但关闭或刷新页面后答题记录不会保留。",
      "px-quiz__storage-note");
    note.setAttribute("role", "note");
    roots[0].before(note);
  }

  function init() {
    const roots = $$(document, "[data-quiz]:not([data-ready]), [data-progress]:not([data-ready])");
    tellStorageBlocked(roots);
    roots.forEach((root) => {
      root.dataset.ready = "";
      try {
        if (root.hasAttribute("data-progress")) setupProgress(root); else setupQuiz(root);
      } catch (e) {
        console.error("自测题初始化失败", e); // 一个测验出错，不影响页面其余部分
      }
    });
  }

  // 给同一页面上的其他脚本（考试、学习记录、SCORM）：同一份存储与配置，规则只写在这里
  // quiz: 判分与显示的规则（考试、错题本用，不另写一份）；initQuizzes: 页面上新加入的测验
  window.peixun = Object.assign(window.peixun || {}, {
    store, settings, initQuizzes: () => init(),
    quiz: { prepare, response, answered, isCorrect, apply, show, move, arrowKey },
  });

  // document$ announces every page under instant navigation; opened from a folder (file://)
  // it may never fire, so also run once the page is parsed. data-ready makes both safe.
  if (typeof document$ !== "undefined") document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
