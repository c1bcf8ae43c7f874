/* suspend_data 的写法（peixun.scorm），只在学习平台里由 scorm.js 载入；scorm-runtime.js 用它。

   版本 2。SCORM 1.2 限 4,096 个字符，本课程全部题目都答过、每课都读过也放得下：
     "2" "." 基准 "." 各课 "." 阅读 "." 成绩 "." 其他
     基准   最早一条答题记录的日子，自 1970 年起的整天数（UTC），36 进制（太旧的按最新一条之前 63 天算）
     各课   每课：代码（3 个字符，table.js 给出：课的 id 与各题 id、指纹的摘要）+ 题数（2 位）+ 每题一格
     每题   "~" 未答；或者 首字符 + 答案各值 + 日子（1 位，基准后的天数）
            首字符 = A64[(答对 ? 32 : 0) + 值的个数]
            值     单选、多选题：选项的键写作它在本题选项中的序号 A64[n]。序号按网站显示的次序
                   （peixun.quiz.shuffle.shown_options，table.js 每题的第三项）而不按题库里的次序：
                   显示次序只随课的 id、题的 id 和选项文字变，指纹管得住；题库里挪动选项不改指纹。
                   其他题："0"–"59" 为 A64[n]（排序题的各项）；"true" 为 A64[60]；"false" 为 A64[61]。
                   其余文字（填空的答案、不在本题选项中的值）为 A64[62] + A64[长度] + 文字
                   （最多 63 个字符，更长的截断）。
     阅读   每课的阅读记录（_visit:<课的 id>，peixun/quiz/contract.py）12 个字符：代码（3 个字符，
            table.js 的 visits：只由课的 id 得出）+ 已读（"1" 或 "0"）+ t（5 位，自 1970 年起的分钟数）
            + 停留秒数（3 位）。打开时间（opened，只用于“继续学习”）恢复为 t。
     成绩   每次测评（_exam:attempt:<考试 id>:<开始时刻>）：A64[id 长度] + id + 开始时刻（7 位，毫秒）
            + t 晚于开始的毫秒数（5 位）+ 得分（2 位）+ 及格（"1" 或 "0"）+ 用时秒数（3 位）
            + 题数、答对数（各 2 位）+ 章数（1 位）+ 每章：章序号（1 位，table.js 的 chapters）
            + 答对数、题数（各 2 位）。字段不止这些或超出位数的记录写进“其他”。
     其他   本课程其余记录（_exam:…、_review:… 等，也包括上面写不下的记录）的 JSON 对象，键不含前缀
     A64 = 0-9A-Za-z-_ ，多位数高位在前。
   放不下时：阅读记录、测评成绩和答题记录优先（学员换电脑后要接着学，成绩要留下），答题记录
   太多时从最旧的舍起；“其他”记录按种类依次放（写不成紧凑形式的测评成绩、学员信息、学习时间、
   错题复习、测评试卷、其余），同类从新到旧，放得下几条放几条。舍去的只是不进平台，本机的记录不动。
   恢复时每条记录与本机同键的记录比较 t，较新的留下（peixun/quiz/contract.py）；时间按天
   （答案）或分钟（阅读）向下取整，所以平台里的记录只在确实更新时才替换本机的。 */
