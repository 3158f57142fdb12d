package dev.mixdojo.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.material.synth.Noise;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandEnergyTest {
    @Test
    void aOneKilohertzSineHasAllItsEnergyInTheOneKilohertzBand() {
        float[] sine = new float[48_000 * 4];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
        }
        List<Double> bands = BandEnergy.octaveBandsDb(new AudioBuffer(new float[][] {sine}, 48_000));
        assertThat(bands.get(4)).isCloseTo(0.0, within(0.05));
        for (int b = 0; b < bands.size(); b++) {
            if (b != 4) {
                assertThat(bands.get(b)).as("band " + BandEnergy.CENTRES_HZ.get(b)).isLessThan(-40);
            }
        }
    }

    @Test
    void pinkNoiseHasEqualEnergyInEveryOctave() {
        Noise noise = new Noise(3);
        float[] pink = new float[48_000 * 20];
        for (int i = 0; i < pink.length; i++) {
            pink[i] = (float) noise.pink();
        }
        List<Double> bands = BandEnergy.octaveBandsDb(new AudioBuffer(new float[][] {pink}, 48_000));
        // Pink noise carries equal energy in every octave, so every band reads the same share.
        double first = bands.get(0);
        for (int b = 1; b < bands.size(); b++) {
            assertThat(bands.get(b)).as("band " + BandEnergy.CENTRES_HZ.get(b)).isCloseTo(first, within(1.0));
        }
    }

    @Test
    void silenceReportsTheFloor() {
        List<Double> bands = BandEnergy.octaveBandsDb(AudioBuffer.silence(1, 48_000, 48_000));
        assertThat(bands).containsOnly(BandEnergy.FLOOR_DB);
    }
}
