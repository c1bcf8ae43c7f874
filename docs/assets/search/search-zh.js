/* 中文搜索：查询分词（peixun.search） */
