package dev.mixdojo.exercise;

/** How a question asks: the prompt the learner reads, the form of the answer and how an answer is graded. */
record Asked(String prompt, AnswerForm form, Grading grading) {
}
