package dev.mixdojo.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * The file form of an attempt: one JSON object per line of the log, with a schema version
 * {@code v}. Kept apart from {@link Attempt} so the file format can change without the domain.
 * {@code drill} is optional (older lines have none), so lines with it are still schema 1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"v"})
record AttemptLine(
        @JsonProperty("v") int schemaVersion,
        String id,
        String at,
        String lesson,
        String skill,
        double level,
        long seed,
        double truth,
        double answer,
        String unit,
        String truthLabel,
        String answerLabel,
        boolean correct,
        double score,
        long responseTimeMs,
        String drill) {

    /** The schema this code writes; lines of a newer schema are skipped with a warning. */
    static final int SCHEMA_VERSION = 1;

    static AttemptLine of(Attempt a) {
        return new AttemptLine(SCHEMA_VERSION, a.id(), a.at().toString(), a.lessonId(), a.skill(), a.level(),
                a.seed(), a.truth(), a.answer(), a.unit(), a.truthLabel(), a.answerLabel(), a.correct(), a.score(),
                a.responseTimeMs(), a.drillId().isEmpty() ? null : a.drillId());
    }

    /** The attempt this line describes; throws IllegalArgumentException for missing or invalid fields. */
    Attempt toAttempt() {
        if (at == null) {
            throw new IllegalArgumentException("no time");
        }
        return new Attempt(id, Instant.parse(at), lesson, skill, level, seed, truth, answer, unit,
                truthLabel, answerLabel, correct, score, responseTimeMs, drill == null ? "" : drill);
    }
}
