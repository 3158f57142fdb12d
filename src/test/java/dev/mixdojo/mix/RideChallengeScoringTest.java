package dev.mixdojo.mix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.grading.MixScore;
import dev.mixdojo.grading.ScoreItem;
import dev.mixdojo.grading.SessionScoring;
import dev.mixdojo.grading.StemAudio;
import dev.mixdojo.grading.Verdict;
import dev.mixdojo.lesson.MixChallenge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The vocal-ride challenge, on the real stems over the stretch it scores: a ride that matches the target's within a
 * fraction of a dB and a fraction of a second passes, and a vocal without a ride fails, flat at the start's level or
 * raised as a whole, since the scorer judges the ride (a stretch against the rest) apart from the level.
 */
class RideChallengeScoringTest {
    @Test
    void aRideCloseToTheTargetsPassesAndAFlatFaderDoesNot() {
        MixChallenge challenge = ShippedExcerpts.challenges().stream().filter(c -> c.id().equals("vocal-ride-pop")).findFirst()
                .orElseThrow();
        MixSession target = ShippedExcerpts.target(challenge);
        assertThat(target.track("vocal").orElseThrow().faderDb().valueAt(35)).as("the target rides the chorus up").isEqualTo(4);
        MixSession start = ChallengeSetup.startFrom(challenge.start(), target);

        // Written by hand a little short and a little late, as a learner's pass would be.
        MixSession close = withVocal(start, new Param.Automated(new Envelope(List.of(new Breakpoint(0, 0),
                new Breakpoint(27.8, 0), new Breakpoint(27.82, 3.6), new Breakpoint(38, 3.6), new Breakpoint(38.02, 0)),
                Curve.LINEAR)));
        MixScore good = score(challenge, close, target);
        assertThat(good.score()).as("a ride 0.4 dB short and 0.1 s late").isGreaterThanOrEqualTo(challenge.passScore());
        assertThat(rideOf(good)).allSatisfy(i -> assertThat(i.verdict()).isNotEqualTo(Verdict.OUTSIDE));

        for (double flatDb : new double[] {0, 2}) {
            MixScore flat = score(challenge, withVocal(start, Param.of(flatDb)), target);
            assertThat(flat.score()).as("the vocal fader fixed at %.0f dB", flatDb).isLessThan(challenge.passScore());
            assertThat(rideOf(flat)).singleElement().satisfies(i -> {
                assertThat(i.verdict()).isEqualTo(Verdict.OUTSIDE);
                assertThat(i.error()).as("quieter than the target through the chorus").isBetween(-4.5, -3.0);
            });
        }
    }

    private static MixSession withVocal(MixSession session, Param fader) {
        return session.withTrack(session.track("vocal").orElseThrow().withFader(fader));
    }

    private static List<ScoreItem> rideOf(MixScore score) {
        return score.items().stream().filter(i -> i.subject().equals("vocal") && i.aspect().equals("ride")).toList();
    }

    private static MixScore score(MixChallenge challenge, MixSession mix, MixSession target) {
        Map<String, AudioBuffer> stems = ShippedExcerpts.scoredStems(challenge);
        List<StemAudio> given = new ArrayList<>();
        stems.forEach((name, audio) -> given.add(new StemAudio(name, audio)));
        return SessionScoring.score(given, LiveMix.bounce(stems, mix), target).scoredOn(challenge.scored());
    }
}
