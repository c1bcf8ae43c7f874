"""The course as docs/ lays it out: chapters, lessons, glossary, and their checks."""
