package dev.mixdojo.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MixScorerTest {
    static List<KnownMix.Strip> strips;
    static List<StemAudio> stems;
    static AudioBuffer target;

    @BeforeAll
    static void renderTarget() {
        strips = KnownMix.fiveStrips();
        stems = KnownMix.stems(strips, 6, 11);
        target = KnownMix.mix(strips, stems, 0);
    }

    /** The target's strips with one stem's fader moved by {@code deltaDb} and its pan set to {@code pan}. */
    static AudioBuffer changed(String stem, double deltaDb, Double pan) {
        List<KnownMix.Strip> moved = new ArrayList<>();
        for (KnownMix.Strip s : strips) {
            moved.add(s.name().equals(stem)
                    ? new KnownMix.Strip(s.name(), s.channels(), s.gainDb() + deltaDb, pan == null ? s.pan() : pan, s.eq())
                    : s);
        }
        return KnownMix.mix(moved, stems, 230);
    }

    @Test
    void aMixScoredAgainstItselfGetsOneHundred() {
        MixScore score = MixScorer.score(stems, target, target);
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.items()).allSatisfy(i -> assertThat(i.verdict()).isEqualTo(Verdict.WITHIN));
    }

    @Test
    void aTargetPreparedOnceScoresEveryMixAsTheOneShotScoreDoes() {
        MixScorer.Target prepared = MixScorer.target(stems, target);
        for (AudioBuffer mix : List.of(changed("Bass", 3, null), changed("Guitar", -2, -0.2), target)) {
            MixScore once = MixScorer.score(stems, mix, target);
            MixScore shared = MixScorer.score(stems, mix, prepared);
            assertThat(shared.score()).isEqualTo(once.score());
            for (int i = 0; i < once.items().size(); i++) {
                assertThat(shared.items().get(i).error()).as(once.items().get(i).advice())
                        .isCloseTo(once.items().get(i).error(), within(1e-9));
            }
        }
    }

    @Test
    void movingOneFaderThreeDecibelsNamesThatStemAndThatError() {
        MixScore score = MixScorer.score(stems, changed("Bass", 3, null), target);
        ScoreItem worst = score.items().stream().max(Comparator.comparingDouble(ScoreItem::pointsLost)).orElseThrow();
        assertThat(worst.subject()).isEqualTo("Bass");
        assertThat(worst.aspect()).isEqualTo("level");
        assertThat(worst.error()).isCloseTo(3, within(0.3));
        assertThat(worst.verdict()).isEqualTo(Verdict.OUTSIDE);
        assertThat(worst.advice()).startsWith("Bass is 3.0 dB louder").contains("fader down");
        assertThat(score.items()).filteredOn(i -> !i.subject().equals("Bass") && i.aspect().equals("level"))
                .allSatisfy(i -> assertThat(i.verdict()).isEqualTo(Verdict.WITHIN));
        assertThat(score.score()).isLessThan(100);
    }

    @Test
    void theScoreFallsAsTheErrorGrows() {
        int previous = 100;
        for (double deltaDb : new double[] {1.5, 3, 6}) {
            int score = MixScorer.score(stems, changed("Vocal", -deltaDb, null), target).score();
            assertThat(score).as("vocal %.1f dB down", deltaDb).isLessThan(previous);
            previous = score;
        }
    }

    @Test
    void aNarrowerGuitarIsToldToPanFurtherLeft() {
        MixScore score = MixScorer.score(stems, changed("Guitar", 0, -0.2), target);
        ScoreItem pan = score.items().stream().filter(i -> i.subject().equals("Guitar") && i.aspect().equals("pan"))
                .findFirst().orElseThrow();
        assertThat(pan.verdict()).isEqualTo(Verdict.OUTSIDE);
        assertThat(pan.advice()).contains("0.20 L", "0.60 L", "pan it to 0.60 L");
        assertThat(pan.fix()).hasValueSatisfying(fix -> assertThat(fix.parameters().get("position").toString()).contains("-0.6"));
    }

    @Test
    void constantPowerPansMapToTheirInterauralLevelDifference() {
        assertThat(Diagnosis.ild(0)).isCloseTo(0, within(1e-9));
        // ILD = 20·log10(R/L) = 20·log10(tan((p + 1)·π/4)).
        assertThat(Diagnosis.ild(0.5)).isCloseTo(20 * Math.log10(Math.tan(1.5 * Math.PI / 4)), within(1e-9));
        assertThat(Diagnosis.ild(1)).isEqualTo(MixScorer.FULL_SIDE_ILD_DB);
    }
}