(() => {
  "use strict";

  const A64 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  const DAY = 86400000;
  const MINUTE = 60000;
  const MAX_DAYS = 63; // 一位 A64
  const MAX = (width) => Math.pow(64, width) - 1;
  const MAX_TEXT = 63;
  const TRUE = 60;
  const FALSE = 61;
  const TEXT = 62;
  const EMPTY = "~";
  const FORMAT = "2";
  const VISIT = "_visit:";
  const VISIT_LENGTH = 12;
  const ATTEMPT = "_exam:attempt:";
  const ATTEMPT_FIELDS = "chapters,passed,right,score,seconds,t,total";
  // “其他”记录放进去的次序（键的开头）；不在其中的排在最后
  const KINDS = ["_exam:attempt:", "_profile:", "_quiztime:", "_review:", "_exam:paper:"];

  /* ---- suspend_data：写 ---- */
  const digits = (n, width) => {
    let out = "";
    for (let i = 0; i < width; i++) { out = A64[n % 64] + out; n = Math.floor(n / 64); }
    return out;
  };
  const undigits = (text) => Array.from(text).reduce((n, c) => n * 64 + A64.indexOf(c), 0);
  const isAnswer = (v) => v && /^(in)?correct$/.test(v.s) && Array.isArray(v.r) &&
    v.r.every((x) => typeof x === "string") && typeof v.t === "number";
  const isVisit = (v) => v && typeof v === "object" && typeof v.t === "number" && v.t >= 0;
  const clamp = (n, most) => Math.min(most, Math.max(0, Math.floor(Number(n) || 0)));

  function clip(text) {
    let t = text;
    while (t.length > MAX_TEXT) t = Array.from(t).slice(0, -1).join("");
    return t;
  }
  function value(x, keys) {
    if (keys) {
      const n = keys.indexOf(x);
      if (n >= 0 && n < TRUE) return A64[n];
    } else {
      if (/^(0|[1-9]\d?)$/.test(x) && Number(x) < TRUE) return A64[Number(x)];
      if (x === "true") return A64[TRUE];
      if (x === "false") return A64[FALSE];
    }
    const t = clip(x);
    return A64[TEXT] + A64[t.length] + t;
  }
  function slot(a, base) {
    const days = clamp(Math.floor(a.record.t / DAY) - base, MAX_DAYS);
    return A64[(a.record.s === "correct" ? 32 : 0) + a.record.r.length] +
      a.record.r.map((x) => value(x, a.keys)).join("") + A64[days];
  }
  function visitText(code, v) {
    return code + (v.read === true ? "1" : "0") + digits(clamp(v.t / MINUTE, MAX(5)), 5) +
      digits(clamp(v.seconds, MAX(3)), 3);
  }
  /* 一次测评成绩的紧凑写法；形状不合（多了字段、数超出位数）时为 null，写进“其他” */
  const fits = (n, width) => Number.isInteger(n) && n >= 0 && n <= MAX(width);
  function attemptText(chapters, key, v) {
    const m = /^_exam:attempt:([^:]*):(\d+)$/.exec(key);
    if (!m || m[1].length > 63 || !v || Object.keys(v).sort().join() !== ATTEMPT_FIELDS) return null;
    const start = Number(m[2]);
    const done = Object.entries(v.chapters || {});
    if (String(start) !== m[2] || !fits(start, 7) || !fits(v.t - start, 5) || !fits(v.score, 2) ||
      typeof v.passed !== "boolean" || !fits(v.seconds, 3) || !fits(v.total, 2) || !fits(v.right, 2) ||
      typeof v.chapters !== "object" || Array.isArray(v.chapters) || done.length > 63) return null;
    let text = A64[m[1].length] + m[1] + digits(start, 7) + digits(v.t - start, 5) + digits(v.score, 2) +
      (v.passed ? "1" : "0") + digits(v.seconds, 3) + digits(v.total, 2) + digits(v.right, 2) + A64[done.length];
    for (const [chapter, c] of done) {
      const at = chapters.indexOf(chapter);
      if (at < 0 || at > 63 || !c || Object.keys(c).sort().join() !== "right,total" ||
        !fits(c.right, 2) || !fits(c.total, 2)) return null;
      text += A64[at] + digits(c.right, 2) + digits(c.total, 2);
    }
    return text;
  }

  /* 本课程的全部记录：能按表写的答题记录、阅读记录与其余记录 */
  function gather(table, records) {
    const place = new Map();
    table.lessons.forEach(([, lesson, entries], li) => entries.forEach(([qid, fp, keys], qi) => {
      place.set(lesson + ":" + qid, { li, qi, fp, keys: keys || null });
    }));
    const visitCodes = new Map((table.visits || []).map(([code, lesson]) => [VISIT + lesson, code]));
    const answers = [];
    const visits = [];
    const attempts = [];
    const others = [];
    records.forEach(([key, record]) => {
      const at = place.get(key);
      let compact = null;
      if (at && isAnswer(record) && record.f && record.f !== at.fp) return; // 题目已改：quiz.js 也不用它
      if (at && isAnswer(record) && record.r.length < 32) {
        answers.push({ key, record, lesson: at.li, question: at.qi, keys: at.keys });
      } else if (visitCodes.has(key) && isVisit(record)) {
        visits.push(visitText(visitCodes.get(key), record));
      } else if (key.startsWith(ATTEMPT) && (compact = attemptText(table.chapters || [], key, record))) {
        attempts.push(compact);
      } else if (record && typeof record === "object") {
        others.push([key, record]);
      }
    });
    return { answers, visits, attempts, others };
  }

  function encodeAnswers(table, answers) {
    if (!answers.length) return ["0", ""];
    const newest = Math.max(...answers.map((a) => Math.floor(a.record.t / DAY)));
    const oldest = Math.min(...answers.map((a) => Math.floor(a.record.t / DAY)));
    const base = Math.max(oldest, newest - MAX_DAYS);
    const byLesson = new Map();
    answers.forEach((a) => {
      if (!byLesson.has(a.lesson)) byLesson.set(a.lesson, []);
      byLesson.get(a.lesson)[a.question] = a;
    });
    const parts = Array.from(byLesson.keys()).sort((x, y) => x - y).map((li) => {
      const slots = byLesson.get(li);
      let text = table.lessons[li][0] + digits(slots.length, 2);
      for (let i = 0; i < slots.length; i++) text += slots[i] ? slot(slots[i], base) : EMPTY;
      return text;
    });
    return [base.toString(36), parts.join("")];
  }

  const kind = (key) => { const i = KINDS.findIndex((k) => key.startsWith(k)); return i < 0 ? KINDS.length : i; };
  const order = (a, b) => kind(a[0]) - kind(b[0]) || (Number(b[1].t) || 0) - (Number(a[1].t) || 0);

  /* 整个 suspend_data；超过 limit 时按上面说的次序舍去，直到放得下 */
  function encode(table, records, limit) {
    const { answers, visits, attempts, others } = gather(table, records);
    answers.sort((a, b) => a.record.t - b.record.t); // 旧的在前，先舍去
    const kept = others.slice().sort(order);
    const headOf = () => [FORMAT, ...encodeAnswers(table, answers), visits.join(""), attempts.join("")]
      .join(".") + ".";
    let head = headOf();
    while (head.length > limit && answers.length) {
      answers.shift();
      head = headOf();
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
    const unique = (list) => {
      const codes = new Map();
      list.forEach((item) => codes.set(item[0], codes.has(item[0]) ? null : item)); // 两课同码：都不恢复
      return codes;
    };
    const lessons = unique(table.lessons);
    const visitCodes = unique(table.visits || []);
    const take = (n) => {
      if (at + n > text.length) throw new Error("suspend_data 不完整");
      const s = text.slice(at, at + n);
      at += n;
      return s;
    };
    try {
      while (at < text.length && text[at] !== ".") {
        const lesson = lessons.get(take(3));
        const count = undigits(take(2));
        for (let i = 0; i < count; i++) {
          const head = take(1);
          if (head === EMPTY) continue;
          const h = A64.indexOf(head);
          const entry = lesson && lesson[2][i];
          const keys = entry && entry[2];
          const r = [];
          for (let k = 0; k < h % 32; k++) {
            const c = A64.indexOf(take(1));
            if (c === TEXT) r.push(take(A64.indexOf(take(1))));
            else if (keys) r.push(keys[c]);
            else r.push(c === TRUE ? "true" : c === FALSE ? "false" : String(c));
          }
          const t = (base + A64.indexOf(take(1))) * DAY;
          if (entry && r.every((x) => typeof x === "string")) {
            out.push([lesson[1] + ":" + entry[0], { s: h >= 32 ? "correct" : "incorrect", r, t, f: entry[1] }]);
          }
        }
      }
      at += 1;
      while (at < text.length && text[at] !== ".") {
        const item = take(VISIT_LENGTH);
        const lesson = visitCodes.get(item.slice(0, 3));
        const t = undigits(item.slice(4, 9)) * MINUTE;
        if (lesson) out.push([VISIT + lesson[1], { t, read: item[3] === "1", opened: t, seconds: undigits(item.slice(9)) }]);
      }
      at += 1;
      const chapters = table.chapters || [];
      while (at < text.length && text[at] !== ".") {
        const id = take(A64.indexOf(take(1)));
        const start = undigits(take(7));
        const v = { t: start + undigits(take(5)), score: undigits(take(2)), passed: take(1) === "1",
          seconds: undigits(take(3)), chapters: {}, total: undigits(take(2)), right: undigits(take(2)) };
        const count = A64.indexOf(take(1));
        let known = true;
        for (let i = 0; i < count; i++) {
          const chapter = chapters[A64.indexOf(take(1))];
          const right = undigits(take(2));
          const total = undigits(take(2));
          if (chapter) v.chapters[chapter] = { right, total }; else known = false;
        }
        if (known) out.push([`${ATTEMPT}${id}:${start}`, v]);
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
