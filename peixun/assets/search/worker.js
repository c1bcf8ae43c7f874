/* peixun 的搜索 worker（peixun.search；见 ARCHITECTURE.md“搜索”）。
 *
 * 代替 Material 9 的搜索 worker，说同样的消息（SETUP → READY，QUERY → RESULT），给出同样的结果
 * （按页分组的条目，带得分、高亮和命中的词），页面上 Material 的搜索界面一点不改。不同的是
 * 索引：Material 的 worker 每次打开网站都要从全部正文从头建立 lunr 索引；这里读构建时写好的
 * 分块索引（peixun/search/split_index.py），一次查询只载入它用到的：
 *   - meta.js：每条的所在页和权重、字段权重、拼音表、术语变体（打开搜索时载入）；
 *   - terms/K.js：查询里每个字所在的那一块词表（词频、倒排表）；
 *   - pages/P.js：结果里要显示的那些页的标题和正文。
 * 打分与 lunr 2 一致（BM25，k1 = 1.2，Material 设 b = 0；字段与条目的权重；查询向量归一），
 * 随后与 Material 一样：章节标题和命中查询词多的条目加分，按页分组，命中的词加 <mark>（highlight.js）。查询先由 query.js 改写
 * 成索引里的词（拼音、术语变体、分词、疑问虚词），与 MkDocs-MaterialX 下页面里的改写是同一份代码。
 * 从文件夹打开时，离线插件让这个脚本在一个 iframe 里运行（iframe-worker 垫片），importScripts
 * 由垫片用 <script> 实现：所以索引的每一块都是一个脚本，而不是 JSON。
 */
