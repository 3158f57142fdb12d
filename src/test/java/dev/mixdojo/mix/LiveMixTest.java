package dev.mixdojo.mix;

import static dev.mixdojo.mix.LiveSessions.RATE_HZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.analysis.loudness.LoudnessMeter;
import dev.mixdojo.analysis.loudness.LoudnessResult;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live engine as a mix engineer uses it: controls land within a block, smoothed; transport, A/B and meters. */
class LiveMixTest {
    private static final int BLOCK = LiveMix.BLOCK_FRAMES;
    /** The faders' ramp: 20 ms. */
    private static final int RAMP_FRAMES = RATE_HZ / 50;

    private static double db(double linear) {
        return 20 * Math.log10(linear);
    }

    @Test
    void aStemThatJoinsWhilePlayingIsHeardAndOnceAllJoinedTheMixIsTheWholeOneBitForBit() {
        Map<String, AudioBuffer> stems = LiveSessions.stems(2);
        MixSession session = LiveSessions.busy();
        LiveMix mix = LiveMix.startingWith(Map.of("kick", stems.get("kick"), "pad", stems.get("pad")), session);
        mix.play();
        LiveSessions.play(mix, 20 * BLOCK);
        assertThat(mix.meters().tracks().get(2).peakDb()).as("the vocal waits for its stem").isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(mix.meters().tracks().get(0).peakDb()).as("the kick plays").isGreaterThan(-30);
        MixSession moved = session.withTrack(session.track("vocal").orElseThrow().withPan(0.5));
        mix.apply(moved); // a move made before the stem is there holds once it is
        mix.join("vocal", stems.get("vocal"));
        LiveSessions.play(mix, 4 * BLOCK);
        assertThat(mix.meters().tracks().get(2).peakDb()).as("the vocal joined").isGreaterThan(-40);

        mix.stop();
        LiveSessions.play(mix, 2 * BLOCK);
        mix.seekFrames(0);
        mix.play();
        float[][] again = LiveSessions.play(mix, 2 * RATE_HZ);
        AudioBuffer whole = LiveMix.bounce(stems, moved);
        assertThat(again[0]).isEqualTo(whole.channel(0));
        assertThat(again[1]).isEqualTo(whole.channel(1));
    }

    @Test
    void aFaderMoveLandsInTheNextBlockAndRampsWithNoStepLargerThanTheSmoothingAllows() {
        // A constant stem, centred (constant power: −3.01 dB a side), makes the applied gain readable sample by sample.
        Map<String, AudioBuffer> stems = Map.of("dc", LiveSessions.constant(0.5f, RATE_HZ));
        MixSession flat = MixSession.flat("test", Optional.empty(), List.of("dc"));
        LiveMix mix = new LiveMix(stems, flat, Optional.empty());
        mix.play();
        float[][] before = LiveSessions.play(mix, 4 * BLOCK);
        double centreDb = db(before[0][4 * BLOCK - 1] / 0.5);
        assertThat(centreDb).isCloseTo(-3.0103, within(1e-3));

        mix.apply(flat.withTrack(ChannelStrip.of("dc").withFaderDb(-20)));
        float[][] after = LiveSessions.play(mix, 8 * BLOCK);
        double[] gainDb = new double[after[0].length];
        for (int i = 0; i < gainDb.length; i++) {
            gainDb[i] = db(after[0][i] / 0.5) - centreDb;
        }
        // The ramp starts in the next block from where the gain was: its first sample is the old gain, its
        // second carries the move (a latency of one block plus one sample); no sample of it jumps.
        assertThat(gainDb[0]).isCloseTo(0, within(1e-6));
        assertThat(gainDb[1]).isLessThan(-1e-3).isGreaterThan(-0.1);
        double largestStepDb = 0;
        for (int i = 1; i < gainDb.length; i++) {
            largestStepDb = Math.max(largestStepDb, Math.abs(gainDb[i] - gainDb[i - 1]));
        }
        // 20 dB spread over the 20 ms ramp: 20/960 dB a sample, a step far below anything audible.
        assertThat(largestStepDb).isLessThanOrEqualTo(20.0 / RAMP_FRAMES + 1e-4);
        assertThat(gainDb[RAMP_FRAMES]).isCloseTo(-20, within(1e-3));
        assertThat(gainDb[gainDb.length - 1]).isCloseTo(-20, within(1e-4));
    }

