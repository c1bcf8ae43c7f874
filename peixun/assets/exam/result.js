/* 考试的成绩与历次成绩（exam.js 用）：得分、是否及格、各章得分的条形图（每条写明数值，
   不靠颜色也能读）、历次成绩表。只管显示；成绩怎么算在 exam.js。 */
(() => {
  "use strict";

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const duration = (seconds) => (seconds >= 60 ?
    `${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒` : `${seconds} 秒`);
  const date = (ms) => new Date(ms).toLocaleString("zh-CN", { hour12: false });

  /* box 即 [data-exam-result]；o：{score, passed, right, total, chapters: {章: {right, total}}}；
     ctx：{passMark, seconds, chapters（data-chapters，定章的顺序与标题）, kind} */
  function showResult(box, o, ctx) {
    box.textContent = "";
    box.setAttribute("data-exam-result", "");
    box.dataset.score = String(o.score);
    box.dataset.passed = String(o.passed);
    const h = el("h2", { tabindex: "-1", class: "px-exam__heading" }, "成绩");
    const line = el("p", { class: "px-exam__score" });
    line.append(el("strong", {}, `${o.score} 分`),
      ` （满分 100 分，${ctx.passMark} 分及格）：`,
      el("strong", { class: o.passed ? "px-exam__pass" : "px-exam__fail" }, o.passed ? "及格" : "不及格"));
    box.append(h, line, el("p", {}, `答对 ${o.right} / ${o.total} 题，用时 ${duration(ctx.seconds)}。` +
      "下面逐题列出你的答案、正确答案与解析。"));
    const bars = el("ul", { class: "px-exam__bars", "aria-label": "各章得分" });
    ctx.chapters.filter((c) => o.chapters[c.id]).forEach((c) => {
      const s = o.chapters[c.id];
      const pct = Math.round((100 * s.right) / s.total);
      const li = el("li", { class: "px-exam__bar-row" });
      const track = el("span", { class: "px-exam__track", "aria-hidden": "true" });
      track.append(el("span", { class: "px-exam__fill", style: `width: ${pct}%` }));
      li.append(el("span", { class: "px-exam__bar-label" }, c.title), track,
        el("span", { class: "px-exam__bar-value" }, `答对 ${s.right} / ${s.total} 题（${pct}%）`));
      bars.append(li);
    });
    box.append(el("h3", {}, "各章得分"), bars);
    const again = el("p", { class: "px-exam__again" });
    again.append(el("button", { type: "button", class: "md-button md-button--primary", "data-action": "again" }, "再考一次"));
    if (ctx.kind === "chapter") {
      again.append(" ", el("button", { type: "button", class: "md-button", "data-action": "practice" }, "逐题练习"));
    }
    box.append(again);
    box.hidden = false;
    h.focus();
  }

  /* 本场考试的历次成绩（_exam:attempt:<id>:<开始时刻>），新的在前 */
  function listAttempts(box, store, prefix, id) {
    const mine = `_exam:attempt:${id}:`;
    const rows = store.keys().filter((k) => k.startsWith(mine))
      .map((k) => [Number(k.slice(mine.length)), store.load(prefix + k)])
      .filter(([start, a]) => a && Number.isFinite(start) && typeof a.score === "number")
      .sort((a, b) => b[0] - a[0]);
    box.textContent = "";
    box.hidden = rows.length === 0;
    if (!rows.length) return;
    const table = el("table", { class: "px-exam__history" });
    table.append(el("caption", {}, `历次成绩（共 ${rows.length} 次，保存在本机）`));
    const head = table.createTHead().insertRow();
    ["开始时间", "得分", "结果", "用时"].forEach((t) => head.append(el("th", { scope: "col" }, t)));
    const body = table.createTBody();
    rows.forEach(([start, a]) => {
      const tr = body.insertRow();
      [date(start), `${a.score} 分`, a.passed ? "及格" : "不及格", duration(a.seconds || 0)]
        .forEach((t) => { tr.insertCell().textContent = t; });
    });
    box.append(table);
  }

  window.peixun = Object.assign(window.peixun || {}, { examView: { el, duration, showResult, listAttempts } });
})();
