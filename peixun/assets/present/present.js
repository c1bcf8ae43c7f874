/* 演示（peixun.present）：一屏一节，要点逐条出现，讨论题可计时，自测题可显示答案。
   键盘与翻页笔：→ ↓ PageDown 空格 下一步，← ↑ PageUp 上一步，Home/End，F 全屏，Esc 退出。
   页面结构见 peixun/present/render.py（data-present、data-slide、aria-current="step"、
   data-reveal 的 data-state）。即时导航换页后由 document$ 调用；data-ready 防止重复绑定。 */
(() => {
  "use strict";
  const FORWARD = new Set(["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar"]);
  const BACK = new Set(["ArrowLeft", "ArrowUp", "PageUp"]);
  // Material 的快捷键：N . 下一页、P , 上一页、S / 搜索。翻页笔的“黑屏”键发“.”或“B”：演示时一概不理，
  // 免得误按一下就离开演示。
  const THEME_KEYS = new Set(["n", "N", ".", "p", "P", ",", "s", "S", "/", "b", "B"]);
  const SCHEME_KEY = "_present:scheme"; // 深色或日间，本机记住（记录规则见 peixun/quiz/contract.py）
  let active = null; // 当前页面上的演示

  const storage = () => {
    const px = window.peixun;
    return px && px.store && px.settings ? px : null;
  };

  function loadScheme() {
    const px = storage();
    if (!px) return "light";
    const saved = px.store.load(px.settings().storage + SCHEME_KEY);
    return saved && saved.scheme === "dark" ? "dark" : "light";
  }

  function saveScheme(scheme) {
    const px = storage();
    if (px) px.store.set(px.settings().storage + SCHEME_KEY, { scheme, t: Date.now() });
  }

  const two = (n) => String(n).padStart(2, "0");

  function setupTimer(timer) {
    const select = timer.querySelector("[data-timer-minutes]");
    const clock = timer.querySelector("[data-timer-clock]");
    const bar = timer.querySelector("[data-timer-bar]");
    const status = timer.querySelector("[data-timer-status]");
    const toggle = timer.querySelector('[data-action="timer"]');
    const total = () => Number(select.value) * 60000;
    let remaining = total(), end = null, tick = null, warned = false;

    const left = () => (end === null ? remaining : Math.max(0, end - Date.now()));
    const render = () => {
      const ms = left();
      const s = Math.ceil(ms / 1000);
      clock.textContent = `${two(Math.floor(s / 60))}:${two(s % 60)}`;
      bar.style.width = `${(100 * ms) / total()}%`;
      if (end !== null && ms <= 60000 && !warned && total() > 60000) {
        warned = true;
        status.textContent = "还剩 1 分钟";
      }
      if (end !== null && ms <= 0) finish();
    };
    const stop = () => {
      if (tick !== null) clearInterval(tick);
      tick = null;
    };
    const state = (name, label) => {
      timer.dataset.state = name;
      toggle.textContent = label;
    };
    function finish() {
      stop();
      end = null;
      remaining = 0;
      state("done", "开始计时");
      status.textContent = "时间到";
    }
    function reset() {
      stop();
      end = null;
      remaining = total();
      warned = false;
      state("idle", "开始计时");
      render();
    }
    toggle.addEventListener("click", () => {
      if (end !== null) { // 暂停
        remaining = left();
        end = null;
        stop();
        state("paused", "继续计时");
        status.textContent = "计时暂停";
        return;
      }
      if (remaining <= 0) reset();
      end = Date.now() + remaining;
      tick = setInterval(render, 250);
      state("running", "暂停计时");
      status.textContent = `计时开始，剩余 ${Math.ceil(remaining / 60000)} 分钟`;
      render();
    });
    timer.querySelector('[data-action="timer-reset"]').addEventListener("click", () => {
      reset();
      status.textContent = "计时已重置";
    });
    select.addEventListener("change", () => { if (end === null) reset(); });
    reset();
  }

  function setup(root) {
    const slides = Array.from(root.querySelectorAll("[data-slide]"));
    const progress = root.querySelector("[data-progress-text]");
    const announce = root.querySelector("[data-announce]");
    const bar = root.querySelector(".px-present__bar");
    const fullButton = root.querySelector('[data-action="fullscreen"]');
    const schemeButton = root.querySelector('[data-action="scheme"]');
    let index = 0;

    const steps = (slide) => Array.from(slide.querySelectorAll("[data-step], [data-reveal]"));
    const shown = (el) => (el.hasAttribute("data-reveal") ? el.dataset.state === "shown" : el.hasAttribute("data-shown"));
    const setShown = (el, on) => {
      if (!el.hasAttribute("data-reveal")) {
        el.toggleAttribute("data-shown", on);
        return;
      }
      el.dataset.state = on ? "shown" : "hidden";
      const button = root.querySelector(`[aria-controls="${el.id}"]`);
      if (button) {
        button.setAttribute("aria-expanded", String(on));
        button.textContent = on ? "隐藏答案" : "显示答案";
      }
    };
    const say = (text) => { announce.textContent = text; };

    function show(n, all) {
      index = Math.max(0, Math.min(slides.length - 1, n));
      const current = slides[index];
      slides.forEach((s) => {
        if (s === current) s.setAttribute("aria-current", "step");
        else s.removeAttribute("aria-current");
      });
      steps(current).forEach((el) => setShown(el, all));
      progress.textContent = `${index + 1} / ${slides.length}`;
      const title = current.querySelector(".px-present__title");
      say(`第 ${index + 1} / ${slides.length} 屏：${title ? title.textContent : ""}`);
      try { history.replaceState(history.state, "", `#${index + 1}`); } catch (e) { /* file:// 的某些浏览器 */ }
      const focused = document.activeElement;
      if (!focused || (root.contains(focused) && !current.contains(focused) && !bar.contains(focused))) {
        root.focus({ preventScroll: true });
      }
      current.scrollTop = 0;
    }
    function forward() {
      const next = steps(slides[index]).find((el) => !shown(el));
      if (next) {
        setShown(next, true);
        say(next.textContent);
      } else if (index < slides.length - 1) {
        show(index + 1, false);
      }
    }
    function back() {
      const open = steps(slides[index]).filter(shown);
      if (open.length) setShown(open[open.length - 1], false);
      else if (index > 0) show(index - 1, true);
    }
    function leave() {
      window.location.href = new URL(root.dataset.back, window.location.href).href;
    }
    function fullscreen() {
      if (document.fullscreenElement) {
        document.exitFullscreen().catch(() => {});
      } else if (root.requestFullscreen) {
        root.requestFullscreen().catch(() => say("浏览器不允许全屏：可按 F11"));
      }
    }
    function scheme(name) {
      root.dataset.scheme = name;
      schemeButton.setAttribute("aria-pressed", String(name === "dark"));
    }

    root.addEventListener("click", (event) => {
      const target = event.target.closest("[data-action]");
      if (!target || !root.contains(target)) return;
      const action = target.dataset.action;
      if (action === "next") forward();
      else if (action === "prev") back();
      else if (action === "fullscreen") fullscreen();
      else if (action === "scheme") {
        const name = root.dataset.scheme === "dark" ? "light" : "dark";
        scheme(name);
        saveScheme(name);
      } else if (action === "reveal") {
        const answer = document.getElementById(target.getAttribute("aria-controls"));
        setShown(answer, !shown(answer));
        if (shown(answer)) say(answer.textContent);
      }
    });
    document.addEventListener("fullscreenchange", () => {
      fullButton.textContent = document.fullscreenElement ? "退出全屏" : "全屏";
    });
    root.querySelectorAll("[data-timer]").forEach(setupTimer);
    scheme(loadScheme());
    root.dataset.ready = "";
    const start = Number((window.location.hash.match(/^#(\d+)$/) || [])[1] || 1);
    show(start - 1, false);
    root.focus({ preventScroll: true });
    return { root, forward, back, leave, fullscreen, first: () => show(0, false), last: () => show(slides.length - 1, true) };
  }

  function onKey(event) {
    if (!active || !active.root.isConnected) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    const typing = target.closest && target.closest("input, select, textarea, [contenteditable]");
    const pressing = target.closest && target.closest("button, a[href]");
    const key = event.key;
    if (typing && key !== "Escape") return;
    if (pressing && (key === " " || key === "Enter")) return;
    if (FORWARD.has(key)) active.forward();
    else if (BACK.has(key)) active.back();
    else if (key === "Home") active.first();
    else if (key === "End") active.last();
    else if (key === "f" || key === "F") active.fullscreen();
    else if (key === "Escape") {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      else active.leave();
    } else if (!THEME_KEYS.has(key)) return;
    // 在 Material 的快捷键（F、S 打开搜索，P、N 翻页）之前处理，不再交给它
    event.preventDefault();
    event.stopPropagation();
  }

  function init() {
    const root = document.querySelector("[data-present]:not([data-ready])");
    if (!root) return;
    try {
      active = setup(root);
    } catch (e) {
      console.error("演示初始化失败", e);
    }
  }

  window.addEventListener("keydown", onKey, true);
  if (typeof document$ !== "undefined") document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