    @Test
    void muteAndSoloSilenceTheirTracksAfterAFiveMillisecondFadeAndLeaveTheOthers() {
        Map<String, AudioBuffer> stems = new LinkedHashMap<>();
        stems.put("a", LiveSessions.constant(0.25f, RATE_HZ));
        stems.put("b", LiveSessions.constant(0.5f, RATE_HZ));
        MixSession flat = MixSession.flat("test", Optional.empty(), List.of("a", "b"));
        LiveMix mix = new LiveMix(stems, flat, Optional.empty());
        mix.play();
        LiveSessions.play(mix, BLOCK);
        double centre = Math.sqrt(0.5);
        mix.apply(flat.withTrack(ChannelStrip.of("a").withSolo(true)));
        float[][] soloed = LiveSessions.play(mix, 2 * BLOCK);
        assertThat(soloed[0][0]).isGreaterThan((float) (0.5 * centre)); // still fading b out
        assertThat(soloed[0][2 * BLOCK - 1]).isCloseTo((float) (0.25 * centre), within(1e-6f));
        mix.apply(flat.withTrack(ChannelStrip.of("b").withMute(true)));
        float[][] muted = LiveSessions.play(mix, 2 * BLOCK);
        assertThat(muted[0][2 * BLOCK - 1]).isCloseTo((float) (0.25 * centre), within(1e-6f));
        assertThat(LiveSessions.play(mix, BLOCK)[1][BLOCK - 1]).isCloseTo((float) (0.25 * centre), within(1e-6f));
    }

    @Test
    void aLoopReplaysItsRegionSampleAccuratelyAndTheWrapIsDeclicked() {
        Map<String, AudioBuffer> stems = LiveSessions.stems(2);
        MixSession session = MixSession.flat("test", Optional.empty(), List.of("kick", "pad", "vocal"));
        float[][] bounce = LiveMix.bounce(stems, session).channels();
        LiveMix mix = new LiveMix(stems, session, Optional.empty());
        int start = 10_000;
        int end = 30_000;
        mix.seekFrames(start);
        mix.setLoop(start, end);
        mix.play();
        float[][] looped = LiveSessions.play(mix, 3 * (end - start) + 1000);
        int fade = (int) Math.round(LiveMix.FADE_MS / 1000 * RATE_HZ);
        // Past the fade-in at the start and past each wrap's crossfade, frame k plays start + (k mod length).
        for (int pass = 0; pass < 3; pass++) {
            for (int k = fade; k < end - start; k++) {
                int played = pass * (end - start) + k;
                assertThat(looped[0][played]).as("pass %d frame %d", pass, k).isEqualTo(bounce[0][start + k]);
            }
        }
        // Within a wrap's fade the step between samples stays within the music's own largest step.
        double musicStep = largestStep(bounce[0], 0, bounce[0].length);
        assertThat(largestStep(looped[0], (end - start) - 10, (end - start) + fade + 10)).isLessThanOrEqualTo(musicStep);
    }

    @Test
    void aSeekWhilePlayingCrossfadesWithoutAStepLargerThanTheMusicsOwn() {
        Map<String, AudioBuffer> stems = LiveSessions.stems(2);
        MixSession session = LiveSessions.busy();
        float[][] bounce = LiveMix.bounce(stems, session).channels();
        LiveMix mix = new LiveMix(stems, session, Optional.empty());
        mix.play();
        LiveSessions.play(mix, 40 * BLOCK);
        mix.seekFrames(61_111);
        float[][] after = LiveSessions.play(mix, 4 * BLOCK);
        double musicStep = Math.max(largestStep(bounce[0], 0, bounce[0].length), largestStep(bounce[1], 0, bounce[1].length));
        assertThat(largestStep(after[0], 0, 4 * BLOCK)).isLessThanOrEqualTo(musicStep);
        assertThat(largestStep(after[1], 0, 4 * BLOCK)).isLessThanOrEqualTo(musicStep);
        assertThat(mix.positionFrames()).isEqualTo(61_111 + 4 * BLOCK);
    }

