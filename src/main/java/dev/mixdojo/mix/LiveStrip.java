package dev.mixdojo.mix;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.playback.LinearRamp;
import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.spatial.Balance;
import dev.mixdojo.dsp.spatial.Gain;
import dev.mixdojo.dsp.spatial.PanLaw;
import dev.mixdojo.dsp.spatial.PanSettings;
import dev.mixdojo.dsp.spatial.Panner;
import java.util.Arrays;

/**
 * One track on the audio thread: reads its stem at the playhead, runs its inserts, fader and pan (a
 * mono stem is panned by constant power, a stereo one balanced), then adds itself to the mix (or its
 * group bus's input) and, post-fader, to the buses. A group bus runs as a stereo strip fed its members'
 * sum instead of a stem ({@link #group}, {@link #processBus}). Keeps its meter: a decaying peak, a running mean square and the
 * compressor's gain reduction. Everything here runs on the audio thread and allocates nothing,
 * except the constructor.
 */
final class LiveStrip {
    /** The stem read at the playhead; null for a group bus's strip. */
    private final AudioBuffer stem;
    private final int channels;
    /** The strip's stereo output; a mono stem is processed in channel 0 up to the pan. */
    private final float[][] work;
    private final float[][] processed;
    /** The outgoing inserts' output while a replacement crossfades in. */
    private final float[][] outgoingWork;
    private final AudioBlock block = new AudioBlock(new float[0][], 0, 0);
    private final AudioBlock stereoBlock = new AudioBlock(new float[0][], 0, 0);
    private final AudioBlock outgoingBlock = new AudioBlock(new float[0][], 0, 0);
    private final int fadeFrames;
    private final int glideFrames;
    private LiveInserts inserts;
    private LiveInserts outgoing;
    private final LinearRamp swap = new LinearRamp();
    private final Gain fader;
    private final Panner panner;
    private final Balance balance;
    private final LinearRamp audible = new LinearRamp();
    private final LinearRamp reverbSend = new LinearRamp();
    private final LinearRamp delaySend = new LinearRamp();
    private final Ballistics ballistics;
    private double peak;
    private double meanSquare;

    /**
     * A strip playing {@code stem} (mono, or stereo from its first two channels) as {@code strip} says, with
     * {@code inserts} prepared for {@code spec}; declicks over {@code fadeFrames}, glides sends over {@code glideFrames}.
     */
    LiveStrip(AudioBuffer stem, ChannelStrip strip, boolean heard, LiveInserts inserts, ProcessSpec spec, int fadeFrames,
            int glideFrames) {
        this(stem, Math.min(2, stem.channelCount()), strip, heard, inserts, spec, fadeFrames, glideFrames);
    }

    /** A group bus's strip (always heard), with {@code inserts} prepared for the stereo {@code spec}; fed by {@link #processBus}. */
    static LiveStrip group(ChannelStrip strip, LiveInserts inserts, ProcessSpec spec, int fadeFrames, int glideFrames) {
        return new LiveStrip(null, 2, strip, true, inserts, spec, fadeFrames, glideFrames);
    }

    private LiveStrip(AudioBuffer stem, int channels, ChannelStrip strip, boolean heard, LiveInserts inserts, ProcessSpec spec,
            int fadeFrames, int glideFrames) {
        this.stem = stem;
        this.channels = channels;
        this.fadeFrames = fadeFrames;
        this.glideFrames = glideFrames;
        this.inserts = inserts;
        this.ballistics = new Ballistics(spec.sampleRateHz());
        work = new float[2][spec.maxBlockFrames()];
        processed = channels == 1 ? new float[][] {work[0]} : work;
        outgoingWork = new float[channels][spec.maxBlockFrames()];
        fader = new Gain(strip.faderDb());
        fader.prepare(spec);
        ProcessSpec stereo = new ProcessSpec(spec.sampleRateHz(), spec.maxBlockFrames(), 2);
        if (channels == 1) {
            panner = new Panner(new PanSettings(Param.of(strip.pan()), PanLaw.CONSTANT_POWER));
            panner.prepare(stereo);
            balance = null;
        } else {
            balance = new Balance(Param.of(strip.pan()));
            balance.prepare(stereo);
            panner = null;
        }
        audible.snapTo(heard ? 1 : 0);
        reverbSend.snapTo(sendGain(strip.reverbSendDb()));
        delaySend.snapTo(sendGain(strip.delaySendDb()));
    }

