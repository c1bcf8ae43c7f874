/* SCORM 运行时的主体（peixun.scorm），只在学习平台里由 scorm.js 载入；做什么见 scorm.js 开头。

   suspend_data 的写法（版本 1），SCORM 1.2 限 4,096 个字符，本课程全部题目都答过也放得下：
     "1" "." 基准 "." 各课 "." 其他
     基准   最早一条答题记录的时间，自 1970 年起的整小时数，36 进制（太旧的按 4095 小时前算）
     各课   每课：代码（3 个字符，table.js 给出：课的 id 与各题 id、指纹的摘要）+ 题数（2 位）+ 每题一格
     每题   "~" 未答；或者 首字符 + 答案各值 + 时间（2 位，基准后的小时数）
            首字符 = A64[(答对 ? 32 : 0) + 值的个数]
            值     "0"–"59" 为 A64[n]；"true" 为 A64[60]；"false" 为 A64[61]；
                   其他文字为 A64[62] + A64[长度] + 文字（最多 63 个字符，更长的截断）
     其他   本课程其余记录（_exam:…、_visit:… 等，也包括上面写不下的答题记录）的 JSON 对象，键不含前缀
     A64 = 0-9A-Za-z-_ ，多位数高位在前。
   放不下时：答题记录优先，太多时从最旧的舍起；“其他”记录从新到旧，放得下几条放几条。舍去的只是
   不进平台，本机的记录不动。恢复时每条记录与本机同键的记录比较 t，较新的留下（peixun/quiz/contract.py）。 */
