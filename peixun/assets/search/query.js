/* 中文搜索的查询一侧（peixun.search）：把学员输入的查询改写成索引里的词。
 *
 * peixun 自己的搜索 worker（worker.js）和 MkDocs-MaterialX 下的页面脚本（search-zh.js）都用它；
 * 词的来历由调用者给出（store：索引里每个词出现几次、在几条里、是不是别的词的开头、还拆开写作
 * 哪几个词），这里只有规则：
 *   1. 拼音（sanhuiyike、shyk）换成它拼出的中文（构建时的拼音表，peixun/search/pinyin.py）；
 *   2. 补上术语表给出的另一种写法（支委会 / 支部委员会，peixun/search/variants.py）；
 *   3. 用索引的词频把中文查询切成词（最大概率切分，与 jieba 的做法一致）；去掉“如何、哪些”之类的
 *      疑问虚词；课程里处处都有的词（支部书记、工作、建设、管理）和紧跟疑问词、只是提问框架的
 *      动词（如何“处理”……）保留但分量轻；
 *   4. 最后一个词和索引里没有的词按前缀匹配（只输入前半个词“民主集中”也能找到整词）；索引里
 *      既有整词又有拆开写法的术语（吃透两头 / 吃透“两头”）按拆开的词查，第一个词按前缀，两种
 *      写法都能找到。
 * 结果是词的列表：{text, han, open（前缀匹配）, boost}。
 */
