package dev.mixdojo.classroom;

/**
 * How the class did on one question of the plan.
 *
 * @param question  the planned question
 * @param right     how many counted students got it right (their first answer)
 * @param classSize how many students are counted
 */
public record QuestionShare(PlannedQuestion question, int right, int classSize) {
    /** The share of the class that got it right, 0–100 % (0 with no students). */
    public double sharePercent() {
        return classSize == 0 ? 0 : 100.0 * right / classSize;
    }
}
