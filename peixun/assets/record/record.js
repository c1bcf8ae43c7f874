/* 学习记录（peixun.record）：每课的学习状态（未学 / 已读 / 自测已完成），导航和章节页上的标记，
   首页的“继续学习”“今日复习”，课文页和测验页的学习时间。
   课程的章、课、题由构建写进 course-map.js（peixun/record/coursemap.py），本脚本第一次用到时加载；
   存储一律经 quiz.js 的 window.peixun.store（peixun/quiz/contract.py）。 */
(() => {
  "use strict";
  const script = document.currentScript;
  // 本文件在网站的 assets/peixun/record/ 里：网站根目录由它自己的地址得出，从文件夹打开也一样
  const root = new URL("../../../", script ? script.src : location.href);
  const px = () => window.peixun;
  const prefix = () => px().settings().storage;
  const load = (key) => px().store.load(prefix() + key);
  const save = (key, value) => px().store.set(prefix() + key, value);
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

  /* 课程地图分几份（peixun/record/coursemap.py）：提纲（各章的 id、标题、地址，各课的 id、地址，每页都载入）
     和每章一份（各课的标题、题目、指纹与旧版的键），用到哪些课才载入它们所在的章。courseMap() 给完整的地图 */
  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = src;
      tag.onload = () => resolve();
      tag.onerror = () => reject(new Error("无法加载课程地图"));
      document.head.append(tag);
    });
  }
  const once = (make) => { // 同一份只载入一次；载入失败时下次再试
    let promise = null;
    return () => promise || (promise = make().catch((e) => { promise = null; throw e; }));
  };
  const outline = once(() => {
    if (window.peixunCourseMap) return Promise.resolve(window.peixunCourseMap);
    const config = document.getElementById("px-record");
    if (!config) return Promise.reject(new Error("页面没有 px-record 配置"));
    return loadScript(new URL(JSON.parse(config.textContent).map, root).href)
      .then(() => window.peixunCourseMap);
  });
  const parts = new Map(); // 章 id → Promise
  function chapterPart(chapter) {
    if (!parts.has(chapter.id)) {
      parts.set(chapter.id, loadScript(new URL(chapter.part, root).href).then(() => {
        const lessons = (window.peixunCourseMapParts || {})[chapter.id];
        if (!lessons) throw new Error(`课程地图里没有“${chapter.id}”这一章`);
        // 与提纲同一顺序：并进提纲的各课（同一个对象，已拿到地图的代码也看得到）
        chapter.lessons.forEach((lesson, i) => Object.assign(lesson, lessons[i]));
      }).catch((e) => { parts.delete(chapter.id); throw e; }));
    }
    return parts.get(chapter.id);
  }
  /* 地图，其中 items（allLessons 的项）所在各章的题目已载入 */
  const withQuestions = (map, items) =>
    Promise.all(Array.from(new Set(items.map((x) => x.chapter)), chapterPart)).then(() => map);
  const courseMap = once(() => outline().then((map) => withQuestions(map, allLessons(map))));

  const pageUrl = (path) => new URL(path, root).href;
  const here = () => { const u = new URL(location.href); u.hash = ""; u.search = ""; return u.href; };

  /* 记录的来源：本机存储，或导入、汇总时读到的一个文件（records 对象） */
  const localSource = {
    visit: (id) => load("_visit:" + id),
    // 与 quiz.js 的 store.get 同一规则：题目改过（f 不同）的旧答案不算
    answer: (lesson, id, fp) => px().store.get(lesson, id, undefined, fp),
    keys: () => px().store.keys(),
    get: load,
  };

  function fileSource(records) {
    const get = (key) => (isObject(records[key]) ? records[key] : null);
    return {
      visit: (id) => get("_visit:" + id),
      answer: (lesson, id, fp) => {
        const v = get(lesson + ":" + id);
        const ok = v && /^(in)?correct$/.test(v.s) && Array.isArray(v.r);
        return ok && !(v.f && fp && v.f !== fp) ? v : null;
      },
      keys: () => Object.keys(records),
      get,
    };
  }

  /* 一课的状态。读完的规则在 coursemap.py（READ_SECONDS）：看到课文末尾并且累计停留够时间 */
  function lessonState(lesson, source = localSource) {
    const visit = source.visit(lesson.id) || {};
    const answers = lesson.q.map((id, i) => source.answer(lesson.id, id, lesson.fp[i]));
    const answered = answers.filter(Boolean);
    const right = answered.filter((a) => a.s === "correct").length;
    const total = lesson.q.length;
    const done = total > 0 && answered.length === total;
    const read = visit.read === true;
    return {
      lesson: lesson.id, read, done, score: done ? Math.round((100 * right) / total) : null,
      answered: answered.length, right, total, finished: read && (total === 0 || done),
      opened: Number(visit.opened) || 0, seconds: Number(visit.seconds) || 0,
      wrong: lesson.q.filter((id, i) => answers[i] && answers[i].s === "incorrect"),
    };
  }

  const stateText = (st) => (st.done ? `自测已完成，${st.score} 分` : st.read ? "已读" : "未学");
  const stateKind = (st) => (st.done ? "done" : st.read ? "read" : "unread");
  const allLessons = (map) => map.chapters.flatMap((c) => c.lessons.map((l) => ({ chapter: c, lesson: l })));

  /* 导航（Material 的侧栏）和章节页课文列表里每个课文链接后的状态：文字，不只靠颜色 */
  function markLinks(map) {
    const byUrl = new Map(allLessons(map).map((x) => [pageUrl(x.lesson.url), x]));
    const links = [];
    document.querySelectorAll(".md-nav--primary a.md-nav__link, .px-lessons a").forEach((a) => {
      const href = new URL(a.getAttribute("href") || "", location.href);
      if (href.hash && href.hash !== "#") return; // 本页小节的链接
      href.hash = "";
      if (byUrl.has(href.href)) links.push([a, byUrl.get(href.href)]);
    });
    return withQuestions(map, links.map(([, x]) => x)).then(() => markStates(links));
  }

  function markStates(links) {
    const states = new Map();
    links.forEach(([a, { lesson }]) => {
      if (!states.has(lesson.id)) states.set(lesson.id, lessonState(lesson));
      const st = states.get(lesson.id);
      // 导航里写在链接之内（链接的名称带上状态），课文列表里写在链接之后
      const inList = a.closest(".px-lessons") !== null;
      let badge = (inList ? a.parentElement : a).querySelector(".px-state");
      if (!badge) {
        badge = document.createElement("span");
        badge.className = "px-state";
        if (inList) a.after(badge); else a.append(badge);
      }
      if (badge.dataset.pxState === stateKind(st) && badge.dataset.score === String(st.score)) return;
      badge.dataset.pxState = stateKind(st);
      badge.dataset.score = String(st.score);
      badge.textContent = "";
      const shown = document.createElement("span");
      shown.setAttribute("aria-hidden", "true");
      shown.textContent = st.done ? `✓ ${st.score} 分` : st.read ? "已读" : "未学";
      const spoken = document.createElement("span");
      spoken.className = "px-sr-only";
      spoken.textContent = `（${stateText(st)}）`;
      badge.append(shown, spoken);
    });
  }

  /* 状态变了（读完、自测做完或得分变了）时在 document 上发 peixun:lesson-state（contract.py） */
  const known = new Map();
  function announce(lesson, quiet) {
    const st = lessonState(lesson);
    const key = [st.read, st.done, st.score].join();
    const before = known.get(lesson.id);
    known.set(lesson.id, key);
    // 没有基准（题目在页面打开后才载入）时照样发出：重复报告同一状态无害，漏报则不然
    if (quiet || before === key) return;
    document.dispatchEvent(new CustomEvent("peixun:lesson-state", {
      detail: { lesson: st.lesson, read: st.read, done: st.done, score: st.score },
    }));
  }

  /* 停留时间：页面可见时每秒累计，每 10 秒和离开页面时保存 */
  let tracker = null;
  function stopTracking() {
    if (!tracker) return;
    clearInterval(tracker.timer);
    if (tracker.observer) tracker.observer.disconnect();
    tracker.flush();
    tracker = null;
  }

  function track(key, onTick) {
    const saved = load(key);
    let seconds = isObject(saved) ? Number(saved.seconds) || 0 : 0;
    let last = Date.now();
    let unsaved = 0;
    const t = { key };
    t.flush = () => {
      if (!unsaved) return;
      unsaved = 0;
      const now = load(key);
      save(key, Object.assign(isObject(now) ? now : {}, { t: Date.now(), seconds: Math.round(seconds) }));
    };
    t.timer = setInterval(() => {
      const now = Date.now();
      const step = Math.min(Math.max(now - last, 0), 5000) / 1000; // 睡眠、挂起的时间不算
      last = now;
      if (document.visibilityState !== "visible") return;
      seconds += step;
      unsaved += step;
      if (unsaved >= 10) t.flush();
      if (onTick) onTick(seconds);
    }, 1000);
    tracker = t;
    return t;
  }

  function trackLesson(map, lesson) {
    const key = "_visit:" + lesson.id;
    const before = load(key);
    const visit = Object.assign({ read: false, seconds: 0 }, isObject(before) ? before : {});
    visit.opened = Date.now();
    visit.t = visit.opened;
    save(key, visit);
    const article = document.querySelector(".md-content article") || document.body;
    // 课文的末尾：课后自测开始的地方；没有自测就是页面末尾
    const quiz = article.querySelector('[data-quiz="lesson"]');
    const heading = quiz && quiz.previousElementSibling;
    // 观察页面上已有的元素，不插入新元素：插入会改变版面（外边距不再合并），页面会跳动
    const end = (heading && /^H[1-6]$/.test(heading.tagName) ? heading : quiz) ||
      article.lastElementChild || article;
    end.setAttribute("data-px-read-end", "");
    let seen = false;
    const t = track(key, (seconds) => {
      const now = load(key);
      if (!seen || seconds < map.readSeconds || (isObject(now) && now.read === true)) return;
      t.flush();
      save(key, Object.assign(load(key) || {}, { t: Date.now(), read: true }));
      announce(lesson);
      markLinks(map);
    });
    if ("IntersectionObserver" in window) {
      t.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) seen = true;
      });
      t.observer.observe(end);
    } else seen = true;
  }

  /* 首页：继续学习（最近打开的一课；还没有就第一课）和今日复习（到期的复习题数） */
  function fillHome(map) {
    const box = document.querySelector("[data-px-next]:not([data-ready])");
    if (!box) return;
    box.dataset.ready = "";
    const lessons = allLessons(map);
    if (!lessons.length) return;
    const opened = (lesson) => Number((localSource.visit(lesson.id) || {}).opened) || 0;
    const last = lessons.map((x) => ({ x, opened: opened(x.lesson) }))
      .reduce((a, b) => (b.opened > a.opened ? b : a), { x: lessons[0], opened: 0 });
    const link = box.querySelector("[data-px-continue]");
    link.href = pageUrl(last.x.lesson.url);
    // 课的标题在它那一章的一份里：只载入这一章
    return withQuestions(map, [last.x]).then(() => {
      link.textContent = (last.opened ? "" : "从第一课开始：") + `${last.x.chapter.title} · ${last.x.lesson.title}`;
      showDue(box, map);
    });
  }

  function showDue(box, map) {
    const now = Date.now();
    const due = px().store.keys().filter((k) => k.startsWith("_review:")).map(load)
      .filter((card) => isObject(card) && Number.isFinite(card.due) && card.due <= now).length;
    const review = box.querySelector("[data-px-review]");
    review.href = pageUrl(map.pages.wrong);
    review.dataset.count = String(due);
    review.textContent = due ? `${due} 道题到期，去错题本复习` : "今天没有到期的题，去错题本看看";
    box.hidden = false;
  }

  function init() {
    if (!px() || !px().store) return;
    const onPage = () => new Set(Array.from(document.querySelectorAll("[data-lesson]"), (el) => el.dataset.lesson));
    outline().then((map) => {
      const page = here();
      const lessonHere = allLessons(map).find(({ lesson }) => pageUrl(lesson.url) === page);
      const counted = onPage();
      return withQuestions(map, allLessons(map).filter((x) => x === lessonHere || counted.has(x.lesson.id)));
    }).then((map) => {
      const page = here();
      const lessonHere = allLessons(map).find(({ lesson }) => pageUrl(lesson.url) === page);
      if (lessonHere) announce(lessonHere.lesson, true);
      const article = document.querySelector(".md-content article");
      if (article && !article.hasAttribute("data-px-tracked")) {
        article.setAttribute("data-px-tracked", "");
        stopTracking();
        if (lessonHere) trackLesson(map, lessonHere.lesson);
        else if (map.timed.some((path) => pageUrl(path) === page)) {
          track("_quiztime:" + map.timed.find((path) => pageUrl(path) === page));
        }
      }
      // 本页题目所属各课的状态作为基准：此后变了才发 peixun:lesson-state
      // （题目在页面打开后才载入的页面，这时还没有 [data-lesson]：答题时再载入那一章）
      const counted = onPage();
      allLessons(map).forEach((x) => { if (x.lesson.q && counted.has(x.lesson.id)) announce(x.lesson, true); });
      document.dispatchEvent(new CustomEvent("peixun:record-ready", { detail: map }));
      return Promise.all([markLinks(map), fillHome(map)]);
    }).catch((e) => console.error("学习记录初始化失败", e));
  }

  // 答题后：这一课的状态可能变了
  document.addEventListener("peixun:answered", (event) => {
    outline().then((map) => {
      const found = allLessons(map).find(({ lesson }) => lesson.id === event.detail.lesson);
      if (!found) return markLinks(map);
      return withQuestions(map, [found]).then(() => { announce(found.lesson); return markLinks(map); });
    }).catch(() => {});
  });
  addEventListener("pagehide", stopTracking);
  document.addEventListener("visibilitychange", () => { if (tracker && document.hidden) tracker.flush(); });

  window.peixun = Object.assign(window.peixun || {}, {
    record: {
      courseMap, outline, root, pageUrl, lessonState, stateText, stateKind, allLessons, localSource, fileSource,
      isObject, refresh: () => outline().then(markLinks),
    },
  });

  if (typeof document$ !== "undefined") document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
