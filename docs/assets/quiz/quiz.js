/* 自测题（peixun.quiz） */
