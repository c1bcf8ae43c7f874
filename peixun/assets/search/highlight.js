/* 搜索结果的高亮（peixun 的搜索 worker 用，见 worker.js）：与 Material 的 worker 一样，在一个字段里
 * 给命中的词加 <mark>；正文只取有命中的前两个块（顶层元素），标题整个保留。字段按 Material 建索引时
 * 的切法分词：标签之外的文字，按配置的分隔符切开。
 */
(function (root) {
  "use strict"

  /** Blocks (top-level elements) of an HTML string and the tokens in each, with their offsets,
   * split as Material splits a field for its index. */
  function blocksOf(input, separator) {
    var blocks = [], block = null, depth = 0, start = 0
    function open(at) { if (!block) blocks.push(block = { start: at, end: at, tokens: [] }) }
    function text(from, to) {
      open(from)
      var section = input.slice(from, to), pattern = new RegExp(separator.source, "g"), at = 0, m
      while ((m = pattern.exec(section)) !== null) {
        if (m.index > at) block.tokens.push([from + at, m.index - at])
        at = m.index + m[0].length
        if (m[0].length === 0) pattern.lastIndex++
      }
      if (section.length > at) block.tokens.push([from + at, section.length - at])
      block.end = to
    }
    for (var end = 0; end < input.length; end++) {
      var c = input.charAt(end)
      if (c === "<" && end > start) {
        text(start, end)
        start = end
      } else if (c === ">") {
        if (input.charAt(start + 1) === "/") {
          if (--depth === 0) { open(start); block.end = end + 1; block = null }
        } else if (input.charAt(end - 1) !== "/") {
          if (depth++ === 0) { block = null; open(start) }
        }
        start = end + 1
      }
    }
    if (end > start) text(start, end)
    return blocks
  }

  /** ``input`` with the tokens that are ``terms`` marked; for the text (``whole`` false) only
   * the first two blocks that have one, as Material shows a section's matching paragraphs. */
  function highlight(input, terms, whole, separator) {
    var slices = [], cursor = 0, shown = 0
    var blocks = blocksOf(input, separator)
    for (var b = 0; b < blocks.length && shown < 2; b++) {
      var block = blocks[b]
      var hits = block.tokens.filter(function (t) { return terms.has(input.substr(t[0], t[1]).toLowerCase()) })
      if (!hits.length) continue
      if (whole && block.start > cursor) slices.push(input.slice(cursor, block.start))
      var slice = "", at = block.start
      hits.forEach(function (t) {
        slice += input.slice(at, t[0]) + "<mark>" + input.substr(t[0], t[1]) + "</mark>"
        at = t[0] + t[1]
      })
      slices.push(slice + input.slice(at, block.end))
      cursor = block.end
      shown++
    }
    if (!slices.length) return input
    if (whole && cursor < input.length) slices.push(input.slice(cursor))
    return slices.join("")
  }

  root.peixunHighlight = { highlight: highlight }
})(self)
