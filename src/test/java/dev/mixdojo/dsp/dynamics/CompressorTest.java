package dev.mixdojo.dsp.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.Signals;
import org.junit.jupiter.api.Test;

class CompressorTest {
    private static final int FS = 48000;
    private static final double RMS_OF_SINE_DB = 10 * Math.log10(0.5);

    /** Giannoulis et al. 2012 eq. (4), written out independently of the production code. */
    private static double formulaOutputDb(double x, double t, double ratio, double knee) {
        if (2 * (x - t) < -knee) {
            return x;
        }
        if (2 * (x - t) >= knee) {
            return t + (x - t) / ratio;
        }
        return x + (1 / ratio - 1) * Math.pow(x - t + knee / 2, 2) / (2 * knee);
    }

    private static double worstStaticError(double kneeDb, Detector detector) {
        double worst = 0;
        for (double levelDb = -60; levelDb <= 0; levelDb += 6) {
            DynamicsSettings settings = detector == Detector.PEAK
                    ? DynamicsSettings.compressor(-30, 4, kneeDb, 0.02, 2000, 0)
                    : DynamicsSettings.compressor(-30, 4, kneeDb, 10, 100, 0).withDetector(Detector.RMS, 50);
            Dynamics compressor = Signals.prepared(new Dynamics(settings), FS, 1);
            float[] x = Signals.sine(1000, levelDb, FS, FS);
            Signals.run(compressor, new float[][] {x});
            double measured;
            double expected;
            if (detector == Detector.PEAK) {
                measured = Signals.peakDb(x, FS / 2, FS);
                expected = formulaOutputDb(levelDb, -30, 4, kneeDb);
            } else {
                measured = Signals.rmsDb(x, FS / 2, FS);
                double rmsIn = levelDb + RMS_OF_SINE_DB;
                expected = formulaOutputDb(rmsIn, -30, 4, kneeDb);
            }
            worst = Math.max(worst, Math.abs(measured - expected));
        }
        return worst;
    }

    @Test
    void steadySinesFollowTheHardKneeStaticCurveWithinATenthOfADecibel() {
        double peak = worstStaticError(0, Detector.PEAK);
        double rms = worstStaticError(0, Detector.RMS);
        System.out.printf("static curve, hard knee: worst error %.4f dB (peak), %.4f dB (rms)%n", peak, rms);
        assertThat(peak).isLessThanOrEqualTo(0.1);
        assertThat(rms).isLessThanOrEqualTo(0.1);
    }

    @Test
    void steadySinesFollowTheSixDecibelSoftKneeWithinATenthOfADecibel() {
        double peak = worstStaticError(6, Detector.PEAK);
        double rms = worstStaticError(6, Detector.RMS);
        System.out.printf("static curve, 6 dB knee: worst error %.4f dB (peak), %.4f dB (rms)%n", peak, rms);
        assertThat(peak).isLessThanOrEqualTo(0.1);
        assertThat(rms).isLessThanOrEqualTo(0.1);
    }

    /** A ±amplitude square wave has a constant magnitude, so the detector sees a clean level step. */
    private static float[] squareSteps(double firstDb, double secondDb, int framesEach) {
        float[] x = new float[2 * framesEach];
        for (int i = 0; i < x.length; i++) {
            double a = Math.pow(10, (i < framesEach ? firstDb : secondDb) / 20);
            x[i] = (float) ((i / 24) % 2 == 0 ? a : -a);
        }
        return x;
    }

    /** Seconds after {@code from} at which the recorded reduction first crosses {@code level} (linear interpolation). */
    private static double crossingS(float[] reduction, int from, double level, boolean rising) {
        for (int i = from + 1; i < reduction.length; i++) {
            boolean crossed = rising ? reduction[i] >= level : reduction[i] <= level;
            if (crossed) {
                double fraction = (level - reduction[i - 1]) / (reduction[i] - reduction[i - 1]);
                return (i - 1 + fraction - from) / FS;
            }
        }
        return Double.NaN;
    }

