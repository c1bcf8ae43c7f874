/* SCORM（peixun.scorm）：网站在学习平台（LMS）里打开时，向平台报告学习情况，并把本课程的
   学习记录存进 cmi.suspend_data，换一台电脑登录平台也能接着学。不在平台里时什么也不做。

   找平台：按 SCORM 的惯例，从本窗口起逐层看 window.parent（最多 10 层），再看 window.opener，
   找 API_1484_11（SCORM 2004）或 API（SCORM 1.2）。找到了才载入 suspend_data 的写法 suspend.js、
   运行时 scorm-runtime.js 和题表 table.js（构建时写出，peixun.scorm.table）：网站不在平台里时，每页只多这一个小文件。
   报告：平台打开的那一页（SCO）算数。课文页：peixun:lesson-state 说已读且自测已完成时为 completed；
   综合测评：peixun:exam-submitted 的得分（0–100）、是否及格、用时。离开页面（pagehide）时提交并结束。 */
(() => {
  "use strict";
  const METHODS = { "2004": "Initialize", "1.2": "LMSInitialize" };
  function apiIn(win) {
    try {
      for (const [version, name] of [["2004", "API_1484_11"], ["1.2", "API"]]) {
        const api = win[name];
        if (api && typeof api[METHODS[version]] === "function") return { version, api };
      }
    } catch (e) { /* 别的网站的框架，不能访问 */ }
    return null;
  }
  function walk(win) {
    for (let depth = 0; win && depth <= 10; depth++) {
      const found = apiIn(win);
      if (found) return found;
      let parent = null;
      try { parent = win.parent; } catch (e) { return null; }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }
  function findAPI() {
    let opener = null;
    try { opener = window.opener; } catch (e) { /* 无法访问 */ }
    return walk(window) || (opener ? walk(opener) : null);
  }


  const found = findAPI();
  if (!found || !window.peixun || !window.peixun.store) return; // 不在平台里（或没有 quiz.js）：什么也不做
  window.peixun.scormApi = found;
  // 在页面解析完、quiz.js 填回答案之前载入并恢复记录：document.write 写入的脚本按顺序同步执行
  const script = document.currentScript;
  const here = script ? script.src : location.href;
  const urls = ["suspend.js", "scorm-runtime.js", "table.js"].map((name) => new URL(name, here).href);
  if (document.readyState === "loading") {
    document.write(urls.map((url) => `<script src="${url}"><\/script>`).join(""));
  } else {
    urls.forEach((url) => {
      const s = document.createElement("script");
      s.src = url;
      s.async = false;
      document.head.append(s);
    });
  }
})();
