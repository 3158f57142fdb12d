package dev.mixdojo.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test signals: at their stated level, with the spectrum their name promises. */
class SignalsTest {
    private static Multitrack render(String name) throws IOException {
        Path file = Path.of("audio-exercises", name + ".yaml");
        return Generator.render(SongFile.parse(file, Files.readAllBytes(file)), 1);
    }

    private static double rmsDb(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * (double) v;
        }
        return 10 * Math.log10(sum / x.length);
    }

    @Test
    void pinkNoiseIsAtMinus20DbfsRmsWithEqualEnergyPerOctaveAndIndependentChannels() throws IOException {
        Stem pink = render("pink-noise").stems().get(0);
        assertThat(pink.role()).isEqualTo(Role.NOISE);
        assertThat(pink.audio().channelCount()).isEqualTo(2);
        for (float[] channel : pink.audio().channels()) {
            // The 10 ms fades at the ends lower the RMS by a hair (≈ 0.003 dB over 30 s).
            assertThat(rmsDb(channel)).isCloseTo(-20.0, within(0.01));
        }
        List<Double> bands = BandEnergy.octaveBandsDb(pink.audio());
        for (double band : bands) {
            assertThat(band).isCloseTo(bands.get(4), within(1.0));
        }
        float[] left = pink.audio().channel(0);
        float[] right = pink.audio().channel(1);
        double lr = 0;
        double ll = 0;
        double rr = 0;
        for (int i = 0; i < left.length; i++) {
            lr += left[i] * (double) right[i];
            ll += left[i] * (double) left[i];
            rr += right[i] * (double) right[i];
        }
        assertThat(Math.abs(lr / Math.sqrt(ll * rr))).isLessThan(0.05);
    }

    @Test
    void whiteNoiseRisesThreeDecibelsPerOctave() throws IOException {
        List<Double> bands = BandEnergy.octaveBandsDb(render("white-noise").stems().get(0).audio());
        // Flat power density: each octave band is twice as wide as the one below, so +3.01 dB.
        for (int b = 2; b < bands.size() - 1; b++) {
            assertThat(bands.get(b) - bands.get(b - 1)).isCloseTo(10 * Math.log10(2), within(0.5));
        }
    }

    @Test
    void theToneIsOneKilohertzAtMinus20DbfsRms() throws IOException {
        Stem tone = render("tone-1k").stems().get(0);
        float[] x = tone.audio().channel(0);
        assertThat(rmsDb(x)).isCloseTo(-20.0, within(0.01));
        int crossings = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                crossings++;
            }
        }
        assertThat(crossings / tone.audio().durationS()).isCloseTo(1000.0, within(1.0));
    }

    @Test
    void theSweepCoversEveryOctaveFrom63HzTo16Kilohertz() throws IOException {
        List<Double> bands = BandEnergy.octaveBandsDb(render("sweep").stems().get(0).audio());
        // A log sweep spends equal time in each octave, so each band holds a similar share.
        for (double band : bands) {
            assertThat(band).isCloseTo(bands.get(4), within(1.5));
        }
    }
}
