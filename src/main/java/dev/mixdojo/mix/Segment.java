package dev.mixdojo.mix;

/**
 * Where the strips read their stems for one stretch of a block: the playhead, and while a jump is
 * declicked the old position fading out beside it, with each frame's gains. Audio-thread state of
 * {@link LiveMix}, reused for every stretch.
 */
final class Segment {
    /** The stem frame read for the stretch's first frame. */
    long head;
    /** The old position, read while {@link #tailFrames} &gt; 0. */
    long tail;
    /** Frames in the stretch. */
    int frames;
    /** The first frames of the stretch that also read the old position. */
    int tailFrames;
    /** Whether the head is read at full gain with no tail, so it can be copied as it is. */
    boolean plain;
    /** Gain of the head for each frame of the stretch (unused when plain). */
    final float[] headGains;
    /** Gain of the old position for each of the first {@link #tailFrames} frames. */
    final float[] tailGains;

    Segment(int maxFrames) {
        headGains = new float[maxFrames];
        tailGains = new float[maxFrames];
    }

    /** How many of the stretch's {@code frames} frames from {@code from} lie inside a stem of {@code length} frames. */
    static int inside(int length, long from, int frames) {
        return (int) Math.max(0, Math.min(frames, length - from));
    }
}
