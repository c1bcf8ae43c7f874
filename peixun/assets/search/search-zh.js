/* 中文搜索：查询一侧（peixun.search；构建时的一半见 peixun/site/hooks/search.py）。
 *
 * Material 的搜索在 Web Worker 里运行。这里不改动主题的脚本，只在页面把消息交给
 * worker 的那一刻（Worker.prototype.postMessage）做两件事：
 *   1. 索引送进 worker 时（SETUP），先照常送出，再从索引文本里收集构建时 jieba 切出的词、
 *      词频和相邻词，并读出构建写在索引 config 里的拼音表和术语变体；
 *   2. 查询送进 worker 时（QUERY），把拼音（sanhuiyike、shyk）换成它拼出的中文，补上术语表
 *      给出的另一种写法（支委会 / 支部委员会），用词表把中文查询切成词（最大概率切分，与
 *      jieba 的做法一致），去掉“如何、哪些”之类的疑问虚词；课程里处处都有的词（支部书记、
 *      工作、建设、管理）和紧跟疑问词、只是提问框架的动词（如何“处理”……）保留但分量轻，
 *      再交给 Material。
 * 每个词的字与字之间加 lunr 的转义符“\”，Material 自带的逐字贪心切分就不会再把词拆开
 * （lunr 解析查询时去掉转义符）；每个词带权重“^n”（Material 因此不再自己加通配符）。
 * 最后一个词和索引里没有的词加前缀通配符“*”，所以只输入前半个词（“民主集中”）也能找到整词。
 * 索引里既有整词又有拆开写法的术语（吃透两头 / 吃透“两头”），按拆开的词查，第一个词
 * 加通配符（“吃透*”也匹配整词“吃透两头”），两种写法都能找到。
 * 在 file:// 下同样有效：离线插件用 iframe 模拟的 Worker 也走这里；MkDocs-MaterialX 的查询
 * 消息（{query}）也认得。出错时查询原样交给 Material，搜索照常可用。
 */
