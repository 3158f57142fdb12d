package dev.mixdojo.mix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.ThreadAllocations;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live mix's render allocates nothing while every control moves, counted by the JVM's per-thread allocation counter. */
class LiveMixAllocationTest {
    @Test
    void aThousandBlocksWithEveryControlMovingAllocateNothingOnTheRenderingThread() {
        com.sun.management.ThreadMXBean threads = ThreadAllocations.counter();

        Map<String, AudioBuffer> stems = LiveSessions.stems(3);
        MixSession start = LiveSessions.busy();
        LiveMix mix = new LiveMix(stems, start, Optional.of(LiveMix.bounce(stems, start)));
        mix.play();
        float[][] block = new float[2][LiveMix.BLOCK_FRAMES];
        List<MixSession> moves = moves(start);
        for (int round = 0; round < 2; round++) {
            // Round 0 warms up (class loading, JIT); round 1 is measured.
            long allocatedBytes = 0;
            for (int b = 0; b < 1000; b++) {
                // Control calls allocate on the control side by design; they stay outside the measurement.
                if (b % 5 == 0) {
                    mix.apply(moves.get((b / 5) % moves.size()));
                }
                if (b % 97 == 0) {
                    mix.seekFrames(b * 100L);
                }
                if (b % 250 == 0) {
                    mix.setLoop(10_000, 60_000);
                } else if (b % 250 == 125) {
                    mix.clearLoop();
                }
                if (b % 40 == 0) {
                    mix.hearTarget(b % 80 == 0);
                    mix.setTargetGainDb(-(b % 7));
                }
                if (b % 333 == 0) {
                    mix.stop();
                } else if (b % 333 == 3) {
                    mix.play();
                }
                long before = threads.getCurrentThreadAllocatedBytes();
                mix.render(block, 0, LiveMix.BLOCK_FRAMES);
                allocatedBytes += threads.getCurrentThreadAllocatedBytes() - before;
                if (b % 10 == 0) {
                    mix.meters();
                }
            }
            if (round == 1) {
                assertThat(allocatedBytes).as("bytes allocated by 1000 blocks").isLessThan(1024);
            }
        }
    }

    /**
     * Sessions that move each kind of control in turn: faders, a ride, pans, sends, EQ, compressor, mute and solo, a new
     * band; the return faders, and the group bus's fader, EQ band and compressor.
     */
    private static List<MixSession> moves(MixSession start) {
        List<MixSession> moves = new ArrayList<>();
        ChannelStrip kick = start.track("kick").orElseThrow();
        ChannelStrip pad = start.track("pad").orElseThrow();
        ChannelStrip vocal = start.track("vocal").orElseThrow();
        GroupBus band = start.groups().get(0);
        for (int step = 0; step < 6; step++) {
            List<EqSettings> bands = new ArrayList<>(kick.eq());
            bands.set(1, EqSettings.peak(60 + 10 * step, 1 + step, 1.2));
            moves.add(start.withTrack(kick.withFaderDb(-step).withEq(bands)));
            moves.add(start.withTrack(pad.withPan(-0.1 * step).withSends(-8 - step, -30 + step)));
            moves.add(start.withTrack(kick.withCompressor(Optional.of(DynamicsSettings.compressor(-20 - step, 2 + step, 6, 5, 80, 2)))));
            moves.add(start.withTrack(vocal.withSolo(step % 2 == 0)).withTrack(pad.withMute(step % 3 == 0)));
            moves.add(start.withTrack(vocal.withFaderDb(-step)).withMasterFaderDb(-step / 2.0));
            moves.add(start.withTrack(pad.withEq(List.of(EqSettings.peak(500, step, 1)))));
            moves.add(start.withReturnsDb(-step, step - 10));
            moves.add(start.withGroup(band.withFaderDb(-step).withEq(List.of(EqSettings.peak(200 + 20 * step, -step, 1)))
                    .withCompressor(Optional.of(DynamicsSettings.compressor(-20 - step, 2 + step, 6, 10, 100, 1)))));
        }
        return moves;
    }
}