(() => {
  "use strict";

  const A64 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  const HOUR = 3600000;
  const MAX_HOURS = 4095; // 两位 A64
  const MAX_TEXT = 63;
  const TRUE = 60;
  const FALSE = 61;
  const TEXT = 62;
  const EMPTY = "~";
  const FORMAT = "1";

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

  /* ---- suspend_data：写 ---- */
  const digits = (n, width) => {
    let out = "";
    for (let i = 0; i < width; i++) { out = A64[n % 64] + out; n = Math.floor(n / 64); }
    return out;
  };
  const undigits = (text) => Array.from(text).reduce((n, c) => n * 64 + A64.indexOf(c), 0);
  const isAnswer = (v) => v && /^(in)?correct$/.test(v.s) && Array.isArray(v.r) &&
    v.r.every((x) => typeof x === "string") && typeof v.t === "number";

  function clip(text) {
    let t = text;
    while (t.length > MAX_TEXT) t = Array.from(t).slice(0, -1).join("");
    return t;
  }
  function value(x) {
    if (/^(0|[1-9]\d?)$/.test(x) && Number(x) < TRUE) return A64[Number(x)];
    if (x === "true") return A64[TRUE];
    if (x === "false") return A64[FALSE];
    const t = clip(x);
    return A64[TEXT] + A64[t.length] + t;
  }
  function slot(record, base) {
    const hours = Math.min(MAX_HOURS, Math.max(0, Math.floor(record.t / HOUR) - base));
    return A64[(record.s === "correct" ? 32 : 0) + record.r.length] + record.r.map(value).join("") +
      digits(hours, 2);
  }

  /* 本课程的全部记录：能按表写的答题记录（键 → [课序号, 题序号]）与其余记录 */
  function gather(table, records) {
    const place = new Map();
    table.lessons.forEach(([, lesson, entries], li) => entries.forEach(([qid, fp], qi) => {
      place.set(lesson + ":" + qid, [li, qi, fp]);
    }));
    const answers = [];
    const others = [];
    records.forEach(([key, record]) => {
      const at = place.get(key);
      if (at && isAnswer(record) && record.f && record.f !== at[2]) return; // 题目已改：quiz.js 也不用它
      if (at && isAnswer(record) && record.r.length < 32) {
        answers.push({ key, record, lesson: at[0], question: at[1] });
      } else if (record && typeof record === "object") {
        others.push([key, record]);
      }
    });
    return { answers, others };
  }

  function encodeAnswers(table, answers) {
    if (!answers.length) return ["0", ""];
    const newest = Math.max(...answers.map((a) => Math.floor(a.record.t / HOUR)));
    const oldest = Math.min(...answers.map((a) => Math.floor(a.record.t / HOUR)));
    const base = Math.max(oldest, newest - MAX_HOURS);
    const byLesson = new Map();
    answers.forEach((a) => {
      if (!byLesson.has(a.lesson)) byLesson.set(a.lesson, []);
      byLesson.get(a.lesson)[a.question] = a.record;
    });
    const parts = Array.from(byLesson.keys()).sort((x, y) => x - y).map((li) => {
      const slots = byLesson.get(li);
      let text = table.lessons[li][0] + digits(slots.length, 2);
      for (let i = 0; i < slots.length; i++) text += slots[i] ? slot(slots[i], base) : EMPTY;
      return text;
    });
    return [base.toString(36), parts.join("")];
  }

  const newer = (a, b) => (Number(b.t) || 0) - (Number(a.t) || 0);

  /* 整个 suspend_data；超过 limit 时按上面说的次序舍去，直到放得下 */
  function encode(table, records, limit) {
    const { answers, others } = gather(table, records);
    answers.sort((a, b) => a.record.t - b.record.t); // 旧的在前，先舍去
    const kept = others.slice().sort((a, b) => newer(a[1], b[1]));
    let [base, lessons] = encodeAnswers(table, answers);
    let head = [FORMAT, base, lessons].join(".") + ".";
    while (head.length > limit && answers.length) {
      answers.shift();
      [base, lessons] = encodeAnswers(table, answers);
      head = [FORMAT, base, lessons].join(".") + ".";
    }
    if (head.length > limit) return "";
    const rest = {};
    let restText = "";
    for (const [key, record] of kept) {
      rest[key] = record;
      const text = JSON.stringify(rest);
      if (head.length + text.length > limit) { delete rest[key]; continue; }
      restText = text;
    }
    return head + restText;
  }

  /* ---- suspend_data：读 ---- */
  function decode(table, text) {
    const out = [];
    if (!text || !text.startsWith(FORMAT + ".")) return out;
    let at = 2;
    const dot = text.indexOf(".", at);
    if (dot < 0) return out;
    const base = parseInt(text.slice(at, dot), 36) || 0;
    at = dot + 1;
    const codes = new Map();
    table.lessons.forEach((lesson) => {
      codes.set(lesson[0], codes.has(lesson[0]) ? null : lesson); // 两课同码：都不恢复
    });
    const take = (n) => {
      if (at + n > text.length) throw new Error("suspend_data 不完整");
      const s = text.slice(at, at + n);
      at += n;
      return s;
    };
    try {
      while (at < text.length && text[at] !== ".") {
        const lesson = codes.get(take(3));
        const count = undigits(take(2));
        for (let i = 0; i < count; i++) {
          const head = take(1);
          if (head === EMPTY) continue;
          const h = A64.indexOf(head);
          const r = [];
          for (let k = 0; k < h % 32; k++) {
            const c = A64.indexOf(take(1));
            if (c === TEXT) r.push(take(A64.indexOf(take(1))));
            else r.push(c === TRUE ? "true" : c === FALSE ? "false" : String(c));
          }
          const t = (base + undigits(take(2))) * HOUR;
          const entry = lesson && lesson[2][i];
          if (entry) {
            out.push([lesson[1] + ":" + entry[0], { s: h >= 32 ? "correct" : "incorrect", r, t, f: entry[1] }]);
          }
        }
      }
      at += 1;
      if (at < text.length) {
        const rest = JSON.parse(text.slice(at));
        Object.keys(rest).forEach((key) => out.push([key, rest[key]]));
      }
    } catch (e) { /* 损坏或截断的 suspend_data：已读出的照用，其余当作没有 */ }
    return out;
  }

  /* ---- 运行 ---- */
  const found = (window.peixun || {}).scormApi; // scorm.js 找到的
  if (!found) return;
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
    const text = encode(table, records(), Math.min(table.limits[api.version] || 4096, 64000));
    if (text && text !== written && api.set(api.names.suspend, text)) written = text;
  }
  function restore() {
    if (!store) return;
    decode(table, written).forEach(([key, record]) => {
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
