package dev.mixdojo.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.analysis.Signals;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.exercise.PlaybackSystem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The translation check against the systems' own filter responses: a steady sine's power scales by
 * |H(f)|² through a linear system and K-weighting scales it the same before and after, so two sine
 * stems must move apart by exactly the response difference the EQ's design gives at their frequencies.
 */
class TranslationTest {
    private static final int RATE_HZ = 48_000;

    /**
     * A sine at {@code peakDbfs} on {@code channels} identical channels (5 s), faded in and out over
     * 0.25 s: a hard start would be a click whose broadband energy passes a high-pass that takes 60 dB
     * off the sine itself.
     */
    private static StemAudio sine(String name, double hz, double peakDbfs, int channels) {
        float[] tone = Signals.faded(Signals.sine(hz, peakDbfs, 5, RATE_HZ, 0), 0.25, RATE_HZ);
        return new StemAudio(name, new AudioBuffer(Signals.inPhase(tone, channels), RATE_HZ));
    }

    /** The summed response (dB) of the EQ steps of the system's full chain at {@code hz}, from the filters' designs. */
    private static double responseDb(PlaybackSystem system, double hz) {
        double db = 0;
        for (ProcessorSettings step : system.chainAt(1).steps()) {
            if (step instanceof EqSettings eq) {
                db += eq.magnitudeDbAt(hz, RATE_HZ);
            }
        }
        return db;
    }

    private static double changeDb(Translation.SystemChange change, String stem) {
        return change.stems().stream().filter(s -> s.stem().equals(stem)).findFirst().orElseThrow().changeDb();
    }

    private static String word(Translation.SystemChange change, String stem) {
        return change.stems().stream().filter(s -> s.stem().equals(stem)).findFirst().orElseThrow().word();
    }

    @Test
    void stemsMoveApartByTheSystemsResponseAndTheMixsBandsMoveWithThem() {
        List<StemAudio> stems = List.of(sine("bass", 55, -10, 2), sine("vocal", 1000, -20, 2));
        Translation.Report report = Translation.check(stemsOnly(stems), List.of(PlaybackSystem.values()));

        assertThat(report.systems()).extracting(Translation.SystemChange::system).containsExactly(PlaybackSystem.values());
        assertThat(report.durationS()).isEqualTo(5.0);
        for (Translation.SystemChange change : report.systems()) {
            PlaybackSystem system = change.system();
            double apartDb = changeDb(change, "bass") - changeDb(change, "vocal");
            // Width and mono do nothing to a part that is the same on both sides. The club's room adds
            // reverb that interferes with each tone at its own phase, so it has no EQ response to check.
            if (system != PlaybackSystem.CLUB) {
                assertThat(apartDb).as(system.label()).isCloseTo(responseDb(system, 55) - responseDb(system, 1000), within(0.02));
            }
            // The 63 Hz octave holds the bass and the 1 kHz one the vocal: the mix's bands move as the stems do.
            assertThat(change.bandChangesDb().bands().centreHz(1)).isEqualTo(62.5);
            assertThat(change.bandChangesDb().bands().centreHz(5)).isEqualTo(1000);
            assertThat(change.bandChangesDb().levelDb(1)).as(system.label()).isCloseTo(changeDb(change, "bass"), within(0.1));
            assertThat(change.bandChangesDb().levelDb(5)).as(system.label()).isCloseTo(changeDb(change, "vocal"), within(0.1));
        }
    }

    @Test
    void onThePhoneTheBassIsNearlyLostAndTheVocalComesForward() {
        Translation.SystemChange phone = Translation.check(stemsOnly(sine("bass", 55, -10, 2), sine("vocal", 2500, -20, 2)),
                List.of(PlaybackSystem.PHONE)).systems().get(0);
        assertThat(changeDb(phone, "bass")).isLessThan(Translation.NEARLY_LOST_DB);
        assertThat(word(phone, "bass")).isEqualTo("nearly lost");
        assertThat(word(phone, "vocal")).isEqualTo("comes forward");
        assertThat(phone.stems()).extracting(Translation.StemChange::stem).containsExactly("bass", "vocal");
        // Matched to the studio loudness, the mix's K-weighted power is the same: the vocal now carries
        // nearly all of it, so it rises by about the share the bass had.
        assertThat(phone.matchGainDb()).isGreaterThan(0);
    }

    @Test
    void aMonoStemSitsInTheCentreAndAPartInOppositePolarityIsLostInMono() {
        StemAudio mono = sine("keys", 440, -14, 1);
        StemAudio stereo = sine("keys", 440, -14, 2);
        StemAudio other = sine("vocal", 1500, -20, 2);
        double monoChange = changeDb(Translation.check(stemsOnly(mono, other), List.of(PlaybackSystem.CAR)).systems().get(0), "keys");
        double stereoChange = changeDb(Translation.check(stemsOnly(stereo, other), List.of(PlaybackSystem.CAR)).systems().get(0), "keys");
        assertThat(monoChange).isEqualTo(stereoChange);

        float[] left = stereo.audio().channel(0).clone();
        float[] right = left.clone();
        for (int i = 0; i < right.length; i++) {
            right[i] = -right[i];
        }
        StemAudio wide = new StemAudio("wide pad", new AudioBuffer(new float[][] {left, right}, RATE_HZ));
        Translation.SystemChange phone = Translation.check(stemsOnly(wide, other), List.of(PlaybackSystem.PHONE)).systems().get(0);
        assertThat(changeDb(phone, "wide pad")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(word(phone, "wide pad")).isEqualTo("lost");

        // A mix that is nothing but such a part cancels out: there is no level to match, and all is lost.
        Translation.SystemChange cancelled = Translation.check(stemsOnly(wide), List.of(PlaybackSystem.PHONE)).systems().get(0);
        assertThat(cancelled.matchGainDb()).isNaN();
        assertThat(word(cancelled, "wide pad")).isEqualTo("lost");
        assertThat(cancelled.bandChangesDb().levelsDb()).allMatch(db -> db.isNaN());
    }

    @Test
    void silentStemsAreLeftOutAndBadStemsGetOneSentence() {
        StemAudio silent = new StemAudio("silence", AudioBuffer.silence(2, RATE_HZ, RATE_HZ));
        Translation.SystemChange car = Translation.check(stemsOnly(silent, sine("vocal", 1000, -20, 2)), List.of(PlaybackSystem.CAR))
                .systems().get(0);
        assertThat(car.stems()).extracting(Translation.StemChange::stem).containsExactly("vocal");
        assertThat(car.stems().get(0).word()).isEqualTo("keeps its place");

        assertThatThrownBy(() -> Translation.check(stemsOnly(silent), List.of(PlaybackSystem.CAR)))
                .isInstanceOf(BadInputException.class).hasMessage("The stems are silent: there is nothing to play.");
        StemAudio slow = new StemAudio("drums", AudioBuffer.silence(2, 44_100, 44_100));
        assertThatThrownBy(() -> Translation.check(stemsOnly(sine("vocal", 1000, -20, 2), slow), List.of(PlaybackSystem.CAR)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Stem drums runs at 44100 Hz but vocal at 48000 Hz: bounce the stems at one rate.");
    }

    /** The stems, all of them stems (nothing set aside). */
    private static StemSet stemsOnly(List<StemAudio> stems) {
        return new StemSet(stems, List.of());
    }

    private static StemSet stemsOnly(StemAudio... stems) {
        return new StemSet(List.of(stems), List.of());
    }
}