    @Test
    void stopFadesOutAndPlayResumesAtThePlayhead() {
        Map<String, AudioBuffer> stems = Map.of("dc", LiveSessions.constant(0.5f, RATE_HZ));
        LiveMix mix = new LiveMix(stems, MixSession.flat("test", Optional.empty(), List.of("dc")), Optional.empty());
        mix.play();
        LiveSessions.play(mix, 10 * BLOCK);
        assertThat(mix.isPlaying()).isTrue();
        mix.stop();
        float[][] stopping = LiveSessions.play(mix, 2 * BLOCK);
        assertThat(largestStep(stopping[0], 0, 2 * BLOCK)).isLessThan(0.5 * Math.sqrt(0.5) / 200);
        assertThat(stopping[0][2 * BLOCK - 1]).isZero();
        assertThat(mix.isPlaying()).isFalse();
        long stoppedAt = mix.positionFrames();
        assertThat(stoppedAt).isBetween(10L * BLOCK, 11L * BLOCK);
        mix.play();
        LiveSessions.play(mix, BLOCK);
        assertThat(mix.positionFrames()).isEqualTo(stoppedAt + BLOCK);
    }

    @Test
    void abHearsTheTargetAtTheSamePositionAndAtItsMatchedGain() {
        Map<String, AudioBuffer> stems = LiveSessions.stems(2);
        MixSession session = LiveSessions.busy();
        AudioBuffer target = LiveMix.bounce(stems, session.withMasterFaderDb(-10));
        LiveMix mix = new LiveMix(stems, MixSession.flat("test", Optional.empty(), List.of("kick", "pad", "vocal")),
                Optional.of(target));
        mix.play();
        LiveSessions.play(mix, 20 * BLOCK);
        mix.hearTarget(true);
        mix.setTargetGainDb(6);
        LiveSessions.play(mix, 8 * BLOCK);
        long at = mix.positionFrames();
        float[][] heard = LiveSessions.play(mix, BLOCK);
        double gain = Math.pow(10, 6 / 20.0);
        for (int k = 0; k < BLOCK; k++) {
            assertThat((double) heard[0][k]).isCloseTo(target.channel(0)[(int) at + k] * gain, within(1e-6));
            assertThat((double) heard[1][k]).isCloseTo(target.channel(1)[(int) at + k] * gain, within(1e-6));
        }
        mix.hearTarget(false);
        LiveSessions.play(mix, BLOCK);
        float[][] back = LiveSessions.play(mix, BLOCK);
        assertThat(back[0]).isNotEqualTo(heard[0]);
    }

