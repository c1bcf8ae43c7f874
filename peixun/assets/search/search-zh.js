/* 中文搜索：MkDocs-MaterialX 下的查询一侧（peixun.search；用 Material 时搜索在 peixun 自己的
 * worker 里运行，见 worker.js）。
 *
 * MaterialX 的搜索在它自己的 Web Worker 里运行。这里不改动主题的脚本，只在页面把消息交给
 * worker 的那一刻（Worker.prototype.postMessage）做两件事：
 *   1. 索引送进 worker 时（SETUP），先照常送出，再从索引文本里数出构建时 jieba 切出的词、
 *      词频，以及术语拆开的写法（与 peixun/search/split_index.py 同一条规则），读出构建写在
 *      索引 config 里的拼音表和术语变体；
 *   2. 查询送进 worker 时（QUERY），用 query.js（先于本文件载入）把查询改写成索引里的词，
 *      写成 lunr 的查询再交给主题。
 * 每个词的字与字之间加 lunr 的转义符“\”，主题自带的逐字贪心切分就不会再把词拆开（lunr 解析
 * 查询时去掉转义符）；每个词带权重“^n”（主题因此不再自己加通配符）；按前缀匹配的词加“*”。
 * 在 file:// 下同样有效：离线插件用 iframe 模拟的 Worker 也走这里；MaterialX 的查询消息
 * （{query}）和 Material 的（字符串）都认得。出错时查询原样交给主题，搜索照常可用。
 */
(function () {
  "use strict"

  var SETUP = 0
  var QUERY = 2
  var MAX_PIECES = 3 // as peixun/search/split_index.py
  var Q = window.peixunQuery
  var HAN = null

  /** The index's words counted from its documents (what split_index.py writes for peixun's
   * own worker): Han tokens, how often and in how many entries, and the other tokens. */
  function DocsStore(docs, separator) {
    var counts = new Map()
    var entries = new Map()
    var prefixes = new Set()
    var latin = new Set()
    var runs = []
    var total = 0
    var split = new RegExp(separator, "g")
    for (var d = 0; d < docs.length; d++) {
      var seen = new Set()
      var fields = [docs[d].title || "", docs[d].text || ""]
      for (var f = 0; f < fields.length; f++) {
        var tokens = fields[f].replace(/<[^>]*>/g, " ").split(split)
        var run = []
        for (var t = 0; t < tokens.length; t++) {
          var token = tokens[t].toLowerCase()
          if (!token) continue
          if (!HAN.one.test(token)) {
            latin.add(token)
            if (run.length > 1) runs.push(run)
            run = []
            continue
          }
          counts.set(token, (counts.get(token) || 0) + 1)
          run.push(token)
          seen.add(token)
          total++
        }
        if (run.length > 1) runs.push(run)
      }
      seen.forEach(function (token) { entries.set(token, (entries.get(token) || 0) + 1) })
    }
    counts.forEach(function (_, word) {
      for (var i = 1; i < word.length; i++) prefixes.add(word.slice(0, i))
    })
    this.splits = splitsOf(runs, counts)
    this.counts = counts
    this.entryCounts = entries
    this.prefixes = prefixes
    this.latin = latin
    this.total = total
    this.size = docs.length
  }
  DocsStore.prototype.count = function (word) { return this.counts.get(word) || 0 }
  DocsStore.prototype.entries = function (word) { return this.entryCounts.get(word) || 0 }
  DocsStore.prototype.startsWord = function (text) { return this.prefixes.has(text) }
  DocsStore.prototype.split = function (word) { return this.splits.get(word) || null }
  DocsStore.prototype.isLatin = function (token) { return this.latin.has(token) }

  /** Words the index also has as 2 to MAX_PIECES neighbouring tokens of two or more characters
   * each: the most frequent such way of writing each (the rule of split_index.py). */
  function splitsOf(runs, counts) {
    var ways = new Map()
    runs.forEach(function (run) {
      for (var i = 0; i < run.length - 1; i++)
        for (var k = 2; k <= MAX_PIECES && i + k <= run.length; k++) {
          var pieces = run.slice(i, i + k)
          var word = pieces.join("")
          if (pieces.some(function (piece) { return piece.length < 2 }) || !counts.has(word)) continue
          var byWay = ways.get(word) || new Map()
          var key = pieces.join(" ")
          byWay.set(key, (byWay.get(key) || 0) + 1)
          ways.set(word, byWay)
        }
    })
    var splits = new Map()
    ways.forEach(function (byWay, word) {
      var best = null, most = 0
      byWay.forEach(function (n, key) { if (n > most) { best = key; most = n } })
      splits.set(word, best.split(" "))
    })
    return splits
  }

  /* A word as lunr's query syntax asks for it: "求\\实\\四\\问^3" (see above). */
  function lunrTerm(word) {
    if (!word.han) return word.text
    return Array.from(word.text).join("\\") + (word.open ? "*" : "") + "^" + word.boost
  }

  function rewrite(query, index) {
    var text = Q.expand(query, index.store, index.pinyin, index.variants)
    return Q.words(text, index.vocabulary, HAN).map(lunrTerm).join(" ")
  }

  var Worker = window.Worker
  if (typeof Worker === "undefined" || Worker.prototype.peixunSearchZh || !Q) return
  var postMessage = Worker.prototype.postMessage
  var index = null // {store, vocabulary, pinyin, variants} once the index has been sent

  Worker.prototype.peixunSearchZh = true
  Worker.prototype.postMessage = function (message) {
    var rest = Array.prototype.slice.call(arguments, 1)
    if (message && message.type === SETUP && message.data && message.data.docs) {
      // The index goes to the worker first: the worker builds its index while the page reads
      // the vocabulary, and the first query waits for the worker anyway (its READY message).
      var sent = postMessage.apply(this, arguments)
      try {
        HAN = new Q.Han(JSON.parse(document.getElementById("px-config").textContent).han)
        var store = new DocsStore(message.data.docs, message.data.config.separator)
        index = {
          store: store,
          vocabulary: new Q.Vocabulary(store),
          pinyin: new Q.PinyinTable(message.data.config.peixun_pinyin), // pinyin.CONFIG_KEY
          variants: message.data.config.peixun_variants || [] // variants.CONFIG_KEY
        }
      } catch (error) {
        console.warn("search-zh: queries left as typed", error) // the theme's own search still runs
      }
      return sent
    } else if (message && message.type === QUERY && index) {
      try {
        if (typeof message.data === "string")
          message = { type: QUERY, data: rewrite(message.data, index) }
        else if (message.data && typeof message.data.query === "string") // MaterialX: {id, data: {query}}
          message = Object.assign({}, message, {
            data: Object.assign({}, message.data, { query: rewrite(message.data.query, index) })
          })
      } catch (error) {
        console.warn("search-zh: query left as typed", error) // the theme's own search still runs
      }
    }
    return postMessage.apply(this, [message].concat(rest))
  }

  /* In the browser console: how a query is rewritten (peixunSearchZh.rewrite("如何处理矛盾")). */
  window.peixunSearchZh = {
    rewrite: function (query) { return index ? rewrite(query, index) : query },
    ready: function () { return index !== null }
  }
})()
