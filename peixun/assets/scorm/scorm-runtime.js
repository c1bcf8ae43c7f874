/* SCORM 运行时的主体（peixun.scorm），只在学习平台里由 scorm.js 载入；做什么见 scorm.js 开头，
   suspend_data 的写法见 suspend.js。 */
(() => {
  "use strict";

  /* ---- 两个版本的数据元素 ---- */
  const VOCABULARY = {
    "1.2": {
      init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish",
      raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max",
      time: "cmi.core.session_time", exit: "cmi.core.exit", suspend: "cmi.suspend_data",
    },
    "2004": {
      init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate",
      raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max",
      time: "cmi.session_time", exit: "cmi.exit", suspend: "cmi.suspend_data",
    },
  };

  function lms(found) {
    const v = VOCABULARY[found.version];
    const call = (name, ...args) => {
      try { return String(found.api[v[name]](...args)); } catch (e) { return ""; }
    };
    return {
      version: found.version,
      names: v,
      init: () => call("init", "") === "true",
      get: (element) => call("get", element),
      set: (element, value) => call("set", element, String(value)) === "true",
      commit: () => call("commit", ""),
      finish: () => call("finish", ""),
    };
  }

  const two = (n) => String(n).padStart(2, "0");
  function timespan(version, seconds) {
    const s = Math.max(0, Math.round(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    if (version === "1.2") return `${String(h).padStart(4, "0")}:${two(m)}:${two(s % 60)}`;
    return `PT${h}H${m}M${s % 60}S`;
  }

  /* ---- 运行 ---- */
  const found = (window.peixun || {}).scormApi; // scorm.js 找到的
  const suspend = (window.peixun || {}).suspend; // suspend.js
  if (!found || !suspend) return;
  const api = lms(found);
  if (!api.init()) return;
  const peixun = window.peixun || {};
  const store = peixun.store && peixun.settings ? peixun.store : null; // quiz.js 给出
  const prefix = () => peixun.settings().storage;
  const launched = location.pathname; // 平台打开的这一页就是这个 SCO
  const started = Date.now();
  let examSeconds = 0;
  let table = null;
  let written = api.get(api.names.suspend);
  let finished = false;

  function status() {
    return api.version === "1.2" ? api.get("cmi.core.lesson_status") : api.get("cmi.completion_status");
  }
  function setStatus(value) {
    api.set(api.version === "1.2" ? "cmi.core.lesson_status" : "cmi.completion_status", value);
  }
  if (["", "not attempted", "unknown"].includes(status())) setStatus("incomplete");

  function setScore(score) {
    api.set(api.names.min, 0);
    api.set(api.names.max, 100);
    api.set(api.names.raw, score);
    if (api.version === "2004") api.set("cmi.score.scaled", score / 100);
  }

  function records() {
    if (!store) return [];
    return store.keys().map((key) => [key, store.load(prefix() + key)]);
  }
  function save() {
    if (!table) return;
    const text = suspend.encode(table, records(), Math.min(table.limits[api.version] || 4096, 64000));
    if (text && text !== written && api.set(api.names.suspend, text)) written = text;
  }
  function restore() {
    if (!store) return;
    suspend.decode(table, written).forEach(([key, record]) => {
      if (!record || typeof record !== "object" || typeof record.t !== "number") return;
      const mine = store.load(prefix() + key);
      if (!mine || typeof mine.t !== "number" || record.t > mine.t) store.set(prefix() + key, record);
    });
  }
  function report() {
    save();
    api.set(api.names.time, timespan(api.version, Math.max((Date.now() - started) / 1000, examSeconds)));
    api.commit();
  }

  peixun.scormTable = (data) => {
    if (table || !data || !Array.isArray(data.lessons)) return;
    table = data;
    restore();
    save();
  };
  window.peixun = peixun;

  const here = () => location.pathname === launched;
  document.addEventListener("peixun:answered", report);
  document.addEventListener("peixun:lesson-state", (event) => {
    const d = event.detail || {};
    if (here() && d.read && d.done) {
      if (typeof d.score === "number" && d.score >= 0 && d.score <= 100) setScore(d.score);
      if (status() !== "passed") setStatus("completed");
    }
    report();
  });
  document.addEventListener("peixun:exam-submitted", (event) => {
    const d = event.detail || {};
    if (here() && typeof d.score === "number") {
      examSeconds += Math.max(0, Number(d.seconds) || 0);
      setScore(d.score);
      const verdict = d.passed ? "passed" : "failed";
      if (api.version === "1.2") api.set("cmi.core.lesson_status", verdict);
      else {
        api.set("cmi.success_status", verdict);
        api.set("cmi.completion_status", "completed");
      }
    }
    report();
  });
  window.addEventListener("pagehide", () => {
    if (finished) return;
    finished = true;
    api.set(api.names.exit, "suspend"); // 平台保留 suspend_data，下次接着学
    report();
    api.finish();
  });
})();