    @Test
    void metersReadEachStripsLevelsTheCompressorsGainReductionAndTheMastersLoudness() {
        int frames = 4 * RATE_HZ;
        float[][] tone = new float[2][frames];
        float[] sine = new float[frames];
        double peak = Math.pow(10, -23 / 20.0);
        for (int i = 0; i < frames; i++) {
            tone[0][i] = (float) (peak * Math.sin(2 * Math.PI * 1000 * i / RATE_HZ));
            tone[1][i] = tone[0][i];
            sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * 100 * i / RATE_HZ));
        }
        Map<String, AudioBuffer> stems = new LinkedHashMap<>();
        stems.put("tone", new AudioBuffer(tone, RATE_HZ));
        stems.put("bass", new AudioBuffer(new float[][] {sine}, RATE_HZ));
        MixSession session = MixSession.flat("test", Optional.empty(), List.of("tone", "bass"));
        LiveMix mix = new LiveMix(stems, session.withTrack(ChannelStrip.of("bass").withMute(true)), Optional.empty());
        mix.play();
        LiveSessions.play(mix, (int) (3.5 * RATE_HZ));
        MixMeters meters = mix.meters();
        // EBU Tech 3341 case 1: a 1 kHz stereo sine at −23 dBFS reads −23 LUFS (±0.1 LU).
        assertThat(meters.master().shortTermLufs()).isCloseTo(-23, within(0.1));
        assertThat(meters.master().momentaryLufs()).isCloseTo(-23, within(0.1));
        assertThat(meters.tracks().get(0).peakDb()).isCloseTo(-23, within(0.01));
        assertThat(meters.tracks().get(0).rmsDb()).isCloseTo(-23 - 3.0103, within(0.05));
        assertThat(meters.tracks().get(1).peakDb()).isEqualTo(Double.NEGATIVE_INFINITY);

        // A −6 dBFS sine into 4:1 at −30 dB (the compressor is before the pan): 24 dB over, 18 dB of gain
        // reduction on the static curve; the 1 ms attack on a 100 Hz wave's crests reaches within 0.5 dB of it.
        mix.apply(session.withTrack(ChannelStrip.of("bass")
                .withCompressor(Optional.of(DynamicsSettings.compressor(-30, 4, 0, 1, 50, 0)))));
        LiveSessions.play(mix, RATE_HZ / 4);
        meters = mix.meters();
        assertThat(meters.tracks().get(1).gainReductionDb()).isBetween(24 * 0.75 - 0.5, 24 * 0.75 + 1e-9);
        assertThat(meters.tracks().get(0).gainReductionDb()).isZero();
        assertThat(meters.positionFrames()).isEqualTo(mix.positionFrames());
    }

    @Test
    void theMastersLoudnessMeterReadsWhatTheAnalysisPackageReadsOnTheSameAudio() {
        Map<String, AudioBuffer> stems = LiveSessions.stems(4);
        MixSession session = LiveSessions.busy();
        LiveMix mix = new LiveMix(stems, session, Optional.empty());
        mix.play();
        // 600 blocks of 256 frames: 3.2 s, a whole number of the meter's 100 ms steps.
        float[][] played = LiveSessions.play(mix, 600 * BLOCK);
        MixMeters.Master master = mix.meters().master();
        LoudnessMeter reference = new LoudnessMeter(RATE_HZ, 2, false);
        reference.accept(played, played[0].length);
        LoudnessResult result = reference.result();
        // The analysis package's windows ending at 3.2 s: momentary from 0.4 s on, short-term from 3 s on, 10 ms apart.
        double momentary = result.momentaryLufs().valueAt((int) Math.round((3.2 - 0.4) / result.momentaryLufs().stepS()));
        double shortTerm = result.shortTermLufs().valueAt((int) Math.round((3.2 - 3.0) / result.shortTermLufs().stepS()));
        assertThat(master.momentaryLufs()).isCloseTo(momentary, within(0.01));
        assertThat(master.shortTermLufs()).isCloseTo(shortTerm, within(0.01));
        assertThat(momentary).isGreaterThan(-40); // the session is audible, so the comparison means something
    }

    @Test
    void addingAnEqBandWhilePlayingCrossfadesToTheNewInsertsWithoutAClick() {
        Map<String, AudioBuffer> stems = LiveSessions.stems(2);
        MixSession session = LiveSessions.busy();
        float[][] bounce = LiveMix.bounce(stems, session).channels();
        LiveMix mix = new LiveMix(stems, session, Optional.empty());
        mix.play();
        LiveSessions.play(mix, 30 * BLOCK);
        ChannelStrip vocal = session.track("vocal").orElseThrow();
        mix.apply(session.withTrack(vocal.withEq(List.of(vocal.eq().get(0), EqSettings.peak(3000, 0, 1)))
                .withCompressor(Optional.empty())));
        float[][] swapped = LiveSessions.play(mix, 2 * BLOCK);
        double musicStep = largestStep(bounce[0], 0, bounce[0].length);
        assertThat(largestStep(swapped[0], 0, 2 * BLOCK)).isLessThanOrEqualTo(musicStep);
    }

    @Test
    void theAudioThreadRendersWhileAControlThreadHoldsTheEngineAndItsMeters() throws InterruptedException {
        Map<String, AudioBuffer> stems = LiveSessions.stems(1);
        LiveMix mix = new LiveMix(stems, LiveSessions.busy(), Optional.empty());
        mix.play();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread control = new Thread(() -> {
            synchronized (mix) {
                holding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        control.start();
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            LiveSessions.play(mix, 50 * BLOCK);
            assertThat(mix.positionFrames()).isEqualTo(50L * BLOCK);
        } finally {
            release.countDown();
            control.join();
        }
    }

    private static double largestStep(float[] x, int from, int to) {
        double largest = 0;
        for (int i = Math.max(1, from); i < Math.min(x.length, to); i++) {
            largest = Math.max(largest, Math.abs(x[i] - x[i - 1]));
        }
        return largest;
    }
}
