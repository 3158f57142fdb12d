package dev.mixdojo.classroom;

import dev.mixdojo.exercise.AnswerForm;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A question as a student may see it, in a live session or a student exam pack: its number in the plan, the
 * prompt, how it is answered, a hint (practice only; empty in an exam) and its two versions as WAV files, A the
 * original and B the processed one, loudness-matched as in the app. Never its key or seed: a choice's options
 * leave the teacher's computer as labels only.
 *
 * @param number   1-based position in the assignment's plan
 * @param prompt   what is asked, e.g. "Which octave band was boosted?"
 * @param form     how it is answered (choice, value, curve or settings)
 * @param hint     the drill's title and what the lesson teaches, or empty
 * @param versionA the original, a WAV file
 * @param versionB the processed version, a WAV file
 */
public record StudentQuestion(int number, String prompt, AnswerForm form, String hint, Path versionA, Path versionB) {
    public StudentQuestion {
        if (number < 1) {
            throw new IllegalArgumentException("question numbers start at 1, got " + number);
        }
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(versionA, "versionA");
        Objects.requireNonNull(versionB, "versionB");
    }

    /** The version file for {@code a} or {@code b}; anything else is an IllegalArgumentException. */
    public Path version(String letter) {
        return switch (letter) {
            case "a" -> versionA;
            case "b" -> versionB;
            default -> throw new IllegalArgumentException("a question has versions a and b, not '" + letter + "'");
        };
    }
}
