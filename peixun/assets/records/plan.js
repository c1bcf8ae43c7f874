/* 学习计划（peixun.records.plan）：选起始月份和章节，每月一章排成表格，可打印；
   选择存在本机（window.peixun.store，键 _plan:year，见 peixun/quiz/contract.py）。 */
(() => {
  "use strict";

  function setup(root) {
    const px = window.peixun;
    const key = px.settings().storage + root.dataset.key;
    const chapters = JSON.parse(root.dataset.chapters);
    const form = root.querySelector(".px-plan__form");
    const start = root.querySelector("[data-plan-start]");
    const boxes = Array.from(root.querySelectorAll('.px-plan__chapters input[type="checkbox"]'));
    const rows = root.querySelector("[data-plan-rows]");
    const heading = root.querySelector("[data-plan-heading]");
    const status = root.querySelector("[data-plan-status]");
    const columns = root.querySelectorAll("thead th").length;

    const now = new Date();
    const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
    const saved = px.store.load(key);
    if (saved && typeof saved.start === "string" && Array.isArray(saved.chapters)) {
      start.value = saved.start;
      boxes.forEach((b) => { b.checked = saved.chapters.includes(b.value); });
    } else {
      start.value = thisMonth;
    }

    const month = (first, n) => {
      const [y, m] = first.split("-").map(Number);
      const d = new Date(y, m - 1 + n, 1);
      return { y: d.getFullYear(), m: d.getMonth() + 1 };
    };
    const cell = (text, small) => {
      const td = document.createElement("td");
      td.textContent = text;
      if (small) {
        const s = document.createElement("small");
        s.textContent = small;
        td.append(s);
      }
      return td;
    };

    function render() {
      const first = /^\d{4}-\d{2}$/.test(start.value) ? start.value : thisMonth;
      const chosen = chapters.filter((c) => boxes.some((b) => b.checked && b.value === c.folder));
      rows.replaceChildren(...chosen.map((c, n) => {
        const { y, m } = month(first, n);
        const tr = document.createElement("tr");
        tr.append(cell(`${y}年${m}月`), cell(c.title, `（${c.lessons} 课）`));
        for (let i = 2; i < columns; i++) tr.append(cell(""));
        return tr;
      }));
      const a = month(first, 0);
      const b = month(first, Math.max(0, chosen.length - 1));
      heading.textContent = chosen.length
        ? `主题党日学习计划（${a.y}年${a.m}月—${b.y}年${b.m}月）`
        : "主题党日学习计划（尚未选择章节）";
    }

    function save() {
      px.store.set(key, {
        start: start.value,
        chapters: boxes.filter((b) => b.checked).map((b) => b.value),
        t: Date.now(),
      });
      status.textContent = "已保存在本机";
    }

    form.addEventListener("change", () => { render(); save(); });
    root.addEventListener("click", (event) => {
      const action = event.target.closest("[data-action]");
      if (!action) return;
      if (action.dataset.action === "print") { window.print(); return; }
      boxes.forEach((b) => { b.checked = action.dataset.action === "all"; });
      render();
      save();
    });
    root.querySelectorAll(".px-plan__nojs").forEach((p) => { p.hidden = true; });
    form.hidden = false;
    render();
  }

  function init() {
    document.querySelectorAll("[data-plan]:not([data-ready])").forEach((root) => {
      root.dataset.ready = "";
      try { setup(root); } catch (e) { console.error("学习计划初始化失败", e); }
    });
  }

  // 在 quiz.js（window.peixun.store）之后加载；即时导航换页时由 document$ 再调用
  if (typeof document$ !== "undefined") document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