    @Test
    void attackAndReleaseTimeConstantsOnATwentyDecibelStepAreWithinTenPercentOfTheSetting() {
        // Convention: the gain reduction covers 1 − 1/e (63.2 %) of its change in one time constant.
        DynamicsSettings settings = DynamicsSettings.compressor(-40, 4, 0, 10, 100, 0);
        Dynamics compressor = Signals.prepared(new Dynamics(settings), 4 * FS, 1);
        float[] reduction = new float[4 * FS];
        compressor.recordGainReduction(reduction);
        float[] up = squareSteps(-40, -20, FS);
        Signals.run(compressor, new float[][] {up});
        double full = 20 - 20 / 4.0; // 15 dB of reduction at −20 dBFS
        assertThat(reduction[2 * FS - 1]).isCloseTo((float) full, offset(0.01f));
        double attackS = crossingS(reduction, FS, full * (1 - Math.exp(-1)), true);

        float[] down = squareSteps(-20, -40, FS);
        compressor.reset();
        Signals.run(compressor, new float[][] {down});
        double releaseS = crossingS(reduction, FS, full * Math.exp(-1), false);
        System.out.printf("attack 10 ms measured %.3f ms, release 100 ms measured %.3f ms%n", attackS * 1000, releaseS * 1000);
        assertThat(attackS * 1000).isCloseTo(10, offset(1.0));
        assertThat(releaseS * 1000).isCloseTo(100, offset(10.0));
    }

