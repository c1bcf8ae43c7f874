/* 按需载入（peixun/quiz/contract.py）：各章题目的脚本、考试的脚本、间隔重复的算法库。
   用 <script> 而不用 fetch：从文件夹打开（file://）时浏览器不许 fetch 本地文件，脚本照样能载入。 */
(() => {
  "use strict";
  const here = document.currentScript ? document.currentScript.src : "";
  const pending = new Map(); // 绝对地址 → Promise：同一脚本只载入一次

  /* 载入一个脚本（url 相对于当前页面）；载入后 resolve，失败时 reject 一句中文 */
  function loadScript(url) {
    const src = new URL(url, document.baseURI).href;
    if (!pending.has(src)) {
      pending.set(src, new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = src;
        script.onload = () => resolve();
        script.onerror = () => {
          pending.delete(src); // 下次再试
          script.remove();
          reject(new Error(`无法载入 ${src}`));
        };
        document.head.append(script);
      }));
    }
    return pending.get(src);
  }

  /* 题目 HTML 里的链接相对于题目脚本；改成绝对地址，放到哪一页都对 */
  function rebase(html, base) {
    const box = document.createElement("template");
    box.innerHTML = html;
    box.content.querySelectorAll("a[href]").forEach((a) => {
      a.setAttribute("href", new URL(a.getAttribute("href"), base).href);
    });
    return box.content;
  }

  /* 各章题目：chapters 为 data-chapters 里的项（{id, src}）。resolve 为
     {章 id: [{l, q, t, d, h, node()}]}，node() 每次给出一份新的题目元素（<fieldset>） */
  function loadQuestions(chapters) {
    return Promise.all(chapters.map((chapter) => loadScript(chapter.src).then(() => {
      const data = (window.peixun.questionData || {})[chapter.id];
      if (!data) throw new Error(`${chapter.src} 里没有“${chapter.id}”的题目`);
      const base = new URL(chapter.src, document.baseURI).href;
      return [chapter.id, data.map((item) => Object.assign({}, item, {
        chapter: chapter.id,
        node: () => rebase(item.h, base).firstElementChild,
      }))];
    }))).then((pairs) => Object.fromEntries(pairs));
  }

  /* 随站点提供的文件（与本文件同在 assets/peixun/ 下），如 "vendor/ts-fsrs.umd.js" */
  const shipped = (name) => new URL(`../${name}`, here).href;

  window.peixun = Object.assign(window.peixun || {}, { loadScript, loadQuestions, shipped });

  /* 只有某些页面才用的脚本（演示、学习计划、学习档案、考试……，清单在 peixun/assets/__init__.py
     的 PAGE_ASSETS）：构建时写进那些页面的 <head>（defer，标 data-px-on-demand）。首次打开时浏览器
     自己按顺序执行；即时导航换页时 Material 把新页面 <head> 里的它们放进来却不执行，这里依次载入，
     每个脚本只载入一次（脚本自己用 document$ 处理以后的换页）。 */
  const onDemand = () => Array.from(document.querySelectorAll("script[data-px-on-demand]"));
  onDemand().forEach((script) => pending.set(script.src, Promise.resolve()));
  function pageScripts() {
    onDemand().reduce((done, script) => done.then(() => loadScript(script.src)), Promise.resolve())
      .catch((e) => console.error("本页脚本载入失败", e));
  }
  if (typeof document$ !== "undefined") document$.subscribe(pageScripts);
})();
