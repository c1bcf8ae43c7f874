"""Reading the text files a course is written in: YAML, front matter, Han characters."""
