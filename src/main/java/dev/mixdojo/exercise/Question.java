package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One question, ready to play: what to ask, how to answer, the versions to compare (name →
 * audio at the session rate, e.g. {@code original} and {@code processed}) and the hidden key.
 * Made from (drill, level, seed) alone, so the same seed always gives the same question.
 * {@link #grade} grades an answer.
 */
public record Question(
        String lessonId,
        String drillId,
        String kind,
        String skill,
        long seed,
        double level,
        String prompt,
        AnswerForm form,
        Map<String, AudioBuffer> audio,
        AnswerKey key,
        Grading grading,
        Audition audition) {

    /**
     * Makes a learner's answer audible: the question's source through the chain the answer names,
     * loudness-matched like the processed version; empty when the kind cannot (or the answer is not
     * one it can render). May take tens of milliseconds: call it off the UI thread.
     */
    @FunctionalInterface
    public interface Audition {
        /** No rendering of answers. */
        Audition NONE = answer -> Optional.empty();

        /** The answer as it would sound, or empty. */
        Optional<AudioBuffer> render(Answer answer);
    }

    public Question {
        audio = Collections.unmodifiableMap(new LinkedHashMap<>(audio));
    }

    /**
     * A question of a student exam pack: its prompt, its answer form and its versions, and nothing the answer
     * follows from — no lesson, drill, seed or key. It is answered here and graded on the teacher's side
     * ({@link Grading.ByTeacher}).
     */
    public static Question keyless(String prompt, AnswerForm form, Map<String, AudioBuffer> audio) {
        return new Question("", "", "", "", 0, Double.NaN, prompt, form, audio, AnswerKey.NONE, new Grading.ByTeacher(),
                Audition.NONE);
    }

    /** Whether this question can grade an answer here; a keyless one is graded on the teacher's side. */
    public boolean gradedHere() {
        return !(grading instanceof Grading.ByTeacher);
    }

    /** The answer as it would sound ("hear my answer against the truth"), where the kind can render it. */
    public Optional<AudioBuffer> answerAudio(Answer answer) {
        return audition.render(answer);
    }

    /** The grade of an answer to this question; a keyless question has none here (IllegalStateException). */
    public Grade grade(Answer answer) {
        if (!gradedHere()) {
            throw new IllegalStateException("this question is graded on the teacher's side, where its key is");
        }
        if (grading instanceof Grading.ByValue byValue) {
            return byValue.numeric().grade(key.truth(), form.valueOf(answer));
        }
        if (grading instanceof Grading.ByMeasure byMeasure) {
            return byMeasure.grader().grade(answer);
        }
        if (!(answer instanceof Answer.Chosen chosen)) {
            throw new IllegalArgumentException("this question is answered by choosing");
        }
        boolean right = chosen.label().equals(key.truthLabel());
        String feedback = right ? "Right: it was " + key.truthLabel() + "."
                : "You said " + chosen.label() + "; it was " + key.truthLabel() + ".";
        return new Grade(right ? 1 : 0, right, 0, "", feedback);
    }
}
