package dev.mixdojo.progress;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Mix challenge scores in the attempt log: each scored mix is one attempt of the skill {@value #SKILL} (its lesson,
 * the challenge as its drill, the score as the answer and the pass as the truth, in points), so that the log stays
 * the one record of a learner's progress and a challenge's best score and pass follow from it.
 */
public final class ChallengeScores {
    /** The skill of a scored mix. No drill trains it, so no staircase, threshold or suggestion counts it. */
    public static final String SKILL = "mix.challenge";

    private ChallengeScores() {
    }

    /** A challenge's best score so far (0–100), and whether any score passed. */
    public record Best(int score, boolean passed) {
    }

    /** The attempt recording that a mix scored {@code score} in challenge {@code challengeId} of {@code lessonId}. */
    public static Attempt attempt(String lessonId, String challengeId, int score, int passScore, Instant at, long workedMs) {
        return new Attempt(UUID.randomUUID().toString(), at, lessonId, SKILL, passScore, 0, passScore, score, "points",
                "pass " + passScore, Integer.toString(score), score >= passScore, score / 100.0, Math.max(0, workedMs),
                challengeId);
    }

    /** The best score and pass of challenge {@code challengeId} of {@code lessonId}, or empty when it was never scored. */
    public static Optional<Best> best(List<Attempt> attempts, String lessonId, String challengeId) {
        return attempts.stream()
                .filter(a -> a.skill().equals(SKILL) && a.lessonId().equals(lessonId) && a.drillId().equals(challengeId))
                .map(a -> new Best((int) Math.round(a.answer()), a.correct()))
                .reduce((a, b) -> new Best(Math.max(a.score(), b.score()), a.passed() || b.passed()));
    }
}