    /** Level (dB) of the {@code frequencyHz} component of x[from, from + length), Hann-windowed (Goertzel). */
    private static double toneDb(float[] x, int from, int length, double frequencyHz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / FS);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < length; i++) {
            double window = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / length);
            double s = x[from + i] * window + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return 10 * Math.log10(s1 * s1 + s2 * s2 - coefficient * s1 * s2);
    }

    @Test
    void aGainRidingARisingToneAddsNoZipperNoiseAtTheControlRate() {
        // A 1.1 kHz tone swelling from −40 to −6 dBFS keeps the gain moving. Updating the gain in steps
        // of Dynamics.STEP samples would put images of the tone at 48 kHz/STEP ± 1.1 kHz (4.9 and
        // 7.1 kHz with steps of 8, between its harmonics). Straight-line ramps and short steps keep
        // them under −80 dBc, the bar issue 3 sets for inharmonic products (saturation aliasing).
        float[] x = new float[FS];
        for (int i = 0; i < FS; i++) {
            x[i] = (float) (Math.pow(10, (-40 + 34.0 * i / FS) / 20) * Math.sin(2 * Math.PI * 1100 * i / FS));
        }
        Signals.run(Signals.prepared(new Dynamics(DynamicsSettings.compressor(-40, 4, 6, 5, 50, 0)), 512, 1), new float[][] {x});
        double stepRateHz = FS / (double) Dynamics.STEP;
        double toneDb = toneDb(x, FS / 4, FS / 2, 1100);
        for (double imageHz : new double[] {stepRateHz - 1100, stepRateHz + 1100}) {
            double imageDbc = toneDb(x, FS / 4, FS / 2, imageHz) - toneDb;
            System.out.printf("control-rate image at %.0f Hz: %.1f dBc%n", imageHz, imageDbc);
            assertThat(imageDbc).isLessThan(-80);
        }
    }

    @Test
    void autoMakeupRestoresAFullScaleSignal() {
        DynamicsSettings base = DynamicsSettings.compressor(-20, 4, 0, 0.02, 2000, 0);
        DynamicsSettings auto = base.withAutoMakeup();
        Dynamics compressor = Signals.prepared(new Dynamics(auto), FS, 1);
        float[] x = Signals.sine(1000, 0, FS, FS);
        Signals.run(compressor, new float[][] {x});
        assertThat(Signals.peakDb(x, FS / 2, FS)).isCloseTo(0, offset(0.1));
        assertThat(compressor.gainReductionDb()).isCloseTo(15, offset(0.1));
    }

    @Test
    void aLimiterHoldsPeaksAtItsThreshold() {
        DynamicsSettings limiter = DynamicsSettings.compressor(-6, 1, 0, 0.01, 200, 0).withMode(DynamicsMode.LIMITER);
        Dynamics processor = Signals.prepared(new Dynamics(limiter), FS, 1);
        float[] x = Signals.sine(1000, 0, FS, FS);
        Signals.run(processor, new float[][] {x});
        assertThat(Signals.peakDb(x, FS / 2, FS)).isCloseTo(-6, offset(0.1));
    }

    @Test
    void aGateDropsQuietSignalsByItsRangeAndPassesLoudOnes() {
        DynamicsSettings gate = DynamicsSettings.compressor(-40, 1, 0, 0.5, 50, 0).withMode(DynamicsMode.GATE)
                .withDetector(Detector.RMS, 10).withRangeDb(30);
        float[] quiet = Signals.sine(1000, -50, FS, FS);
        float[] loud = Signals.sine(1000, -20, FS, FS);
        Signals.run(Signals.prepared(new Dynamics(gate), FS, 1), new float[][] {quiet});
        Signals.run(Signals.prepared(new Dynamics(gate), FS, 1), new float[][] {loud});
        assertThat(Signals.peakDb(quiet, FS / 2, FS)).isCloseTo(-80, offset(0.2));
        assertThat(Signals.peakDb(loud, FS / 2, FS)).isCloseTo(-20, offset(0.05));
    }

    @Test
    void anExpanderFollowsItsStaticCurveBelowThreshold() {
        DynamicsSettings expander = DynamicsSettings.compressor(-30, 2, 0, 1, 50, 0).withMode(DynamicsMode.EXPANDER)
                .withDetector(Detector.RMS, 50).withRangeDb(60);
        float[] x = Signals.sine(1000, -42, FS, FS);
        Signals.run(Signals.prepared(new Dynamics(expander), FS, 1), new float[][] {x});
        // RMS −45.01 dBFS is 15.01 dB below a −30 dB threshold; at 2:1 it comes out 30.02 dB below it.
        double rmsIn = -42 + RMS_OF_SINE_DB;
        double expectedRmsOut = -30 + (rmsIn + 30) * 2;
        assertThat(Signals.rmsDb(x, FS / 2, FS)).isCloseTo(expectedRmsOut, offset(0.1));
    }

    @Test
    void withFullStereoLinkALoudLeftChannelTurnsDownTheQuietRightOneEqually() {
        for (double link : new double[] {1, 0}) {
            DynamicsSettings base = DynamicsSettings.compressor(-30, 4, 0, 0.02, 2000, 0);
            DynamicsSettings linked = base.withLink(link);
            float[] left = Signals.sine(1000, -10, FS, FS);
            float[] right = Signals.sine(1000, -40, FS, FS);
            Signals.run(Signals.prepared(new Dynamics(linked), FS, 2), new float[][] {left, right});
            double expectedRight = link == 1 ? -40 - 15 : -40;
            assertThat(Signals.peakDb(right, FS / 2, FS)).as("link %s", link).isCloseTo(expectedRight, offset(0.1));
        }
    }

    @Test
    void anExternalKeyDrivesTheGainAndItsHighPassIgnoresLowFrequencies() {
        float[] programme = Signals.sine(1000, -40, FS, FS);
        float[] bassKey = Signals.sine(40, -10, FS, FS);
        DynamicsSettings base = DynamicsSettings.compressor(-30, 4, 0, 1, 200, 0);
        Dynamics keyed = Signals.prepared(new Dynamics(base), FS, 1);
        keyed.process(new AudioBlock(new float[][] {programme}, 0, FS), new AudioBlock(new float[][] {bassKey}, 0, FS));
        assertThat(keyed.gainReductionDb()).isGreaterThan(10);

        DynamicsSettings filtered = base.withSidechainHighPassHz(300);
        Dynamics keyedHighPass = Signals.prepared(new Dynamics(filtered), FS, 1);
        keyedHighPass.process(new AudioBlock(new float[][] {Signals.sine(1000, -40, FS, FS)}, 0, FS),
                new AudioBlock(new float[][] {Signals.sine(40, -10, FS, FS)}, 0, FS));
        // A 300 Hz 12 dB/oct high-pass takes a 40 Hz key down ~35 dB, below the threshold.
        assertThat(keyedHighPass.gainReductionDb()).isLessThan(0.5);
    }

    @Test
    void theBranchFreeGainComputerMatchesThePaperFormulaEverywhere() {
        for (DynamicsMode mode : DynamicsMode.values()) {
            for (double knee : new double[] {0, 3, 12}) {
                DynamicsSettings settings = DynamicsSettings.compressor(-30, 3, knee, 5, 50, 0).withMode(mode).withRangeDb(40);
                Dynamics dynamics = Signals.prepared(new Dynamics(settings), 64, 1);
                double ratio = settings.effectiveRatio(3);
                for (double x = -90; x <= 6; x += 0.01) {
                    double reference = x - (mode.expands() ? GainComputer.expand(x, -30, ratio, knee, 40)
                            : GainComputer.compress(x, -30, ratio, knee));
                    assertThat(dynamics.staticReductionDb(x)).as("%s knee %s at %s dB", mode, knee, x)
                            .isCloseTo(reference, offset(1e-9));
                }
            }
        }
    }

    @Test
    void aRunningCompressorMovedToNewNumbersSettlesWhereAFreshOneAtThemRuns() {
        DynamicsSettings gentle = DynamicsSettings.compressor(-20, 2, 0, 5, 50, 0);
        DynamicsSettings hard = DynamicsSettings.compressor(-36, 8, 0, 5, 50, 3);
        float[] moved = Signals.sine(1000, -6, FS, FS);
        float[] fresh = moved.clone();
        Dynamics running = Signals.prepared(new Dynamics(gentle), 256, 1);
        int moveAt = 47 * 256; // the first block boundary past a quarter of a second
        for (int start = 0; start < FS; start += 256) {
            if (start == moveAt) {
                running.set(hard);
            }
            running.process(new AudioBlock(new float[][] {moved}, start, Math.min(256, FS - start)));
        }
        Signals.run(Signals.prepared(new Dynamics(hard), FS, 1), new float[][] {fresh});
        // −6 dBFS into 8:1 at −36 dB with 3 dB make-up: 30 dB over, 26.25 dB off on the static curve, −29.25 dBFS.
        // Both read the same in the last half second; the peak detector's ripple between crests lets the
        // loudest crest through up to 1 dB above the static curve.
        double staticDb = -6 - 30 * (1 - 1 / 8.0) + 3;
        assertThat(Signals.peakDb(moved, FS / 2, FS)).isCloseTo(Signals.peakDb(fresh, FS / 2, FS), offset(0.01))
                .isBetween(staticDb, staticDb + 1);
    }

    @Test
    void onlyTheNumbersOfARunningCompressorCanMove() {
        DynamicsSettings compressor = DynamicsSettings.compressor(-20, 2, 0, 5, 50, 0);
        Dynamics running = new Dynamics(compressor);
        assertThat(compressor.sameShape(DynamicsSettings.compressor(-30, 4, 6, 1, 500, 6))).isTrue();
        assertThat(compressor.sameShape(compressor.withDetector(Detector.RMS, 10))).isFalse();
        assertThat(compressor.sameShape(compressor.withMode(DynamicsMode.LIMITER))).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> running.set(compressor.withAutoMakeup()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
