/* 搜索索引按需加载（peixun.search；见 ARCHITECTURE.md“搜索索引何时加载”）。
 *
 * Material 9.8 在页面打开时就请求 search/search_index.json（约 450 KB），从不搜索的学员
 * 也要下载。它用 XMLHttpRequest 请求索引，而且是在主题脚本运行的那一刻发出的，所以本脚本
 * 放在主题脚本之前（peixun/site/templates/main.html），只做一件事：索引的那一个请求先不
 * 发出（send 暂存），等学员第一次打开或点进搜索框（按 /、s、f，点搜索图标，或焦点进入
 * 搜索框）时再发出。Material 自己的流程一步不改：请求一发出，它照常建索引、出结果；学员
 * 在索引到达之前已经输入的字，Material 在 worker 就绪后自动补查。
 * 地址里带 ?q=（搜索链接）或 ?h=（从搜索结果打开、要高亮）时，页面一打开就要用索引，立即发出。
 * 从文件夹打开（file://）时 Material 本来就等搜索打开后才读入内嵌的 search_index.js，这里不用管。
 */
(function () {
  "use strict"

  var XHR = window.XMLHttpRequest
  if (location.protocol === "file:" || !XHR || XHR.prototype.peixunLazyIndex) return
  XHR.prototype.peixunLazyIndex = true

  var config = document.getElementById("__config")
  var base = config ? JSON.parse(config.textContent).base : "."
  var index = new URL("search/search_index.json", new URL(base, location.href)).href
  var open = XHR.prototype.open
  var send = XHR.prototype.send
  var held = [] // [request, arguments of send] waiting for the learner to open search
  var wanted = /[?&][qh]=/.test(location.search)

  XHR.prototype.open = function (method, url) {
    this.peixunIndex = new URL(String(url), location.href).href === index
    return open.apply(this, arguments)
  }

  XHR.prototype.send = function () {
    if (this.peixunIndex && !wanted) {
      held.push([this, arguments])
      return undefined
    }
    return send.apply(this, arguments)
  }

  function release() {
    if (wanted) return
    wanted = true
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]) })
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

  /* For tests and the benchmark: whether the index has been asked for. */
  window.peixunSearchIndex = { requested: function () { return wanted } }
})()
