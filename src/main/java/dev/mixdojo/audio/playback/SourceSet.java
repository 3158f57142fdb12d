package dev.mixdojo.audio.playback;

import dev.mixdojo.audio.AudioBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What can be heard: the loaded sources (by name, in name order), each one's gain, and which one
 * is active. Immutable: a change makes a new set that is swapped whole into an atomic; the audio
 * thread reads it at block boundaries. The sample arrays are shared with the caller's buffers,
 * which must not be changed while loaded.
 */
final class SourceSet {
    /** More sources than this are refused, so the audio thread's per-source state can be allocated once. */
    static final int MAX_SOURCES = 8;
    /** Loudness matching needs a few dB either way; +24 dB caps what a slip of the hand can do to ears. */
    static final double MIN_GAIN_DB = -96;
    static final double MAX_GAIN_DB = 24;

    private static final AtomicLong NEXT_CONTENT_ID = new AtomicLong(1);

    static final SourceSet EMPTY = new SourceSet(new String[0], new AudioBuffer[0], new double[0], -1, 0);

    private final String[] names;
    private final AudioBuffer[] buffers;
    private final double[] gainsDb;
    private final double[] gainsLinear;
    private final int activeIndex;
    private final long contentId;
    private final long lengthFrames;

    private SourceSet(String[] names, AudioBuffer[] buffers, double[] gainsDb, int activeIndex, long contentId) {
        this.names = names;
        this.buffers = buffers;
        this.gainsDb = gainsDb;
        this.gainsLinear = new double[gainsDb.length];
        for (int i = 0; i < gainsDb.length; i++) {
            gainsLinear[i] = Math.pow(10, gainsDb[i] / 20);
        }
        this.activeIndex = activeIndex;
        this.contentId = contentId;
        long longest = 0;
        for (AudioBuffer buffer : buffers) {
            longest = Math.max(longest, buffer.frames());
        }
        this.lengthFrames = longest;
    }

    /**
     * New content at 0 dB each: the active source is {@code preferredActive} when loaded, else
     * the first name in order. Sources must be mono or stereo at the session rate.
     */
    static SourceSet load(Map<String, AudioBuffer> sources, int sessionRateHz, String preferredActive) {
        if (sources.isEmpty()) {
            return EMPTY;
        }
        if (sources.size() > MAX_SOURCES) {
            throw new IllegalArgumentException("at most " + MAX_SOURCES + " sources can be loaded, got " + sources.size());
        }
        TreeMap<String, AudioBuffer> sorted = new TreeMap<>(sources);
        String[] names = sorted.keySet().toArray(new String[0]);
        AudioBuffer[] buffers = sorted.values().toArray(new AudioBuffer[0]);
        for (int i = 0; i < names.length; i++) {
            if (names[i].isBlank()) {
                throw new IllegalArgumentException("a source needs a name");
            }
            AudioBuffer buffer = buffers[i];
            if (buffer.sampleRateHz() != sessionRateHz) {
                throw new IllegalArgumentException("source \"" + names[i] + "\" is at " + buffer.sampleRateHz()
                        + " Hz; resample it to the session rate of " + sessionRateHz + " Hz first");
            }
            if (buffer.channelCount() > 2) {
                throw new IllegalArgumentException("source \"" + names[i] + "\" has " + buffer.channelCount()
                        + " channels; playback takes mono or stereo");
            }
        }
        int active = Math.max(0, Arrays.asList(names).indexOf(preferredActive));
        return new SourceSet(names, buffers, new double[names.length], active, NEXT_CONTENT_ID.getAndIncrement());
    }

    /** The same content with {@code name} active. */
    SourceSet withActive(String name) {
        return new SourceSet(names, buffers, gainsDb, indexOf(name), contentId);
    }

    /** The same content with one source's gain changed (dB, {@value #MIN_GAIN_DB}…{@value #MAX_GAIN_DB}). */
    SourceSet withGainDb(String name, double gainDb) {
        if (!(gainDb >= MIN_GAIN_DB && gainDb <= MAX_GAIN_DB)) {
            throw new IllegalArgumentException("gain must be between " + MIN_GAIN_DB + " and " + MAX_GAIN_DB
                    + " dB, got " + gainDb);
        }
        double[] changed = gainsDb.clone();
        changed[indexOf(name)] = gainDb;
        return new SourceSet(names, buffers, changed, activeIndex, contentId);
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(names.length == 0 ? "no sources are loaded"
                : "no source named \"" + name + "\" is loaded; loaded: " + String.join(", ", names));
    }

    int size() {
        return names.length;
    }

    String name(int index) {
        return names[index];
    }

    AudioBuffer buffer(int index) {
        return buffers[index];
    }

    double gainDb(int index) {
        return gainsDb[index];
    }

    double gainLinear(int index) {
        return gainsLinear[index];
    }

    /** Index of the active source, or -1 when nothing is loaded. */
    int activeIndex() {
        return activeIndex;
    }

    /** Equal for sets that share the same sample content (gain and active changes keep it). */
    long contentId() {
        return contentId;
    }

    /** Frames of the longest source; shorter ones are silent past their end. */
    long lengthFrames() {
        return lengthFrames;
    }
}
