/* 导出学习记录 / 导入学习记录（学习进度页），以及支部汇总读文件时用的同一套检查。
   文件的格式在 peixun/record/exchange.py 里声明一次，经课程地图（map.file）传到这里。
   文件里的字符串一律当作文字（textContent），从不拼进 HTML 或选择器。 */
(() => {
  "use strict";
  const R = () => window.peixun.record;
  const prefix = () => window.peixun.settings().storage;
  const NOTHING = "没有导入任何记录，本机已有的记录没有改动。";

  /* 本课程的全部记录，作为一个文件 */
  function build(map) {
    const records = {};
    window.peixun.store.keys().sort().forEach((key) => {
      const value = window.peixun.store.load(prefix() + key);
      if (R().isObject(value)) records[key] = value;
    });
    return {
      format: map.file.format, version: map.file.version, course: map.course, title: map.title,
      exported: Date.now(), records,
    };
  }

  const validAnswer = (v) => /^(in)?correct$/.test(v.s) && Array.isArray(v.r) &&
    v.r.every((x) => typeof x === "string");

  /* 检查一个文件的文字：{file} 或 {error}（一句中文，说明原因） */
  function check(text, map) {
    const rule = map.file;
    let data;
    try { data = JSON.parse(text); } catch (e) {
      return { error: "文件已损坏，或者不是学习记录文件（内容不是完整的 JSON）。" };
    }
    if (!R().isObject(data) || data.format !== rule.format) {
      return { error: "这不是从本课程网站“学习进度”页导出的学习记录文件。" };
    }
    if (!Number.isInteger(data.version)) return { error: "文件已损坏：没有写明文件格式的版本。" };
    if (data.version < rule.oldest) {
      return { error: `这份学习记录是旧版本的课程网站导出的（文件格式第 ${data.version} 版），` +
        `这个网站只能读取第 ${rule.oldest} 版及以后的文件。请在原来的设备上打开更新后的课程网站，重新导出。` };
    }
    if (data.version > rule.version) {
      return { error: `这份学习记录来自更新版本的课程网站（文件格式第 ${data.version} 版），` +
        "请先把这个网站更新到新版本再导入。" };
    }
    if (data.course !== map.course) {
      const title = typeof data.title === "string" && data.title ? `《${data.title.slice(0, 60)}》` : "";
      return { error: `这份学习记录属于另一门课程${title}，不能用于《${map.title}》。` };
    }
    if (!R().isObject(data.records)) return { error: "文件已损坏：其中没有学习记录。" };
    const pattern = new RegExp(rule.key);
    const keys = Object.keys(data.records);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const v = data.records[key];
      const bad = !pattern.test(key) || !R().isObject(v) || !Number.isFinite(v.t) || v.t < 0 ||
        (!key.startsWith("_") && !validAnswer(v));
      if (bad) return { error: `文件已损坏：第 ${i + 1} 条记录的格式不对。` };
    }
    return { file: data };
  }

  /* 读一个文件对象（<input type=file> 或拖放）：太大的不读 */
  function read(file, map) {
    if (file.size > map.file.maxBytes) {
      return Promise.resolve({ error: "文件太大，不是学习记录文件。" });
    }
    return file.text().then((text) => check(text, map), () => ({ error: "无法读取这个文件。" }));
  }

  /* 合并：每个键保留 t 较新的一份；本机较新的不动 */
  function merge(file) {
    const counts = { added: 0, updated: 0, kept: 0 };
    Object.entries(file.records).forEach(([key, value]) => {
      const mine = window.peixun.store.load(prefix() + key);
      if (!R().isObject(mine)) counts.added++;
      else if (!(Number(mine.t) >= value.t)) counts.updated++;
      else { counts.kept++; return; }
      window.peixun.store.set(prefix() + key, value);
    });
    return counts;
  }

  function download(map) {
    const data = build(map);
    const day = new Date(data.exported);
    const pad = (n) => String(n).padStart(2, "0");
    const stamp = `${day.getFullYear()}${pad(day.getMonth() + 1)}${pad(day.getDate())}`;
    const blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `学习记录-${map.title}-${stamp}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    return Object.keys(data.records).length;
  }

  function setup(root, map) {
    const status = root.querySelector("[data-px-status]");
    const input = root.querySelector("[data-px-import]");
    const say = (text, ok) => { status.textContent = text; status.dataset.result = ok ? "ok" : "error"; };
    root.querySelector('[data-px-action="export"]').addEventListener("click", () => {
      const n = download(map);
      say(`已导出 ${n} 条学习记录。文件保存在浏览器的“下载”文件夹里。`, true);
    });
    root.querySelector('[data-px-action="import"]').addEventListener("click", () => input.click());
    input.addEventListener("change", () => {
      const file = input.files && input.files[0];
      if (!file) return;
      read(file, map).then((result) => {
        input.value = "";
        if (result.error) { say(`${result.error}${NOTHING}`, false); return; }
        const c = merge(result.file);
        say(`导入完成：新增 ${c.added} 条记录，更新 ${c.updated} 条；本机较新的 ${c.kept} 条保持不变。`, true);
        document.dispatchEvent(new CustomEvent("peixun:records-changed"));
      });
    });
  }

  function setupAll(map) {
    document.querySelectorAll("[data-px-exchange]:not([data-ready])").forEach((root) => {
      root.dataset.ready = "";
      setup(root, map);
    });
  }
  document.addEventListener("peixun:record-ready", (event) => setupAll(event.detail));
  // 只在用得上的页面载入（peixun/assets/__init__.py 的 PAGE_ASSETS）：即时导航换到本页时，
  // peixun:record-ready 可能在本脚本载入之前就发过了。data-ready 使两条路都安全
  R().outline().then(setupAll).catch(() => {}); // 载不到时 record.js 已报告（只用课程的名称与文件格式）

  Object.assign(window.peixun.record, { exchange: { build, check, read, merge } });
})();