    /** A send level in dB as a linear gain; {@link ChannelStrip#OFF} is 0. */
    static double sendGain(double sendDb) {
        return sendDb == ChannelStrip.OFF ? 0 : Math.pow(10, sendDb / 20);
    }

    /** Processing channels of the inserts: 1 for a mono stem, 2 for a stereo one. */
    int channels() {
        return channels;
    }

    LiveInserts inserts() {
        return inserts;
    }

    /** Back to the state of a fresh strip (filters, envelopes, ramps at their targets), the fader's clock at {@code frame}. */
    void reset(long frame) {
        inserts.reset();
        outgoing = null;
        fader.resetTo(frame);
        if (panner != null) {
            panner.reset();
        } else {
            balance.reset();
        }
        audible.snapTo(audible.target());
        reverbSend.snapTo(reverbSend.target());
        delaySend.snapTo(delaySend.target());
        peak = 0;
        meanSquare = 0;
    }

    /** The playhead jumped to {@code frame}: a ride glides to its value there. */
    void moveTo(long frame) {
        fader.moveTo(frame);
    }

    void setFader(Param gainDb) {
        fader.setGainDb(gainDb);
    }

    void setPosition(Param position) {
        if (panner != null) {
            panner.setPosition(position);
        } else {
            balance.setPosition(position);
        }
    }

    void setSends(double reverbGain, double delayGain) {
        reverbSend.rampTo(reverbGain, glideFrames);
        delaySend.rampTo(delayGain, glideFrames);
    }

    /** A strip that joins while the song plays fades in from silence over the declicking fade. */
    void fadeIn() {
        double heard = audible.target();
        audible.snapTo(0);
        audible.rampTo(heard, fadeFrames);
    }

    void setAudible(boolean heard) {
        audible.rampTo(heard ? 1 : 0, fadeFrames);
    }

    /** Puts in new inserts; while playing the old ones keep running and crossfade out over the fade. */
    void replaceInserts(LiveInserts next, boolean playing) {
        if (playing) {
            outgoing = inserts;
            swap.snapTo(0);
            swap.rampTo(1, fadeFrames);
        } else {
            outgoing = null;
        }
        inserts = next;
    }

    /** Processes one stretch of the stem and adds the result to {@code mix} and, by the sends, to the buses' inputs. */
    void process(Segment segment, float[][] mix, float[][] reverbIn, float[][] delayIn) {
        read(segment);
        processRead(segment.frames, mix, reverbIn, delayIn);
    }

    /** A group bus's strip: processes {@code n} frames of its input (its members' stereo sum) like a stem's. */
    void processBus(float[][] in, int n, float[][] mix, float[][] reverbIn, float[][] delayIn) {
        System.arraycopy(in[0], 0, work[0], 0, n);
        System.arraycopy(in[1], 0, work[1], 0, n);
        processRead(n, mix, reverbIn, delayIn);
    }

