package dev.mixdojo.dsp.automation;

/**
 * The running value of one parameter on the audio thread: follows its envelope sample-accurately
 * (time counted from the last {@link #reset}) and ramps linearly over {@code rampMs} whenever a new
 * {@link Param} is set, so knob moves and switches never jump (no zipper noise).
 * Threading: {@link #set} may be called from any thread; everything else belongs to the audio thread.
 */
public final class ParamTrack {
    private final double rampMs;
    private volatile Param target;
    private Param active;
    private double sampleRateHz = 48000;
    private long position;
    private int rampFrames = 1;
    private int rampLeft;
    private double rampOffset;
    private double fixedValue;
    private boolean fixed;

    /** A track starting at {@code initial}, ramping over {@code rampMs} (≥ 0) when changed. */
    public ParamTrack(Param initial, double rampMs) {
        this.rampMs = rampMs;
        this.target = initial;
        activate(initial);
    }

    /** Sets the rate at which samples are counted; call from prepare. */
    public void prepare(double sampleRateHz) {
        this.sampleRateHz = sampleRateHz;
        this.rampFrames = Math.max(1, (int) Math.round(rampMs * sampleRateHz / 1000));
        reset();
    }

    /** Back to time zero at the current target, with no ramp in progress. */
    public void reset() {
        activate(target);
        position = 0;
        rampLeft = 0;
        rampOffset = 0;
    }

    /**
     * Back to {@code frame} samples from the start (a transport that starts playing there), at the
     * current target, with no ramp in progress.
     */
    public void resetTo(long frame) {
        reset();
        position = frame;
    }

    /**
     * Moves the envelope's clock to {@code frame} samples from the start (a transport's seek or loop
     * wrap); where an automation's value there differs from the value now, the value glides over the
     * ramp instead of jumping.
     */
    public void moveTo(long frame) {
        pickUpChange();
        double from = valueNow();
        position = frame;
        rampLeft = 0;
        rampOffset = from - valueNow();
        rampLeft = rampOffset == 0 ? 0 : rampFrames;
    }

    /** Replaces the parameter; the value ramps from where it is to the new parameter. Any thread. */
    public void set(Param param) {
        target = param;
    }

    /** The parameter last set. */
    public Param param() {
        return target;
    }

    /** True while the value is constant: a fixed parameter, no ramp running and no change pending. */
    public boolean isSteady() {
        return fixed && rampLeft == 0 && target == active;
    }

    /** The value at the current sample, without advancing. */
    public double current() {
        pickUpChange();
        return valueNow();
    }

    /** The value at the current sample; then advances one sample. */
    public double next() {
        if (fixed && rampLeft == 0 && target == active) {
            position++;
            return fixedValue;
        }
        pickUpChange();
        double value = valueNow();
        advance(1);
        return value;
    }

    /** Moves time on by {@code frames} samples. */
    public void advance(int frames) {
        position += frames;
        rampLeft = Math.max(0, rampLeft - frames);
    }

    private double valueNow() {
        double base = fixed ? fixedValue : active.valueAt(position / sampleRateHz);
        return rampLeft == 0 ? base : base + rampOffset * rampLeft / rampFrames;
    }

    private void pickUpChange() {
        Param wanted = target;
        if (wanted != active) {
            double from = valueNow();
            activate(wanted);
            rampLeft = 0;
            double to = valueNow();
            rampOffset = from - to;
            rampLeft = rampOffset == 0 ? 0 : rampFrames;
        }
    }

    private void activate(Param param) {
        active = param;
        fixed = param instanceof Param.Fixed;
        fixedValue = fixed ? ((Param.Fixed) param).value() : 0;
    }
}
