"""导入器：把原始文档（.txt/.md/.docx）变成编辑可以接着加工的课文草稿。

The steps live one per module; :mod:`peixun.importer.pipeline` shows their order.
"""
