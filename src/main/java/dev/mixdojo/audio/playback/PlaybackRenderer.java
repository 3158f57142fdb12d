package dev.mixdojo.audio.playback;

import dev.mixdojo.audio.AudioBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The render function: fills a block of output from the loaded sources, following the
 * transport. It reads the control threads' latest {@link TransportState} and {@link SourceSet}
 * once per block and keeps everything else (playhead, crossfades, declick tail) as its own
 * state, so it never allocates, locks or waits. Only one thread may call {@link #render} at a
 * time (the audio thread, or the one thread that renders offline); the published position and
 * serials may be read from any thread.
 *
 * <p>Discontinuities are declicked. Switching the active source or changing a gain ramps each
 * source's gain over the fade length; a seek, stop, start or new content while sound plays
 * lets a "tail" read head carry on from the old position and fade out while the playhead fades
 * in at the new one. While a tail fades, further control changes wait (at most one fade
 * length), so two jumps never overlap. A loop wrap is a plain sample-accurate jump, not faded.
 */
final class PlaybackRenderer {
    private final AtomicReference<TransportState> transport;
    private final AtomicReference<SourceSet> sources;
    private final CrossfadeCurve curve;
    private final int fadeFrames;
    private final int maxBlockFrames;

    // Audio-thread-local state.
    private SourceSet current = SourceSet.EMPTY;
    private long appliedPlaySerial;
    private long appliedSeekSerial;
    private LoopRegion loop;
    private boolean running;
    private long position;
    private final LinearRamp[] selections = new LinearRamp[SourceSet.MAX_SOURCES];
    private final LinearRamp[] gains = new LinearRamp[SourceSet.MAX_SOURCES];
    private final LinearRamp fadeIn = new LinearRamp();
    private final double[] fadeInGains;
    private final double[] sourceGains;

    private SourceSet tailSet;
    private long tailPosition;
    private int tailFramesLeft;
    private final double[] tailSourceGains = new double[SourceSet.MAX_SOURCES];
    private final LinearRamp tailFade = new LinearRamp();
    private final double[] tailGains;

    // Published for other threads.
    private volatile long publishedPosition;
    private volatile long publishedSeekSerial;
    private volatile long endedPlaySerial = -1;

    /**
     * A renderer reading the given atomics, fading over {@code fadeFrames} (0 cuts hard), for
     * blocks of at most {@code maxBlockFrames}.
     */
    PlaybackRenderer(AtomicReference<TransportState> transport, AtomicReference<SourceSet> sources,
            CrossfadeCurve curve, int fadeFrames, int maxBlockFrames) {
        if (fadeFrames < 0 || maxBlockFrames < 1) {
            throw new IllegalArgumentException("fade frames must be >= 0 and block frames >= 1");
        }
        this.transport = transport;
        this.sources = sources;
        this.curve = curve;
        this.fadeFrames = fadeFrames;
        this.maxBlockFrames = maxBlockFrames;
        for (int i = 0; i < SourceSet.MAX_SOURCES; i++) {
            selections[i] = new LinearRamp();
            gains[i] = new LinearRamp();
        }
        fadeIn.snapTo(1);
        fadeInGains = new double[maxBlockFrames];
        sourceGains = new double[maxBlockFrames];
        tailGains = new double[maxBlockFrames];
    }

    /**
     * Writes {@code frames} (≤ the maximum block) frames into {@code out[c][offset …]} for every
     * output channel, replacing what was there; mono sources feed every channel.
     */
    void render(float[][] out, int offset, int frames) {
        if (frames > maxBlockFrames) {
            throw new IllegalArgumentException("block of " + frames + " frames exceeds " + maxBlockFrames);
        }
        if (tailFramesLeft == 0) {
            applyControlChanges();
        }
        for (float[] channel : out) {
            Arrays.fill(channel, offset, offset + frames, 0f);
        }
        if (tailFramesLeft > 0) {
            mixTail(out, offset, frames);
        }
        if (running) {
            mixPlayhead(out, offset, frames);
        }
        publishedPosition = position;
        publishedSeekSerial = appliedSeekSerial;
    }

    /** The playhead after the last rendered block (frames from the start of the sources). */
    long positionFrames() {
        return publishedPosition;
    }

    /** The seek serial whose seek is reflected in {@link #positionFrames()}. */
    long appliedSeekSerial() {
        return publishedSeekSerial;
    }

    /** The play serial of the last run that stopped by reaching the end of the sources, or -1. */
    long endedPlaySerial() {
        return endedPlaySerial;
    }

    private void applyControlChanges() {
        SourceSet set = sources.get();
        TransportState state = transport.get();

        if (set.contentId() != current.contentId()) {
            startTail(); // the old content fades out where it was
            current = set;
            snapSourceGains();
            if (running) {
                restartFadeIn();
            }
        } else if (set != current) {
            current = set;
            int frames = running ? fadeFrames : 0;
            for (int i = 0; i < set.size(); i++) {
                // Every selection restarts together, so the linear weights keep summing to 1
                // even when a switch interrupts another.
                selections[i].rampTo(i == set.activeIndex() ? 1 : 0, frames);
                rampUnlessHeaded(gains[i], set.gainLinear(i), frames);
            }
        }

        long target = position;
        boolean jump = false;
        if (state.seekSerial() != appliedSeekSerial) {
            appliedSeekSerial = state.seekSerial();
            target = state.seekFrame();
            jump = true;
        }
        loop = state.loop();
        if (loop != null && !loop.contains(target)) {
            target = loop.startFrame();
            jump = true;
        }
        if (jump && target != position) {
            if (running) {
                startTail();
                restartFadeIn();
            }
            position = target;
        }

        if (state.playing() && state.playSerial() != appliedPlaySerial) {
            appliedPlaySerial = state.playSerial();
            if (!running) {
                running = true;
                snapSourceGains(); // nothing was audible, so no source needs to ramp
                restartFadeIn();
            }
        } else if (!state.playing() && running) {
            startTail();
            running = false;
        }
    }

    private static void rampUnlessHeaded(LinearRamp ramp, double target, int frames) {
        if (ramp.target() != target) {
            ramp.rampTo(target, frames);
        }
    }

    private void snapSourceGains() {
        for (int i = 0; i < current.size(); i++) {
            selections[i].snapTo(i == current.activeIndex() ? 1 : 0);
            gains[i].snapTo(current.gainLinear(i));
        }
    }

    private void restartFadeIn() {
        fadeIn.snapTo(0);
        fadeIn.rampTo(1, fadeFrames);
    }

    /** Freezes what is audible now into the tail, which then fades out; one tail at a time. */
    private void startTail() {
        if (!running || fadeFrames == 0 || tailFramesLeft > 0) {
            return;
        }
        tailSet = current;
        tailPosition = position;
        double fadeInGain = curve.gain(fadeIn.value());
        for (int i = 0; i < current.size(); i++) {
            tailSourceGains[i] = gains[i].value() * curve.gain(selections[i].value()) * fadeInGain;
        }
        tailFade.snapTo(1);
        tailFade.rampTo(0, fadeFrames);
        tailFramesLeft = fadeFrames;
    }

    private void mixTail(float[][] out, int offset, int frames) {
        int n = Math.min(frames, tailFramesLeft);
        for (int k = 0; k < n; k++) {
            tailGains[k] = curve.gain(tailFade.next());
        }
        for (int i = 0; i < tailSet.size(); i++) {
            double sourceGain = tailSourceGains[i];
            if (sourceGain == 0) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                sourceGains[k] = tailGains[k] * sourceGain;
            }
            addScaled(out, offset, tailSet.buffer(i), tailPosition, n);
        }
        tailPosition += n;
        tailFramesLeft -= n;
        if (tailFramesLeft == 0) {
            tailSet = null;
        }
    }

    private void mixPlayhead(float[][] out, int offset, int frames) {
        for (int k = 0; k < frames; k++) {
            fadeInGains[k] = curve.gain(fadeIn.next());
        }
        int done = 0;
        while (done < frames) {
            long end = loop != null ? loop.endFrameExclusive() : current.lengthFrames();
            if (position >= end) {
                running = false;
                endedPlaySerial = appliedPlaySerial;
                return;
            }
            int n = (int) Math.min(frames - done, end - position);
            mixSources(out, offset + done, done, n);
            done += n;
            position += n;
            if (loop != null && position >= loop.endFrameExclusive()) {
                position = loop.startFrame();
            }
        }
        if (loop == null && position >= current.lengthFrames()) {
            running = false;
            endedPlaySerial = appliedPlaySerial;
        }
    }

    private void mixSources(float[][] out, int offset, int fadeInOffset, int frames) {
        for (int i = 0; i < current.size(); i++) {
            LinearRamp selection = selections[i];
            LinearRamp gain = gains[i];
            if (!selection.isMoving() && selection.value() == 0) {
                gain.snapTo(gain.target()); // inaudible: no need to glide
                continue;
            }
            for (int k = 0; k < frames; k++) {
                sourceGains[k] = gain.next() * curve.gain(selection.next()) * fadeInGains[fadeInOffset + k];
            }
            addScaled(out, offset, current.buffer(i), position, frames);
        }
    }

    /** Adds {@code source[from + k] · sourceGains[k]} to each output channel; silent past the source's end. */
    private void addScaled(float[][] out, int offset, AudioBuffer source, long from, int frames) {
        int valid = (int) Math.max(0, Math.min(frames, source.frames() - from));
        if (valid == 0) {
            return;
        }
        int start = (int) from;
        int lastChannel = source.channelCount() - 1;
        for (int c = 0; c < out.length; c++) {
            float[] src = source.channel(Math.min(c, lastChannel));
            float[] dst = out[c];
            for (int k = 0; k < valid; k++) {
                dst[offset + k] += (float) (src[start + k] * sourceGains[k]);
            }
        }
    }
}
