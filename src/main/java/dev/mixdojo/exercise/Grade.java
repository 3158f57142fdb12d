package dev.mixdojo.exercise;

/**
 * How an answer was graded: credit from 0 to 1, whether it counts as right for the staircase,
 * the signed error in the skill's unit (answer minus truth; 0 for choices), and one sentence of
 * feedback for the learner.
 */
public record Grade(double score, boolean correct, double error, String unit, String feedback) {
    public Grade {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1, got " + score);
        }
    }

    /** Whether the answer earned some credit without counting as right (a band one octave off, say). */
    public boolean partlyRight() {
        return !correct && score > 0;
    }
}
