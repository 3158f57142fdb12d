package dev.mixdojo.analysis.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.analysis.Signals;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An album's loudness gates every track's blocks together. The reference here does not use the
 * meter's K-weighting or gating: steady 997 Hz tones have one block power per track, computed from
 * BS.1770-4's published 48 kHz K-filter coefficients, and the test lists every track's blocks and
 * gates the list itself.
 */
class AlbumLoudnessTest {
    private static final int RATE = 48000;

    /** BS.1770-4 Table 1 (stage 1 shelf) and Table 2 (stage 2 high-pass) at 48 kHz: b0 b1 b2 a1 a2. */
    private static final double[][] K_FILTER = {
        {1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585},
        {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621},
    };

    /** |H(f)|² of the published K-filter. */
    private static double kGainSquared(double frequencyHz) {
        double w = 2 * Math.PI * frequencyHz / RATE;
        double gain = 1;
        for (double[] s : K_FILTER) {
            double numRe = s[0] + s[1] * Math.cos(w) + s[2] * Math.cos(2 * w);
            double numIm = -s[1] * Math.sin(w) - s[2] * Math.sin(2 * w);
            double denRe = 1 + s[3] * Math.cos(w) + s[4] * Math.cos(2 * w);
            double denIm = -s[3] * Math.sin(w) - s[4] * Math.sin(2 * w);
            gain *= (numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm);
        }
        return gain;
    }

    /** Mean square of one K-weighted block of a 997 Hz tone of this peak level on both channels. */
    private static double blockPower(double peakDbfs) {
        double amplitude = Math.pow(10, peakDbfs / 20);
        return 2 * amplitude * amplitude / 2 * kGainSquared(997);
    }

    private static double lufs(double power) {
        return -0.691 + 10 * Math.log10(power);
    }

    /** BS.1770-4 §2.8 over an explicit list of block powers. */
    private static double gated(List<Double> blocks) {
        double absolute = Math.pow(10, (-70 + 0.691) / 10);
        double relative = Math.pow(10, (lufs(blocks.stream().filter(p -> p > absolute).mapToDouble(p -> p).average()
                .orElseThrow()) - 10 + 0.691) / 10);
        return lufs(blocks.stream().filter(p -> p > absolute && p > relative).mapToDouble(p -> p).average().orElseThrow());
    }

    /** A track: a 997 Hz tone of the given peak level and length on both channels, measured alone. */
    private static LoudnessResult track(double peakDbfs, double seconds) {
        float[] tone = Signals.sine(997, peakDbfs, seconds, RATE, 0);
        LoudnessMeter meter = new LoudnessMeter(RATE, 2, true);
        Signals.stream(Signals.inPhase(tone, 2), 4096, meter::accept);
        return meter.result();
    }

    /** 400 ms blocks every 100 ms that fit in a track of this length. */
    private static int gatingBlocks(double seconds) {
        return (int) Math.floor((seconds - 0.4) / 0.1 + 1e-9) + 1;
    }

    @Test
    void anAlbumGatesEveryTracksBlocksTogetherSoAQuietTrackDropsOutOfItsLoudness() {
        // Loud (−14 dBFS, 30 s), a little quieter (−16 dBFS, 10 s), and quiet (−30 dBFS, 30 s): the album's
        // relative gate (about 10 LU under the mean of all blocks) leaves the quiet track out, although alone
        // it passes its own gates.
        double[][] tracks = {{-14, 30}, {-16, 10}, {-30, 30}};
        List<GatingBlocks> blocks = new ArrayList<>();
        List<Double> reference = new ArrayList<>();
        for (double[] t : tracks) {
            LoudnessResult measured = track(t[0], t[1]);
            assertThat(measured.gatingBlocks().gatingBlockCount()).isEqualTo(gatingBlocks(t[1]));
            assertThat(measured.integratedLufs()).isCloseTo(lufs(blockPower(t[0])), within(0.01));
            blocks.add(measured.gatingBlocks());
            reference.addAll(Collections.nCopies(gatingBlocks(t[1]), blockPower(t[0])));
        }
        double album = GatingBlocks.concatenated(blocks).integratedLufs();
        assertThat(album).isCloseTo(gated(reference), within(0.01));
        // What gating the tracks together means: the −30 dBFS track is gated out (the album reads as the two loud
        // tracks' blocks alone), and the 30 s track weighs three times the 10 s one.
        double loudTwo = lufs((297 * blockPower(-14) + 97 * blockPower(-16)) / 394);
        assertThat(album).isCloseTo(loudTwo, within(0.01));
        double allThree = lufs((297 * blockPower(-14) + 97 * blockPower(-16) + 297 * blockPower(-30)) / 691);
        assertThat(album - allThree).isGreaterThan(1.5);
    }

    @Test
    void theAlbumRangeSpansTheTracksShortTermLevels() {
        // Short-term blocks (3 s) of each steady tone all read its level; LRA is the 95th minus the 10th percentile
        // of the album's blocks above −70 LUFS and the mean − 20 LU: from the −30 dBFS track up to the −14 dBFS one.
        List<GatingBlocks> blocks = List.of(track(-14, 30).gatingBlocks(), track(-16, 10).gatingBlocks(),
                track(-30, 30).gatingBlocks());
        assertThat(GatingBlocks.concatenated(blocks).loudnessRangeLu())
                .isCloseTo(lufs(blockPower(-14)) - lufs(blockPower(-30)), within(0.01));
    }

    @Test
    void oneTracksAlbumIsTheTrack() {
        LoudnessResult alone = track(-20, 5);
        GatingBlocks album = GatingBlocks.concatenated(List.of(alone.gatingBlocks()));
        assertThat(album.integratedLufs()).isEqualTo(alone.integratedLufs());
        assertThat(album.loudnessRangeLu()).isEqualTo(alone.loudnessRangeLu());
    }
}
