package dev.mixdojo.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report says when the stems do not explain a mix, and then lowers or withholds its verdicts. */
class FitQualityTest {
    static final List<KnownMix.Strip> STRIPS = KnownMix.fiveStrips();
    static final List<StemAudio> STEMS = KnownMix.stems(STRIPS, 6, 11);

    @Test
    void stemsThatExplainBothMixesLeaveEveryVerdictStanding() {
        AudioBuffer target = KnownMix.mix(STRIPS, STEMS, 0);
        MixScore score = MixScorer.score(STEMS, KnownMix.mix(STRIPS, STEMS, 120), target);
        assertThat(score.fit().trust()).isEqualTo(FitQuality.Trust.FULL);
        assertThat(score.fit().sentence()).isEmpty();
        assertThat(score.score()).isEqualTo(100);
    }

    @Test
    void theStemsOfAnotherTakeJudgeNoStemAndSaySo() {
        List<StemAudio> otherTake = KnownMix.stems(STRIPS, 6, 12);
        AudioBuffer target = KnownMix.mix(STRIPS, otherTake, 0);
        MixScore score = MixScorer.score(STEMS, KnownMix.mix(STRIPS, otherTake, 0), target);
        assertThat(score.fit().trust()).isEqualTo(FitQuality.Trust.WITHHELD);
        assertThat(score.fit().sentence()).hasValueSatisfying(s -> assertThat(s).contains("so no stem is judged"));
        assertThat(score.items()).extracting(ScoreItem::subject).containsOnly("mix");
        assertThat(MixScoreFormat.TEXT.render(score)).startsWith("Mix score: withheld");
    }

    @Test
    void aStemMissingFromTheFolderLowersTheVerdictsAndIsNamedAsTheLikelyCause() {
        AudioBuffer target = KnownMix.mix(STRIPS, STEMS, 0);
        List<StemAudio> withoutKeys = STEMS.stream().filter(s -> !s.name().equals("Keys")).toList();
        MixScore score = MixScorer.score(withoutKeys, KnownMix.mix(STRIPS, STEMS, 0), target);
        assertThat(score.fit().trust()).isNotEqualTo(FitQuality.Trust.FULL);
        assertThat(score.fit().mixResidualDb()).isGreaterThan(-25);
        assertThat(score.fit().sentence()).hasValueSatisfying(s -> assertThat(s).contains("a missing stem"));
    }
}
