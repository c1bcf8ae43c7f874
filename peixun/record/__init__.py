"""The learner's record: lesson states, 继续学习 and 今日复习, 学习进度's charts and 学时,
学习档案, export and import of progress, 支部汇总.

Everything runs in the browser from the course's saved records (``peixun/assets/record/``);
this package gives the scripts what they need from the course (:mod:`.coursemap`), declares
the exported file (:mod:`.exchange`) and writes the pages (:mod:`.pages`, :mod:`.progress`).
"""
