package dev.mixdojo.dsp.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.Signals;
import dev.mixdojo.dsp.spatial.Gain;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomationTest {
    private static final int FS = 48000;

    @Test
    void anAutomatedGainRampFromMinusSixToZeroOverFourSecondsIsOnTheEnvelopeAtEverySecond() {
        Envelope ramp = new Envelope(List.of(new Breakpoint(0, -6), new Breakpoint(4, 0)), Curve.LINEAR);
        Gain gain = Signals.prepared(new Gain(new Param.Automated(ramp)), 512, 1);
        float[] ones = new float[5 * FS];
        java.util.Arrays.fill(ones, 1f);
        AudioBlock block = new AudioBlock(new float[][] {ones}, 0, 0);
        for (int start = 0; start < ones.length; start += 512) {
            gain.process(block.set(new float[][] {ones}, start, Math.min(512, ones.length - start)));
        }
        for (int second = 0; second <= 4; second++) {
            double measuredDb = 20 * Math.log10(ones[Math.min(second * FS, ones.length - 1)]);
            assertThat(measuredDb).as("at %d s", second).isCloseTo(-6 + 1.5 * second, offset(0.1));
        }
        // Sample-accurate: half-way between breakpoints is exactly half-way.
        assertThat(20 * Math.log10(ones[2 * FS])).isCloseTo(-3, offset(1e-4));
    }

    @Test
    void aSmoothCurveStartsAndEndsFlatAndPassesTheMidpoint() {
        Envelope smooth = new Envelope(List.of(new Breakpoint(0, 0), new Breakpoint(1, 10)), Curve.SMOOTH);
        assertThat(smooth.valueAt(0.5)).isCloseTo(5, offset(1e-12));
        assertThat(smooth.valueAt(0.01)).isLessThan(0.01);
        assertThat(smooth.valueAt(0.99)).isGreaterThan(9.99);
        assertThat(smooth.valueAt(-1)).isZero();
        assertThat(smooth.valueAt(7)).isEqualTo(10);
    }

    @Test
    void aKnobMoveRampsOverTwentyMillisecondsInsteadOfJumping() {
        ParamTrack track = new ParamTrack(Param.of(0), 20);
        track.prepare(FS);
        track.next();
        track.set(Param.of(-12));
        double largestStep = 0;
        double previous = 0;
        for (int i = 0; i < FS / 10; i++) {
            double v = track.next();
            largestStep = Math.max(largestStep, Math.abs(v - previous));
            previous = v;
        }
        assertThat(previous).isEqualTo(-12);
        // 12 dB over 960 samples: 0.0125 dB per sample, far below an audible step.
        assertThat(largestStep).isCloseTo(12.0 / 960, offset(1e-9));
    }

    @Test
    void aTrackResetToAFrameReadsItsEnvelopeThereWithoutARamp() {
        Envelope ride = new Envelope(List.of(new Breakpoint(0, -6), new Breakpoint(4, 0)), Curve.LINEAR);
        ParamTrack track = new ParamTrack(new Param.Automated(ride), 20);
        track.prepare(FS);
        track.resetTo(2 * FS);
        assertThat(track.next()).isCloseTo(-3, offset(1e-9));
        assertThat(track.next()).isCloseTo(-3 + 1.5 / FS, offset(1e-9));
    }

    @Test
    void aTrackMovedToAnotherFrameGlidesToTheEnvelopeThereOverItsRamp() {
        Envelope ride = new Envelope(List.of(new Breakpoint(0, -12), new Breakpoint(1, -12), new Breakpoint(1.001, 0)),
                Curve.LINEAR);
        ParamTrack track = new ParamTrack(new Param.Automated(ride), 20);
        track.prepare(FS);
        track.next();
        track.moveTo(2 * FS);
        double previous = -12;
        double largestStep = 0;
        for (int i = 0; i < 960; i++) {
            double v = track.next();
            largestStep = Math.max(largestStep, Math.abs(v - previous));
            previous = v;
        }
        // The jump from −12 dB to 0 dB is spread over the 20 ms ramp (960 samples), and lands on it.
        assertThat(largestStep).isCloseTo(12.0 / 960, offset(1e-9));
        assertThat(track.next()).isEqualTo(0);
        // A fixed parameter has nothing to glide to.
        ParamTrack fixed = new ParamTrack(Param.of(-4), 20);
        fixed.prepare(FS);
        fixed.moveTo(FS);
        assertThat(fixed.isSteady()).isTrue();
        assertThat(fixed.next()).isEqualTo(-4);
    }
}
