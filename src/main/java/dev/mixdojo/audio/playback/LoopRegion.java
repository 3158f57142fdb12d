package dev.mixdojo.audio.playback;

/**
 * A loop between two frames: playback that reaches {@code endFrameExclusive} continues at
 * {@code startFrame}, so frame k of a looped run is {@code startFrame + (k mod lengthFrames)}.
 *
 * @param startFrame the first frame played in each pass (inclusive, ≥ 0)
 * @param endFrameExclusive the frame after the last one played (&gt; startFrame)
 */
record LoopRegion(long startFrame, long endFrameExclusive) {
    LoopRegion {
        if (startFrame < 0 || endFrameExclusive <= startFrame) {
            throw new IllegalArgumentException("a loop needs 0 <= start < end, got " + startFrame
                    + " … " + endFrameExclusive);
        }
    }

    long lengthFrames() {
        return endFrameExclusive - startFrame;
    }

    boolean contains(long frame) {
        return frame >= startFrame && frame < endFrameExclusive;
    }
}