(function () {
  "use strict"

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
  var K1 = 1.2 // lunr's default; Material sets b to 0, so a field's length does not count
  var MAX_PAGES = 50 // pages a result lists: the learner reads the first few; each is a file to load

  var script = typeof document !== "undefined" && document.currentScript // the iframe stand-in
  var here = script ? script.src : self.location.href
  var base = new URL("../../../search/peixun/", here).href // assets/peixun/search/ → search/peixun/
  var loaded = { meta: {}, terms: {}, pages: {} }
  var version = null // the build the loaded meta is from: every file names its build
  var STALE = new Error("the site was rebuilt since its search meta was loaded")
  var stale = false
  self.peixunSearchData = function (kind, key, data, build) {
    if (kind === "meta") version = build
    else if (build !== version) return void (stale = true) // a newer build's file: not mixed in
    loaded[kind][key] = data
  }

  /** Load scripts (a worker's importScripts is synchronous, the stand-in's returns a promise). */
  function load(urls) {
    if (!urls.length) return Promise.resolve()
    try {
      return Promise.resolve(importScripts.apply(self, urls))
    } catch (error) {
      return Promise.reject(error)
    }
  }

  var Q = null, meta = null, han = null, store = null, vocabulary = null, pinyin = null
  var separator = null
  var pageOf = [], firstOf = [], docCount = 0
  var sortedKeys = {} // shard → its terms, sorted (for prefixes)

  /** Load the query rules, the highlighting and the index's meta; ``again`` (after a rebuild):
   * the meta alone, past any cached copy, forgetting the parts loaded from the old build. */
  function setup(again) {
    var scripts = again ? [] : ["query.js", "highlight.js"].map(function (name) { return new URL(name, here).href })
    return load(scripts.concat([base + "meta.js" + (again ? "?t=" + Date.now() : "")])).then(function () {
      Q = self.peixunQuery
      meta = loaded.meta[0]
      loaded.terms = {}
      loaded.pages = {}
      sortedKeys = {}
      pageOf = []
      firstOf = []
      docCount = 0
      han = new Q.Han(meta.han)
      separator = new RegExp(meta.separator)
      meta.pages.forEach(function (count, page) {
        firstOf.push(docCount)
        for (var i = 0; i < count; i++) pageOf.push(page)
        docCount += count
      })
      store = new SplitStore()
      vocabulary = new Q.Vocabulary(store)
      pinyin = new Q.PinyinTable(meta.peixun_pinyin) // peixun.search.pinyin.CONFIG_KEY
    })
  }

  /* ---- The terms: what the loaded shards say ---- */

  function shardOf(term) { return term.codePointAt(0) % meta.shards }

  function entry(term) {
    var shard = loaded.terms[shardOf(term)]
    return shard ? shard[term] : undefined
  }

  /** The terms of the loaded shard that begin with ``text``, in order. */
  function termsStarting(text) {
    var k = shardOf(text)
    var keys = sortedKeys[k] || (sortedKeys[k] = Object.keys(loaded.terms[k] || {}).sort())
    var low = 0, high = keys.length
    while (low < high) {
      var mid = (low + high) >> 1
      if (keys[mid] < text) low = mid + 1
      else high = mid
    }
    var found = []
    for (var i = low; i < keys.length && keys[i].lastIndexOf(text, 0) === 0; i++) found.push(keys[i])
    return found
  }

  /** The store query.js reads its words from (see Vocabulary there). */
  function SplitStore() {
    this.total = meta.total
    this.size = docCount
  }
  SplitStore.prototype.count = function (word) { var e = entry(word); return e ? e[0] : 0 }
  SplitStore.prototype.entries = function (word) { var e = entry(word); return e ? e[1] : 0 }
  SplitStore.prototype.split = function (word) { var e = entry(word); return e && e[2] ? e[2] : null }
  SplitStore.prototype.isLatin = function (token) { return !!entry(token) && !han.one.test(token) }
  SplitStore.prototype.startsWord = function (text) {
    var found = termsStarting(text)
    return found.length > 1 || (found.length === 1 && found[0] !== text)
  }

  /** Load the shards of every character of ``text`` not loaded yet. */
  function loadShardsFor(text) {
    var wanted = new Set()
    Array.from(text.toLowerCase()).forEach(function (c) {
      if (separator.test(c)) return // no term starts with a separator
      var k = c.codePointAt(0) % meta.shards
      if (!(k in loaded.terms)) wanted.add(k)
    })
    var urls = []
    wanted.forEach(function (k) { urls.push(base + "terms/" + k + ".js?v=" + version) })
    return loadParts(urls).then(function () { wanted.forEach(function (k) { delete sortedKeys[k] }) })
  }

  /** Load parts of the index of the meta's build (the address names it, for caches); fails
   * with STALE when the site has been rebuilt since. */
  function loadParts(urls) {
    return load(urls).then(function () {
      if (stale) throw STALE
    })
  }

  /* ---- Scoring, as lunr 2 does it ---- */

  /** The query's clauses: {term, prefix, boost}; other text is split as the index is and
   * matched by prefix, as Material's query transform does. */
  function clausesOf(words) {
    var clauses = []
    words.forEach(function (word) {
      if (word.han) return clauses.push({ term: word.text.toLowerCase(), prefix: word.open, boost: word.boost })
      word.text.split(separator).forEach(function (token) {
        if (token) clauses.push({ term: token.toLowerCase(), prefix: true, boost: 1 })
      })
    })
    return clauses
  }

  function idf(postings) {
    var n = 0
    for (var f = 3; f < postings.length; f++) n += postings[f].length / 2
    return Math.log(1 + Math.abs((docCount - n + 0.5) / (n + 0.5)))
  }

  /** Score every document one of the clauses matches (in ``fields``, default all): lunr's
   * cosine of the query vector (each term's summed clause boosts) with the field vectors
   * (BM25 weight × field boost × document boost, to three decimals), summed over fields. */
  function score(clauses, fields, required) {
    var weights = new Map() // term → its weight in the query vector
    var perClause = []
    clauses.forEach(function (clause) {
      var terms = clause.prefix ? termsStarting(clause.term) : (entry(clause.term) ? [clause.term] : [])
      perClause.push(terms)
      terms.forEach(function (term) { weights.set(term, (weights.get(term) || 0) + clause.boost) })
    })
    var magnitude = 0
    weights.forEach(function (w) { magnitude += w * w })
    magnitude = Math.sqrt(magnitude)
    var matches = new Map() // doc → {doc, score, terms: Map(term → Set(field))}, first matched first
    weights.forEach(function (w, term) {
      var postings = entry(term)
      var termIdf = idf(postings)
      meta.fields.forEach(function (field, f) {
        if (fields && fields.indexOf(field[0]) < 0) return
        var list = postings[3 + f] || []
        for (var i = 0, doc = 0; i < list.length; i += 2) {
          doc += list[i]
          var tf = list[i + 1]
          var weight = termIdf * ((K1 + 1) * tf) / (K1 + tf) * field[1] * (meta.boosts[doc] || 1)
          weight = Math.round(weight * 1000) / 1000
          var match = matches.get(doc)
          if (!match) matches.set(doc, match = { doc: doc, score: 0, terms: new Map() })
          match.score += w * weight / magnitude
          var where = match.terms.get(term)
          if (!where) match.terms.set(term, where = new Set())
          where.add(field[0])
        }
      })
    })
    var results = []
    matches.forEach(function (match) {
      if (required && !perClause.every(function (terms) {
        return terms.some(function (term) { return match.terms.has(term) })
      })) return
      results.push(match)
    })
    return results.sort(function (a, b) { return b.score - a.score })
  }

  /* ---- Results, as Material's worker gives them ---- */

  /** Which clauses' words a document has (true), and which it lacks (false). */
  function termsOf(clauses, matched) {
    var left = clauses.slice()
    var found = {}
    matched.forEach(function (_, term) {
      left = left.filter(function (clause) {
        if (term.lastIndexOf(clause.term, 0) !== 0) return true
        found[clause.term] = true
        return false
      })
    })
    left.forEach(function (clause) { if (!(clause.term in found)) found[clause.term] = false })
    return found
  }

  function mark(input, terms, whole) { return self.peixunHighlight.highlight(input, terms, whole, separator) }

  function docRow(doc) { return loaded.pages[pageOf[doc]][doc - firstOf[pageOf[doc]]] }

  /** A document as Material's result list takes it (location, fields), its matches marked. */
  function item(doc, matched) {
    var row = docRow(doc)
    var out = { location: row[0] }
    meta.fields.forEach(function (field, f) {
      var value = row[1 + f]
      if (value === undefined || value === "") {
        if (field[0] !== "tags") out[field[0]] = value === undefined ? "" : value
        return
      }
      var terms = new Set()
      if (matched) matched.forEach(function (where, term) { if (where.has(field[0])) terms.add(term) })
      if (!terms.size) out[field[0]] = value
      else if (Array.isArray(value)) out[field[0]] = value.map(function (v) { return mark(v, terms, true) })
      else out[field[0]] = mark(value, terms, field[0] !== "text")
    })
    return out
  }

  /** The answer to ``query``; if the site was rebuilt since the worker started, the answer from
   * the new build (its meta loaded again). */
  function search(query) {
    return answer(query).catch(function (error) {
      if (error !== STALE) throw error
      stale = false
      return setup(true).then(function () { return answer(query) })
    })
  }

  function answer(query) {
    return loadShardsFor(query).then(function () {
      var text = Q.expand(query, store, pinyin, meta.peixun_variants || []) // variants.CONFIG_KEY
      return loadShardsFor(text).then(function () { return text })
    }).then(function (text) {
      var clauses = clausesOf(Q.words(text, vocabulary, han))
      if (!clauses.length) return { items: [] }
      var found = score(clauses)
      found.forEach(function (match) {
        match.found = termsOf(clauses, match.terms)
        var keys = Object.keys(match.found)
        var boost = +(firstOf[pageOf[match.doc]] === match.doc) +
          keys.filter(function (key) { return match.found[key] }).length / keys.length
        match.score *= 1 + boost * boost
      })
      found.sort(function (a, b) { return b.score - a.score })
      var groups = new Map() // page → matches, best page first
      found.forEach(function (match) {
        var page = pageOf[match.doc]
        if (!groups.has(page)) {
          if (groups.size === MAX_PAGES) return
          groups.set(page, [])
        }
        groups.get(page).push(match)
      })
      var suggest = suggestion(clauses)
      var urls = []
      groups.forEach(function (_, page) {
        if (!(page in loaded.pages)) urls.push(base + "pages/" + page + ".js?v=" + version)
      })
      return loadParts(urls).then(function () {
        var items = []
        groups.forEach(function (matches, page) {
          var list = matches.map(function (match) {
            var out = item(match.doc, match.terms)
            out.score = match.score
            out.terms = match.found
            return out
          })
          var article = firstOf[page]
          if (!matches.some(function (match) { return match.doc === article })) {
            var head = item(article, null)
            head.score = 0
            head.terms = {}
            list.push(head)
          }
          items.push(list)
        })
        var result = { items: items }
        if (suggest) result.suggest = suggest
        return result
      })
    })
  }

  /** Material's suggestion: the words of the best title that has every clause's beginning. */
  function suggestion(clauses) {
    if (!setupOptions.suggest) return null
    var titled = score(clauses.map(function (clause) {
      return { term: clause.term, prefix: true, boost: 1 }
    }), ["title"], true)
    return titled.length ? Array.from(titled[0].terms.keys()) : []
  }

  var setupOptions = {}
  var ready = null
  function start() {
    if (ready) return
    ready = setup().catch(function (error) {
      console.warn("peixun search: the index could not be loaded", error) // queries find nothing
    })
    ready.then(function () { postMessage({ type: READY }) })
  }
  // A real worker exists only once the learner opens search (search-lazy.js): it loads what it
  // needs at once and says READY, while the page still fetches the theme's index file (its
  // config only) for the SETUP message, which brings nothing else the worker needs; Material
  // sends the query typed so far on the first READY. The stand-in from a folder is made as the
  // page opens: it waits for SETUP, which Material sends when search is opened.
  if (!script) start()
  var queue = Promise.resolve() // queries are answered in the order they came

  function handle(message) {
    if (message.type === SETUP) { // the options (suggest); READY is said once loaded
      setupOptions = (message.data && message.data.options) || {}
      start()
      return Promise.resolve(null)
    }
    if (message.type === QUERY) {
      var query = String(message.data)
      start()
      queue = queue.then(function () { return ready }).then(function () {
        return search(query)
      }).catch(function (error) {
        console.warn("peixun search: " + query, error)
        return { items: [] }
      }).then(function (data) { return { type: RESULT, data: data } })
      return queue
    }
    return Promise.reject(new TypeError("Invalid message type"))
  }

  addEventListener("message", function (event) {
    handle(event.data).then(function (reply) { if (reply) postMessage(reply) })
  })
})()
