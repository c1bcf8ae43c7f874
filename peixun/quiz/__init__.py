"""Self-check quizzes: question banks, generated questions, rendering and quiz pages.

The stable API other modules use::

    from peixun.quiz import course_questions, answer_text, Question
"""

from peixun.quiz.answers import answer_text
from peixun.quiz.course import course_questions
from peixun.quiz.model import Bank, Option, Question, QuestionType

__all__ = ["Bank", "Option", "Question", "QuestionType", "answer_text", "course_questions"]
