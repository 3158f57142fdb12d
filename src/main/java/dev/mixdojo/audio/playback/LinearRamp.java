package dev.mixdojo.audio.playback;

/**
 * A value that moves in a straight line to a target over a given number of frames, landing on
 * the target exactly; audio-thread-local state, allocation-free.
 */
public final class LinearRamp {
    private double value;
    private double target;
    private double step;
    private int remainingFrames;

    /** Jumps to {@code newValue} at once. */
    public void snapTo(double newValue) {
        value = newValue;
        target = newValue;
        remainingFrames = 0;
    }

    /** Starts moving from the current value to {@code newTarget}, arriving after {@code frames} calls of {@link #next()}. */
    public void rampTo(double newTarget, int frames) {
        if (frames <= 0 || newTarget == value) {
            snapTo(newTarget);
            return;
        }
        target = newTarget;
        step = (newTarget - value) / frames;
        remainingFrames = frames;
    }

    /** Advances one frame and returns the value for that frame. */
    public double next() {
        if (remainingFrames > 0) {
            remainingFrames--;
            // Land exactly on the target rather than on an accumulated sum of steps.
            value = remainingFrames == 0 ? target : value + step;
        }
        return value;
    }

    /** The value of the last frame. */
    public double value() {
        return value;
    }

    /** Where the ramp ends. */
    public double target() {
        return target;
    }

    /** Whether the ramp has not yet reached its target. */
    public boolean isMoving() {
        return remainingFrames > 0;
    }
}
