package dev.mixdojo.exercise;

import dev.mixdojo.dsp.chain.ChainDescription;

/**
 * The hidden truth of a question: the value (in the skill's unit) and the label a learner would
 * pick, the chain that made the processed version, what it was applied to ({@code mix} or a
 * stem's name) and the loudness-matching gain applied to the processed version (dB).
 */
public record AnswerKey(double truth, String truthLabel, ChainDescription chain, String target, double matchGainDb) {
    /** No key: the question of a student exam pack, graded where the key is ({@link Grading.ByTeacher}). */
    public static final AnswerKey NONE = new AnswerKey(Double.NaN, "", ChainDescription.NONE, "", 0);
}
