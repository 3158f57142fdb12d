package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
        Grading grading) {

    public Question {
        audio = Collections.unmodifiableMap(new LinkedHashMap<>(audio));
    }

    /** The grade of an answer to this question. */
    public Grade grade(Answer answer) {
        return Grading.grade(this, answer);
    }
}