    /** Runs what was read into {@link #work} through the strip, into {@code mix} and the buses' inputs. */
    private void processRead(int n, float[][] mix, float[][] reverbIn, float[][] delayIn) {
        block.set(processed, 0, n);
        if (outgoing != null) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(work[c], 0, outgoingWork[c], 0, n);
            }
            outgoing.process(outgoingBlock.set(outgoingWork, 0, n));
        }
        inserts.process(block);
        if (outgoing != null) {
            blendOutgoing(n);
        }
        fader.process(block);
        stereoBlock.set(work, 0, n);
        if (panner != null) {
            System.arraycopy(work[0], 0, work[1], 0, n);
            panner.process(stereoBlock);
        } else {
            balance.process(stereoBlock);
        }
        applyAudible(n);
        measure(n);
        for (int c = 0; c < 2; c++) {
            float[] x = work[c];
            float[] sum = mix[c];
            for (int k = 0; k < n; k++) {
                sum[k] += x[k];
            }
        }
        send(reverbSend, reverbIn, n);
        send(delaySend, delayIn, n);
    }

    private void read(Segment segment) {
        int n = segment.frames;
        for (int c = 0; c < channels; c++) {
            float[] from = stem.channel(c);
            float[] to = work[c];
            int head = (int) Math.min(Integer.MAX_VALUE, segment.head);
            int valid = Segment.inside(from.length, segment.head, n);
            if (segment.plain) {
                if (valid > 0) { // past a shorter stem's end nothing is read (arraycopy refuses a start beyond it)
                    System.arraycopy(from, head, to, 0, valid);
                }
            } else {
                float[] gains = segment.headGains;
                for (int k = 0; k < valid; k++) {
                    to[k] = from[head + k] * gains[k];
                }
            }
            Arrays.fill(to, valid, n, 0f);
            int tail = (int) Math.min(Integer.MAX_VALUE, segment.tail);
            int tailValid = Segment.inside(from.length, segment.tail, segment.tailFrames);
            float[] tailGains = segment.tailGains;
            for (int k = 0; k < tailValid; k++) {
                to[k] += from[tail + k] * tailGains[k];
            }
        }
    }

    private void blendOutgoing(int n) {
        for (int k = 0; k < n; k++) {
            double in = swap.next();
            for (int c = 0; c < channels; c++) {
                work[c][k] = (float) (work[c][k] * in + outgoingWork[c][k] * (1 - in));
            }
        }
        if (!swap.isMoving()) {
            outgoing = null;
        }
    }

    private void applyAudible(int n) {
        if (!audible.isMoving()) {
            if (audible.value() == 0) {
                Arrays.fill(work[0], 0, n, 0f);
                Arrays.fill(work[1], 0, n, 0f);
            }
            return;
        }
        for (int k = 0; k < n; k++) {
            double g = audible.next();
            work[0][k] = (float) (work[0][k] * g);
            work[1][k] = (float) (work[1][k] * g);
        }
    }

    private void send(LinearRamp level, float[][] bus, int n) {
        if (!level.isMoving()) {
            float g = (float) level.value();
            if (g == 0) {
                return;
            }
            for (int c = 0; c < 2; c++) {
                float[] x = work[c];
                float[] to = bus[c];
                for (int k = 0; k < n; k++) {
                    to[k] += g * x[k];
                }
            }
            return;
        }
        for (int k = 0; k < n; k++) {
            double g = level.next();
            bus[0][k] += (float) (g * work[0][k]);
            bus[1][k] += (float) (g * work[1][k]);
        }
    }

    /** Updates the meter with the stretch's output (what the strip adds to the mix). */
    private void measure(int n) {
        float largest = 0;
        double squares = 0;
        for (int c = 0; c < 2; c++) {
            float[] x = work[c];
            for (int k = 0; k < n; k++) {
                float v = x[k];
                largest = Math.max(largest, Math.abs(v));
                squares += v * v;
            }
        }
        peak = ballistics.peak(peak, largest, n);
        meanSquare = ballistics.meanSquare(meanSquare, squares / (2 * n), n);
    }

    /** The meter with no audio for {@code n} frames (stopped): the readings fall. */
    void idle(int n) {
        peak = ballistics.peak(peak, 0, n);
        meanSquare = ballistics.meanSquare(meanSquare, 0, n);
    }

    /** The decaying sample peak of the strip's output, linear. */
    double peak() {
        return peak;
    }

    /** The running RMS of the strip's output (both channels), linear. */
    double rms() {
        return Math.sqrt(meanSquare);
    }

    /** The compressor's gain reduction in the last block, dB ≥ 0; 0 without a compressor. */
    double gainReductionDb() {
        return inserts.gainReductionDb();
    }
}
