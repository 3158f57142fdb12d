package dev.mixdojo.mix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.grading.MixScore;
import dev.mixdojo.grading.SessionScoring;
import dev.mixdojo.grading.StemAudio;
import dev.mixdojo.lesson.MixChallenge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every mix challenge shipped in lessons/ has a target session that fits its song's stems and scores 100 against
 * itself, and the session the learner starts from scores below the pass.
 */
class ShippedChallengeTest {
    @Test
    void everyShippedChallengeTargetFitsItsStemsScoresOneHundredAgainstItselfAndItsStartFails() {
        List<MixChallenge> challenges = ShippedExcerpts.challenges();
        assertThat(challenges).as("the issue asks for at least 12").hasSizeGreaterThanOrEqualTo(12);
        for (MixChallenge challenge : challenges) {
            MixSession target = ShippedExcerpts.target(challenge);
            assertThat(target.material()).isEqualTo(challenge.material().toString());
            Map<String, AudioBuffer> stems = ShippedExcerpts.scoredStems(challenge);
            assertThat(target.stems()).containsExactlyInAnyOrderElementsOf(stems.keySet());
            List<StemAudio> given = new ArrayList<>();
            stems.forEach((name, audio) -> given.add(new StemAudio(name, audio)));
            MixScore self = SessionScoring.score(given, LiveMix.bounce(stems, target), target).scoredOn(challenge.scored());
            assertThat(self.score()).as(challenge.id()).isEqualTo(100);
            // Reachable and worth doing: where the learner starts scores below the pass.
            MixSession start = ChallengeSetup.startFrom(challenge.start(), target);
            MixScore untouched = SessionScoring.score(given, LiveMix.bounce(stems, start), target).scoredOn(challenge.scored());
            assertThat(untouched.score()).as("%s from its start", challenge.id()).isLessThan(challenge.passScore());
            System.out.printf("%s: start scores %d (pass %d)%n", challenge.id(), untouched.score(), challenge.passScore());
        }
    }
}
