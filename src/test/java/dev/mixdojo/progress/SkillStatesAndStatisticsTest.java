package dev.mixdojo.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkillStatesAndStatisticsTest {
    private static final StaircaseSettings GAIN = StaircaseSettings.linear(12, 15, 0.5, 1);

    @Test
    void skillStateRebuiltFromTheLogEqualsTheStateBuiltAnswerByAnswer() {
        List<Attempt> log = new ArrayList<>();
        SkillStates live = SkillStates.rebuild(List.of(), skill -> GAIN);
        boolean[] answers = {true, true, true, true, false, true, true, true};
        for (int i = 0; i < answers.length; i++) {
            String skill = i % 2 == 0 ? "eq.gain" : "compression.amount";
            Attempt a = Attempts.of("a" + i, skill, live.nextLevel(skill), answers[i]);
            log.add(a);
            live = live.with(a);
        }
        SkillStates rebuilt = SkillStates.rebuild(log, skill -> GAIN);
        assertThat(rebuilt.staircase("eq.gain")).isEqualTo(live.staircase("eq.gain"));
        assertThat(rebuilt.staircase("compression.amount")).isEqualTo(live.staircase("compression.amount"));
        assertThat(rebuilt.nextLevel("never.practised")).isEqualTo(12);
    }

    @Test
    void biasIsTheMeanSignedErrorPerTruth() {
        List<Attempt> log = List.of(
                band("1", "8 kHz", "8 kHz", 0), band("2", "8 kHz", "16 kHz", 1.0 / 3),
                band("3", "8 kHz", "16 kHz", 2.0 / 3), band("4", "250 Hz", "250 Hz", 0));
        var biases = ProgressStatistics.biasByTruth(log, "eq.frequency");
        assertThat(biases).singleElement().satisfies(b -> {
            assertThat(b.truthLabel()).isEqualTo("8 kHz");
            assertThat(b.meanSignedError()).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(b.unit()).isEqualTo("oct");
        });
    }

    @Test
    void accuracyIsCountedPerDay() {
        List<Attempt> log = List.of(
                at("1", "2026-11-20T09:00:00Z", true), at("2", "2026-11-20T18:00:00Z", false),
                at("3", "2026-11-21T09:00:00Z", true));
        var days = ProgressStatistics.accuracyByDay(log, "eq.frequency", ZoneOffset.UTC);
        assertThat(days).hasSize(2);
        assertThat(days.get(0).accuracy()).isEqualTo(0.5);
        assertThat(days.get(1).accuracy()).isEqualTo(1.0);
    }

    private static Attempt band(String id, String truth, String answer, double errorOct) {
        return new Attempt(id, Instant.parse("2026-11-20T10:00:00Z"), "eq", "eq.frequency", 6, 1, 5, 5 + errorOct,
                "oct", truth, answer, truth.equals(answer), truth.equals(answer) ? 1 : 0.5, 1000);
    }

    private static Attempt at(String id, String when, boolean correct) {
        return new Attempt(id, Instant.parse(when), "eq", "eq.frequency", 6, 1, 5, 5, "oct", "1 kHz",
                correct ? "1 kHz" : "2 kHz", correct, correct ? 1 : 0, 1000);
    }
}
