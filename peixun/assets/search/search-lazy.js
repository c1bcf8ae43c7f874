/* 搜索按需加载（peixun.search；见 ARCHITECTURE.md“搜索”）。
 *
 * Material 9.8 在主题脚本启动的那一刻就创建搜索 worker，并用 XMLHttpRequest 请求
 * search/search_index.json，从不搜索的学员也要下载。本脚本放在主题脚本之前
 * （peixun/site/templates/main.html），把这两件事都推迟到学员第一次打开或点进搜索框
 * （按 /、s、f，点搜索图标，或焦点进入搜索框）时：
 *   1. worker：Material 创建的是一个替身，它记下 Material 要发的消息和要听的事件；学员打开搜索
 *      时才创建真正的 worker，把记下的消息依次发出，worker 的回信由替身转给 Material；
 *   2. 索引：那一个请求先不发出（send 暂存），到时再发出。
 * 用 Material 时，worker 是 peixun 自己的（worker.js，读构建时写好的分块索引）：本脚本在主题读
 * 配置之前把 __config 里的 worker 地址换成它。用 MkDocs-MaterialX 时主题的 worker 照旧，查询由
 * search-zh.js（连同它用的 query.js）改写。
 * 从文件夹打开（file://）时两样都不管：没有下载，Material 本来就等搜索打开后才读入内嵌的
 * search_index.js；垫片的 worker 是页面里的一个 iframe，打开搜索时才建。地址里带 ?q=（搜索链接）
 * 或 ?h=（从搜索结果打开、要高亮）时，页面一打开就要用搜索，立即放行。
 */
(function () {
  "use strict"

  if (window.peixunSearchIndex) return
  var overHttp = location.protocol !== "file:"
  var config = document.getElementById("__config")
  var settings = config ? JSON.parse(config.textContent) : {}
  var base = new URL(settings.base || ".", location.href)
  var wanted = /[?&][qh]=/.test(location.search)
  /* With Material, search runs in peixun's own worker (worker.js, named on this script's tag by
   * main.html): the theme is handed its address instead of its own worker's, before the theme
   * reads its configuration. That worker rewrites queries itself: search-zh.js is not needed. */
  var ownWorker = document.currentScript.getAttribute("data-worker")
  if (config && ownWorker) {
    settings.search = new URL(ownWorker, location.href).href
    config.textContent = JSON.stringify(settings)
  }
  var waiting = [] // what to do once the learner opens search

  function release() {
    if (wanted) return
    wanted = true
    waiting.splice(0).forEach(function (go) { go() })
  }

  /* 0. search-zh.js (beside this file) extends the workers' postMessage: it has to be in place
   * before a real worker gets its first message. Where the worker waits for search to be
   * opened, so does it; elsewhere (file://, a theme without that worker) it loads at once. */
  var zhUrl = new URL("search-zh.js", document.currentScript.src).href
  var queryUrl = new URL("query.js", document.currentScript.src).href
  var zhReady = null // the callbacks waiting for it; null until it is asked for
  var zhLoaded = false
  function withSearchZh(then) {
    if (zhLoaded || ownWorker) return then()
    if (zhReady) return zhReady.push(then)
    zhReady = [then]
    // query.js (the query rules) first, then search-zh.js, which uses it. Without them search
    // still works, only without pinyin and segmentation: go on either way.
    var urls = [queryUrl, zhUrl]
    ;(function next() {
      if (!urls.length) {
        zhLoaded = true
        return zhReady.splice(0).forEach(function (go) { go() })
      }
      var script = document.createElement("script")
      script.src = urls.shift()
      script.onload = script.onerror = next
      document.head.appendChild(script)
    })()
  }

  /* 1. The search worker, created when search is first opened (over HTTP). */
  var RealWorker = window.Worker
  var workerUrl = settings.search ? new URL(settings.search, location.href).href : null
  if (overHttp && RealWorker && workerUrl) {
    /** What Material holds instead of its worker until search is opened: it keeps the messages
     * sent to the worker and passes on the worker's replies (Material listens with
     * addEventListener, through rxjs' fromEvent). */
    var Deferred = function (url, options) {
      var target = document.createDocumentFragment() // an EventTarget old Chromium can build
      var outbox = []
      var worker = null
      var self = this
      function start() { withSearchZh(create) }
      function create() {
        worker = new RealWorker(url, options)
        worker.addEventListener("message", function (event) {
          var copy = new MessageEvent("message", { data: event.data })
          target.dispatchEvent(copy)
          if (typeof self.onmessage === "function") self.onmessage(copy)
        })
        worker.addEventListener("error", function (event) { target.dispatchEvent(new Event("error")) })
        // Through the worker's own postMessage, which search-zh.js extends.
        outbox.splice(0).forEach(function (args) { worker.postMessage.apply(worker, args) })
      }
      this.addEventListener = function () { target.addEventListener.apply(target, arguments) }
      this.removeEventListener = function () { target.removeEventListener.apply(target, arguments) }
      this.dispatchEvent = function (event) { return target.dispatchEvent(event) }
      this.postMessage = function () {
        if (worker) return worker.postMessage.apply(worker, arguments)
        outbox.push(Array.prototype.slice.call(arguments))
      }
      this.terminate = function () { if (worker) worker.terminate(); outbox = [] }
      if (wanted) start()
      else waiting.push(start)
    }
    var LazyWorker = function (url, options) {
      if (new URL(String(url), location.href).href !== workerUrl) return new RealWorker(url, options)
      return new Deferred(url, options)
    }
    // search-zh.js extends Worker.prototype.postMessage: that must stay the real workers' own.
    LazyWorker.prototype = RealWorker.prototype
    window.Worker = LazyWorker
    // A theme that makes its worker some other way still gets it when search is opened.
    waiting.push(function () { withSearchZh(function () {}) })
  } else {
    withSearchZh(function () {})
  }

  /* 2. The index request, over HTTP (Material's XMLHttpRequest, sent when search is opened). */
  var XHR = window.XMLHttpRequest
  if (overHttp && XHR) {
    var index = new URL("search/search_index.json", base).href
    var open = XHR.prototype.open
    var send = XHR.prototype.send
    XHR.prototype.open = function (method, url) {
      this.peixunIndex = new URL(String(url), location.href).href === index
      return open.apply(this, arguments)
    }
    XHR.prototype.send = function () {
      if (this.peixunIndex && !wanted) {
        var request = this, args = arguments
        waiting.push(function () { send.apply(request, args) })
        return undefined
      }
      return send.apply(this, arguments)
    }
  }

  /* Material opens search by focusing its box (keys, the header label) and by ticking its
   * toggle (the search icon on phones); either is the learner asking for search. */
  document.addEventListener("focus", function (event) { // capture: before the box's own handlers
    var target = event.target
    if (target instanceof Element && target.matches("[data-md-component=search-query]")) release()
  }, true)
  document.addEventListener("change", function (event) {
    var target = event.target
    if (target instanceof HTMLInputElement && target.matches("[data-md-toggle=search]") && target.checked)
      release()
  }, true)

  /* For tests and the benchmark: whether search (worker and index) has been asked for. */
  window.peixunSearchIndex = { requested: function () { return wanted } }
})()
