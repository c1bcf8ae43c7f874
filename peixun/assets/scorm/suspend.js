/* suspend_data 的写法（peixun.scorm），只在学习平台里由 scorm.js 载入；scorm-runtime.js 用它。

   版本 1。SCORM 1.2 限 4,096 个字符，本课程全部题目都答过也放得下：
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

  window.peixun.suspend = { encode, decode };
})();