(function () {
  "use strict"

  var SETUP = 0
  var QUERY = 2
  var HAN_RUN = null // runs of Han characters, and one Han character: see hanCharacters()
  var HAN = null
  var MAX_WORD = 12
  var MIN_PINYIN = 2 // letters before the beginning of a spelling is looked up
  var MAX_SPELLED = 4 // texts a half-typed spelling may stand for
  var COMMON = 0.12 // a word in more than this share of the index entries ranks little
  var STRONG = 3, WEAK = 1 // lunr boosts (whole numbers) of the words that count and the rest

  /* 查询里常见、对找内容没有帮助的词：只在整词相符时去掉，查询只剩它们时保留。 */
  var QUERY_STOP_WORDS = new Set([
    "如何", "怎样", "怎么", "怎么样", "怎么办", "哪些", "哪个", "什么", "什么样", "为什么",
    "为何", "是否", "有没有", "是不是", "吗", "呢", "吧", "啊", "请问", "关于", "一下",
    "应", "应该", "应当", "要", "需要", "能", "能够", "可以", "该", "得",
    "的", "地", "了", "着", "是", "和", "与", "及", "或", "而", "而是", "不是", "而不是",
    "在", "对", "把", "被", "让", "给", "从", "向", "跟", "同", "就", "都", "也", "还", "又",
    "有", "哪", "去", "做", "一个", "这个", "那个", "这些", "那些", "时候",
    "我", "我们", "你", "你们", "他", "他们", "她", "它", "这", "那", "谁", "具有", "具备"
  ])

  /* Question words after which the next word only frames the question (如何「处理」). */
  var QUESTION_WORDS = new Set(["如何", "怎样", "怎么", "怎么样", "为什么", "为何", "怎么才能", "怎样才能"])

  /** What counts as a Han character: the ranges the page gives (peixun/text/hanzi.py, through
   * the px-config element), so that the query is split as the build splits the text. */
  function hanCharacters() {
    var ranges = JSON.parse(document.getElementById("px-config").textContent).han
    var set = ranges.map(function (range) {
      return "\\u{" + range[0].toString(16) + "}-\\u{" + range[1].toString(16) + "}"
    }).join("")
    HAN_RUN = new RegExp("[" + set + "]+", "gu")
    HAN = new RegExp("[" + set + "]", "u")
  }

  /** The index's own words: how often each Han token occurs, in how many entries, and all
   * their prefixes (so that half a word can be recognised). */
  function Vocabulary(docs, separator) {
    var words = new Map()
    var entries = new Map()
    var prefixes = new Set()
    var pairs = new Set() // neighbouring words, to tell whether a word also occurs split
    var latin = new Set() // other tokens (Latin letters, numbers), lower-cased
    var total = 0
    var split = new RegExp(separator, "g")
    for (var d = 0; d < docs.length; d++) {
      var seen = new Set()
      var fields = [docs[d].title || "", docs[d].text || ""]
      for (var f = 0; f < fields.length; f++) {
        var tokens = fields[f].replace(/<[^>]*>/g, " ").split(split)
        var previous = ""
        for (var t = 0; t < tokens.length; t++) {
          var token = tokens[t]
          if (!token) continue
          if (!HAN.test(token)) { latin.add(token.toLowerCase()); previous = ""; continue }
          words.set(token, (words.get(token) || 0) + 1)
          if (previous) pairs.add(previous + " " + token)
          previous = token
          seen.add(token)
          total++
        }
      }
      seen.forEach(function (token) { entries.set(token, (entries.get(token) || 0) + 1) })
    }
    words.forEach(function (_, word) {
      for (var i = 1; i < word.length && i <= MAX_WORD; i++) prefixes.add(word.slice(0, i))
    })
    this.words = words
    this.entries = entries
    this.prefixes = prefixes
    this.pairs = pairs
    this.latin = latin
    this.total = Math.max(total, 1)
    this.size = Math.max(docs.length, 1)
  }

  /** Share of the index entries that contain the word (0 for words the index lacks). */
  Vocabulary.prototype.spread = function (word) {
    return (this.entries.get(word) || 0) / this.size
  }

  /* Cost of a word: -log of its share of the index, as jieba weighs dictionary words.
   * A character the index never has on its own costs more than any known word. */
  Vocabulary.prototype.cost = function (word) {
    var count = this.words.get(word)
    if (count) return Math.log(this.total / count)
    if (word.length === 1) return Math.log(this.total) + 10
    return Infinity
  }

  /** Segment a run of Han characters: the cheapest path through known words. The last piece
   * may also be the start of a known word (the learner is still typing, or remembers half). */
  Vocabulary.prototype.segment = function (run, whole) {
    var n = run.length
    var best = [0]
    var from = [0]
    for (var end = 1; end <= n; end++) {
      best[end] = Infinity
      for (var start = Math.max(0, end - MAX_WORD); start < end; start++) {
        if (best[start] === Infinity) continue
        var piece = run.slice(start, end)
        var cost = whole === false && start === 0 && end === n ? Infinity : this.cost(piece)
        if (cost === Infinity && end === n && piece.length > 1 && this.prefixes.has(piece))
          cost = Math.log(this.total)
        if (best[start] + cost < best[end]) {
          best[end] = best[start] + cost
          from[end] = start
        }
      }
    }
    var pieces = []
    for (var at = n; at > 0; at = from[at]) pieces.unshift(run.slice(from[at], at))
    return pieces
  }

  /** The words a known word also occurs as in the index, when it does (the heading
   * 吃透“两头” beside the term 吃透两头): each neighbouring pair must occur in the index.
   * The query then asks for the parts, the first one open ("吃透*"), which matches the
   * whole word as well. */
  Vocabulary.prototype.parts = function (word) {
    if (word.length < 3 || !this.words.has(word)) return null
    var pieces = this.segment(word, false)
    if (pieces.length < 2) return null
    for (var i = 1; i < pieces.length; i++)
      if (!this.pairs.has(pieces[i - 1] + " " + pieces[i])) return null
    return pieces
  }

  /** The pieces of a known compound of four or more characters, when each piece is a known
   * word of two or more characters that the index has more often than the compound. */
  Vocabulary.prototype.pieces = function (word) {
    if (word.length < 4 || !this.words.has(word)) return []
    var pieces = this.segment(word, false)
    var count = this.words.get(word)
    var self = this
    var fit = pieces.length >= 2 && pieces.every(function (piece) {
      return piece.length >= 2 && (self.words.get(piece) || 0) > count
    })
    return fit ? pieces : []
  }

  /** The build's pinyin table (peixun/search/pinyin.py): glossary terms and page titles, each
   * with its syllables, and the initials that spell it. */
  function PinyinTable(rows) {
    this.rows = (rows || []).map(function (row) {
      var syllables = row[1].split(" ")
      return {
        han: Array.from(row[0]),
        syllables: syllables,
        full: syllables.join(""),
        initials: syllables.map(function (syllable) { return syllable[0] }).join("")
      }
    })
  }

  /** The Chinese a query in Latin letters spells: the texts it spells whole (in full pinyin or
   * by initials), else the beginnings of texts it spells the start of ("sanhui" → 三会).
   * Empty when it spells nothing. */
  PinyinTable.prototype.spell = function (letters) {
    var q = letters.toLowerCase()
    var whole = [], starts = []
    this.rows.forEach(function (row) {
      if (q === row.full || q === row.initials) return whole.push(row.han.join(""))
      if (q.length >= MIN_PINYIN && row.full.indexOf(q) === 0) {
        var n = 0
        for (var typed = 0; typed < q.length; n++) typed += row.syllables[n].length
        starts.push(row.han.slice(0, n).join(""))
      } else if (q.length >= MIN_PINYIN && row.initials.indexOf(q) === 0) {
        starts.push(row.han.slice(0, q.length).join(""))
      }
    })
    var found = whole.length ? whole : starts
    return found.filter(function (han, i) { return found.indexOf(han) === i }).slice(0, MAX_SPELLED)
  }

  /** Replace each part of the query that is Latin letters only, unknown to the index and a
   * pinyin spelling, by the Chinese it spells. */
  function fromPinyin(query, vocabulary, table) {
    return query.trim().split(/\s+/).map(function (part) {
      if (!/^[a-z]+$/i.test(part) || vocabulary.latin.has(part.toLowerCase())) return part
      var han = table.spell(part)
      return han.length ? han.join(" ") : part
    }).join(" ")
  }

  /** The query with the other form of a glossary term it names (支委会 → also 支部委员会;
   * pairs from peixun/search/variants.py), when it does not name both. */
  function withVariants(query, variants) {
    var added = []
    variants.forEach(function (pair) {
      var a = query.indexOf(pair[0]) >= 0, b = query.indexOf(pair[1]) >= 0
      if (a && !b) added.push(pair[1])
      if (b && !a) added.push(pair[0])
    })
    return added.length ? query + " " + added.join(" ") : query
  }

  /* A word as the query asks for it: "求\\实\\四\\问^3". The escapes keep Material's
   * character-by-character segmentation off the word (lunr drops them when it parses the
   * query); a word that may be the start of a longer one ends in "*" (the learner may not have
   * finished typing it); the boost says how much the word counts. Giving every word a boost
   * also keeps Material from adding its own "*" to words meant whole. */
  function term(word, open, boost) {
    return Array.from(word).join("\\") + (open ? "*" : "") + "^" + boost
  }

  /** Rewrite a query as space-separated words in the index's own segmentation.
   * Question words go (如何, 哪些). Two kinds of words stay, optional and counting less, so
   * that the words that say what the question is about decide the ranking: words found in much
   * of the course (支部书记, 工作, 建设, 管理), which a learner adds around a term the course
   * writes without them (帮困基金管理), and the verb right after a question word, which only
   * frames the question (如何「处理」…的关系, 怎样「加强」…). When nothing else is left they
   * count fully.
   * A word the index knows is matched whole, except the last one, which the learner may not
   * have finished typing. */
  function rewrite(query, vocabulary, table, variants) {
    var words = []
    if (table) query = fromPinyin(query, vocabulary, table)
    if (variants) query = withVariants(query, variants)
    query.trim().split(/\s+/).forEach(function (part) {
      var last = 0
      part.replace(HAN_RUN, function (run, offset) {
        if (offset > last) words.push({ text: part.slice(last, offset), han: false })
        vocabulary.segment(run).forEach(function (word) {
          var parts = vocabulary.parts(word)
          if (parts) {
            parts.forEach(function (part, i) { words.push({ text: part, han: true, open: i === 0 }) })
            return
          }
          var whole = { text: word, han: true }
          words.push(whole)
          // A compound that the index mostly has in pieces (内部矛盾 beside 内部, 矛盾): its
          // pieces count too, a little, so sections that write them apart are found.
          vocabulary.pieces(word).forEach(function (piece) {
            words.push({ text: piece, han: true, weak: true, of: whole })
          })
        })
        last = offset + run.length
        return run
      })
      if (last < part.length) words.push({ text: part.slice(last), han: false })
    })
    words.forEach(function (word, i) {
      var before = words[i - 1]
      if (before && before.han && QUESTION_WORDS.has(before.text) && word.text.length === 2 &&
          !QUERY_STOP_WORDS.has(word.text))
        word.weak = true
      if (word.han && !word.of && vocabulary.spread(word.text) > COMMON) word.common = word.weak = true
    })
    var typed = words.filter(function (word) { return word.han && !word.of })
    var content = typed.filter(function (word) { return !QUERY_STOP_WORDS.has(word.text) })
    if (content.length === 0) content = typed
    if (content.every(function (word) { return word.weak }))
      content.forEach(function (word) { word.weak = false })
    var kept = words.filter(function (word) {
      if (!word.han) return true
      if (word.of) return content.indexOf(word.of) >= 0 && !word.of.common
      return content.indexOf(word) >= 0
    })
    var lastTyped = kept.filter(function (word) { return !word.of }).pop()
    return kept
      .map(function (word) {
        if (!word.han) return word.text
        var known = vocabulary.words.has(word.text)
        var open = word.open || !known || (word === lastTyped && word.text.length > 1)
        return term(word.text, open, word.weak ? WEAK : STRONG)
      })
      .join(" ")
  }

  var Worker = window.Worker
  if (typeof Worker === "undefined" || Worker.prototype.peixunSearchZh) return
  var postMessage = Worker.prototype.postMessage
  var vocabulary = null
  var pinyin = null
  var variants = null

  Worker.prototype.peixunSearchZh = true
  Worker.prototype.postMessage = function (message) {
    var rest = Array.prototype.slice.call(arguments, 1)
    if (message && message.type === SETUP && message.data && message.data.docs) {
      // The index goes to the worker first: the worker builds its index while the page reads
      // the vocabulary, and the first query waits for the worker anyway (its READY message).
      var sent = postMessage.apply(this, arguments)
      try {
        hanCharacters()
        vocabulary = new Vocabulary(message.data.docs, message.data.config.separator)
        pinyin = new PinyinTable(message.data.config.peixun_pinyin) // pinyin.CONFIG_KEY
        variants = message.data.config.peixun_variants || [] // variants.CONFIG_KEY
      } catch (error) {
        console.warn("search-zh: queries left as typed", error) // Material's own search still runs
      }
      return sent
    } else if (message && message.type === QUERY && vocabulary) {
      try {
        if (typeof message.data === "string")
          message = { type: QUERY, data: rewrite(message.data, vocabulary, pinyin, variants) }
        else if (message.data && typeof message.data.query === "string") // MaterialX: {id, data: {query}}
          message = Object.assign({}, message, {
            data: Object.assign({}, message.data, { query: rewrite(message.data.query, vocabulary, pinyin, variants) })
          })
      } catch (error) {
        console.warn("search-zh: query left as typed", error) // Material's own search still runs
      }
    }
    return postMessage.apply(this, [message].concat(rest))
  }

  /* In the browser console: how a query is rewritten (peixunSearchZh.rewrite("如何处理矛盾")). */
  window.peixunSearchZh = {
    rewrite: function (query) { return vocabulary ? rewrite(query, vocabulary, pinyin, variants) : query },
    ready: function () { return vocabulary !== null }
  }
})()
