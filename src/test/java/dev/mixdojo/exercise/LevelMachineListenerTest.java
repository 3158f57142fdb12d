package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.analysis.loudness.LoudnessResult;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.MaterialRef;
import dev.mixdojo.material.CatalogEntry;
import dev.mixdojo.progress.StaircaseSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Machine listeners for the level-balance kinds on a song's stems, and what makes their questions honest. */
class LevelMachineListenerTest extends WithMaterial {
    private static CatalogEntry catalog;

    private static final String SONG = "song/funk-elevator";

    @BeforeAll
    static void openCatalog() {
        catalog = audio.catalog(MaterialRef.parse(SONG).orElseThrow());
    }

    @Test
    void whichStemGotLouderOrQuieter() {
        Drills.assertSolved(audio, LevelKinds.levelStem(), SONG, "{direction: either, excerptS: 4}", 6, StemListener.whichStem(catalog));
    }

    @Test
    void byHowManyDecibels() {
        // A song without a room stem: a room's reverb is correlated with the drums it reverberates,
        // which this listener's projection cannot tell apart (it hears a room change 2–3 dB small).
        Drills.assertSolved(audio, LevelKinds.levelAmount(), "song/ambient-glacier", "{excerptS: 4}", 2,
                question -> new Answer.Valued(new StemListener(question).gainChangeDb()));
    }

    @Test
    void theVersionsAreNotLoudnessMatchedAndTheKeyNamesTheStem() {
        DrillSpec drill = Drills.drill("level-stem", SONG, "{excerptS: 4, direction: louder}",
                StaircaseSettings.linear(6, 6, 1, 1));
        Question question = LevelKinds.levelStem().generate("l", drill, 6, 5, audio);
        LoudnessResult original = AbRenderer.measure(question.audio().get("original"), true);
        LoudnessResult processed = AbRenderer.measure(question.audio().get("processed"), true);
        // One stem 6 dB up makes the mix louder; nothing turns it back down.
        assertThat(processed.integratedLufs() - original.integratedLufs()).isGreaterThan(0.2);
        assertThat(question.key().matchGainDb()).isZero();
        assertThat(Math.max(original.truePeakDbtp(), processed.truePeakDbtp())).isLessThanOrEqualTo(AbRenderer.TRUE_PEAK_CEILING_DBTP + 1e-6);
        assertThat(question.key().target()).isEqualTo(question.key().truthLabel());
        assertThat(catalog.stems()).anyMatch(s -> s.name().equals(question.key().target()));
        // The right answer, heard, is the processed version; another stem's is not.
        String other = ((AnswerForm.Choice) question.form()).options().stream().map(AnswerForm.Option::label)
                .filter(label -> !label.equals(question.key().target())).findFirst().orElseThrow();
        assertThat(question.answerAudio(new Answer.Chosen(question.key().target())).orElseThrow().channel(0))
                .containsExactly(question.audio().get("processed").channel(0));
        assertThat(question.answerAudio(new Answer.Chosen(other)).orElseThrow().channel(0))
                .isNotEqualTo(question.audio().get("processed").channel(0));
    }

    @Test
    void aStemSilentInTheExcerptIsNeverAskedAbout() {
        // The lead only plays in the chorus: over many excerpts, it is offered only when it sounds.
        DrillSpec drill = Drills.drill("level-stem", SONG, "{excerptS: 3}", StaircaseSettings.linear(6, 6, 1, 1));
        for (long seed = 0; seed < 12; seed++) {
            Question question = LevelKinds.levelStem().generate("l", drill, 6, seed, audio);
            double changeDb = 10 * Math.log10(energy(question.audio().get("processed")) / energy(question.audio().get("original")));
            // The asked stem carries at least 1/100 of the stems' energy, so a 6 dB boost adds 3 % to the
            // mix's energy (0.13 dB), less what it shares with the other stems: clearly more than nothing.
            assertThat(changeDb).as("seed %d", seed).isGreaterThan(0.05);
        }
    }

    private static double energy(dev.mixdojo.audio.AudioBuffer audio) {
        double sum = 0;
        for (float[] channel : audio.channels()) {
            for (float x : channel) {
                sum += (double) x * x;
            }
        }
        return sum;
    }

    @Test
    void aDrillOnOneStemIsRefusedWithItsPlace() {
        DrillSpec drill = Drills.drill("level-stem", "song/funk-elevator/bass", "{}", StaircaseSettings.linear(6, 6, 1, 1));
        dev.mixdojo.base.yaml.Problems problems = new dev.mixdojo.base.yaml.Problems();
        LevelKinds.levelStem().checkOptions(drill, problems);
        assertThat(problems.all()).singleElement().asString().contains("test-lesson.yaml:1:1").contains("whole song");
    }
}
