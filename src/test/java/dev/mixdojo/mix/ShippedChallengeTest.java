package dev.mixdojo.mix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.grading.MixScore;
import dev.mixdojo.grading.SessionScoring;
import dev.mixdojo.grading.StemAudio;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.material.MaterialLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mix challenge shipped in lessons/ has a target session that fits its song's stems and scores 100 against
 * itself, and the session the learner starts from scores below the pass.
 */
class ShippedChallengeTest {
    @TempDir
    Path work;

    @Test
    void everyShippedChallengeTargetFitsItsStemsScoresOneHundredAgainstItselfAndItsStartFails() {
        LessonLibrary lessons = LessonLibrary.load(Path.of("lessons"), LessonLibrary.STRUCTURE_ONLY, new Problems()).orElseThrow();
        MaterialLibrary library = new MaterialLibrary(MaterialLibrary.locateBuiltIns(), work.resolve("data"), work.resolve("cache"));
        List<MixChallenge> challenges = lessons.lessons().stream().flatMap(l -> l.challenges().stream()).toList();
        assertThat(challenges).isNotEmpty();
        for (MixChallenge challenge : challenges) {
            MixSession target = MixSessionReader.read(challenge.targetSession().orElseThrow());
            assertThat(target.material()).isEqualTo(challenge.material().toString());
            Map<String, AudioBuffer> stems = SessionStems.load(library, target, new Warnings());
            assertThat(target.stems()).containsExactlyInAnyOrderElementsOf(stems.keySet());
            // The first 20 s (verse into chorus) keep the test quick; scoring does not depend on the length.
            Map<String, AudioBuffer> opening = new LinkedHashMap<>();
            List<StemAudio> given = new ArrayList<>();
            stems.forEach((name, audio) -> {
                AudioBuffer cut = opening(audio, 20);
                opening.put(name, cut);
                given.add(new StemAudio(name, cut));
            });
            MixScore self = SessionScoring.score(given, LiveMix.bounce(opening, target), target)
                    .scoredOn(challenge.scored());
            assertThat(self.score()).as(challenge.id()).isEqualTo(100);
            // Reachable and worth doing: where the learner starts scores below the pass.
            MixSession start = ChallengeSetup.startFrom(challenge.start(), target);
            MixScore untouched = SessionScoring.score(given, LiveMix.bounce(opening, start), target).scoredOn(challenge.scored());
            assertThat(untouched.score()).as("%s from its start", challenge.id()).isLessThan(challenge.passScore());
        }
        assertThat(lessons.lesson("mix-balance-rock").map(Lesson::challenges).orElseThrow()).hasSize(1);
    }

    private static AudioBuffer opening(AudioBuffer audio, int seconds) {
        int frames = Math.min(audio.frames(), seconds * audio.sampleRateHz());
        float[][] out = new float[audio.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = java.util.Arrays.copyOf(audio.channel(c), frames);
        }
        return new AudioBuffer(out, audio.sampleRateHz());
    }
}
