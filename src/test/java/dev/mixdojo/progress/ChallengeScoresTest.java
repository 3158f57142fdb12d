package dev.mixdojo.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.base.Warnings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A challenge's scores go through the attempt log and come back as its best score and whether it passed. */
class ChallengeScoresTest {
    private static final Instant AT = Instant.parse("2026-12-01T18:00:00Z");

    @Test
    void theBestScoreAndThePassOfAChallengeFollowFromItsAttemptsInTheLog(@TempDir Path data) {
        AttemptLog log = AttemptLog.inDataDirectory(data);
        log.append(ChallengeScores.attempt("mix-balance-rock", "balance-drums-bass-vocal", 62, 80, AT, 90_000));
        log.append(ChallengeScores.attempt("mix-balance-rock", "balance-drums-bass-vocal", 85, 80, AT.plusSeconds(60), 150_000));
        log.append(ChallengeScores.attempt("mix-balance-rock", "balance-drums-bass-vocal", 71, 80, AT.plusSeconds(120), 200_000));
        log.append(ChallengeScores.attempt("mix-cut-mud", "cut-mud-guitar-keys", 55, 80, AT.plusSeconds(180), 60_000));
        // A drill's answer in the same lesson is no score of the challenge.
        log.append(new Attempt("d1", AT, "mix-balance-rock", "pan.position", 20, 1, 0, 95, "%", "C", "R", false, 0, 1000));

        List<Attempt> read = log.readAll(new Warnings());
        assertThat(read).hasSize(5);
        assertThat(ChallengeScores.best(read, "mix-balance-rock", "balance-drums-bass-vocal"))
                .contains(new ChallengeScores.Best(85, true));
        assertThat(ChallengeScores.best(read, "mix-cut-mud", "cut-mud-guitar-keys")).contains(new ChallengeScores.Best(55, false));
        assertThat(ChallengeScores.best(read, "mix-kick-bass", "carve-kick-bass")).isEmpty();
        Attempt kept = read.get(0);
        assertThat(kept.skill()).isEqualTo(ChallengeScores.SKILL);
        assertThat(kept.score()).isEqualTo(0.62);
        assertThat(kept.responseTimeMs()).isEqualTo(90_000);
    }
}