(function (root) {
  "use strict"

  var MAX_WORD = 12
  var MIN_PINYIN = 2 // letters before the beginning of a spelling is looked up
  var MAX_SPELLED = 4 // texts a half-typed spelling may stand for
  var COMMON = 0.12 // a word in more than this share of the index entries ranks little
  var STRONG = 3, WEAK = 1 // boosts (whole numbers, as lunr takes them) of the words that count and the rest

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

  /** What counts as a Han character: the ranges the build gives (peixun/text/hanzi.py), so that
   * the query is split as the build splits the text. */
  function Han(ranges) {
    var set = ranges.map(function (range) {
      return "\\u{" + range[0].toString(16) + "}-\\u{" + range[1].toString(16) + "}"
    }).join("")
    this.runs = new RegExp("[" + set + "]+", "gu")
    this.one = new RegExp("[" + set + "]", "u")
  }

  /** The index's words, as the store tells them: store.count(word) (how often the index has a
   * Han word), store.entries(word) (in how many entries), store.startsWord(text) (whether
   * a longer word begins with it), store.split(word) (the words it is also written as, or
   * null), store.isLatin(token), store.total (Han tokens) and store.size (entries). */
  function Vocabulary(store) {
    this.store = store
    this.total = Math.max(store.total, 1)
    this.size = Math.max(store.size, 1)
  }

  Vocabulary.prototype.has = function (word) { return this.store.count(word) > 0 }

  /** Share of the index entries that contain the word (0 for words the index lacks). */
  Vocabulary.prototype.spread = function (word) { return this.store.entries(word) / this.size }

  /* Cost of a word: -log of its share of the index, as jieba weighs dictionary words.
   * A character the index never has on its own costs more than any known word. */
  Vocabulary.prototype.cost = function (word) {
    var count = this.store.count(word)
    if (count) return Math.log(this.total / count)
    if (word.length === 1) return Math.log(this.total) + 10
    return Infinity
  }

  /** Segment a run of Han characters: the cheapest path through known words. The last piece
   * may also be the start of a known word (the learner is still typing, or remembers half).
   * With ``whole`` false, the run itself is not one of the pieces. */
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
        if (cost === Infinity && end === n && piece.length > 1 && this.store.startsWord(piece))
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

  /** The pieces of a known compound of four or more characters, when each piece is a known
   * word of two or more characters that the index has more often than the compound. */
  Vocabulary.prototype.pieces = function (word) {
    if (word.length < 4 || !this.has(word)) return []
    var pieces = this.segment(word, false)
    var count = this.store.count(word)
    var store = this.store
    var fit = pieces.length >= 2 && pieces.every(function (piece) {
      return piece.length >= 2 && store.count(piece) > count
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
  function fromPinyin(query, store, table) {
    return query.trim().split(/\s+/).map(function (part) {
      if (!/^[a-z]+$/i.test(part) || store.isLatin(part.toLowerCase())) return part
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

  /** The query as typed, with its pinyin spelt out and the glossary's other forms added:
   * the text whose words are looked up (a caller loads what the store needs for it first). */
  function expand(query, store, table, variants) {
    if (table) query = fromPinyin(query, store, table)
    if (variants) query = withVariants(query, variants)
    return query
  }

  /** The query's words in the index's own segmentation (``query`` as :func:`expand` gives it).
   * Question words go (如何, 哪些). Two kinds of words stay, optional and counting less, so
   * that the words that say what the question is about decide the ranking: words found in much
   * of the course (支部书记, 工作, 建设, 管理), which a learner adds around a term the course
   * writes without them (帮困基金管理), and the verb right after a question word, which only
   * frames the question (如何「处理」…的关系, 怎样「加强」…). When nothing else is left they
   * count fully. A word the index knows is matched whole, except the last one, which the
   * learner may not have finished typing. Other text (Latin letters, digits) is kept as typed,
   * with ``han`` false. */
  function words(query, vocabulary, han) {
    var found = []
    query.trim().split(/\s+/).forEach(function (part) {
      var last = 0
      part.replace(han.runs, function (run, offset) {
        if (offset > last) found.push({ text: part.slice(last, offset), han: false })
        vocabulary.segment(run).forEach(function (word) {
          var parts = vocabulary.has(word) && word.length >= 3 ? vocabulary.store.split(word) : null
          if (parts) {
            parts.forEach(function (piece, i) { found.push({ text: piece, han: true, open: i === 0 }) })
            return
          }
          var whole = { text: word, han: true }
          found.push(whole)
          // A compound that the index mostly has in pieces (内部矛盾 beside 内部, 矛盾): its
          // pieces count too, a little, so sections that write them apart are found.
          vocabulary.pieces(word).forEach(function (piece) {
            found.push({ text: piece, han: true, weak: true, of: whole })
          })
        })
        last = offset + run.length
        return run
      })
      if (last < part.length) found.push({ text: part.slice(last), han: false })
    })
    found.forEach(function (word, i) {
      var before = found[i - 1]
      if (before && before.han && QUESTION_WORDS.has(before.text) && word.text.length === 2 &&
          !QUERY_STOP_WORDS.has(word.text))
        word.weak = true
      if (word.han && !word.of && vocabulary.spread(word.text) > COMMON) word.common = word.weak = true
    })
    var typed = found.filter(function (word) { return word.han && !word.of })
    var content = typed.filter(function (word) { return !QUERY_STOP_WORDS.has(word.text) })
    if (content.length === 0) content = typed
    if (content.every(function (word) { return word.weak }))
      content.forEach(function (word) { word.weak = false })
    var kept = found.filter(function (word) {
      if (!word.han) return true
      if (word.of) return content.indexOf(word.of) >= 0 && !word.of.common
      return content.indexOf(word) >= 0
    })
    var lastTyped = kept.filter(function (word) { return !word.of }).pop()
    return kept.map(function (word) {
      if (!word.han) return { text: word.text, han: false }
      var open = word.open || !vocabulary.has(word.text) || (word === lastTyped && word.text.length > 1)
      return { text: word.text, han: true, open: !!open, boost: word.weak ? WEAK : STRONG }
    })
  }

  root.peixunQuery = {
    Han: Han,
    Vocabulary: Vocabulary,
    PinyinTable: PinyinTable,
    expand: expand,
    words: words
  }
})(self)
