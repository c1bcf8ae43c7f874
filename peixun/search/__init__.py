"""Chinese search: the user dictionary for jieba, the query set and its measurement."""
