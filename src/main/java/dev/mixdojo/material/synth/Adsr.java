package dev.mixdojo.material.synth;

/**
 * An ADSR amplitude envelope for offline rendering: linear attack, exponential decay towards the
 * sustain level while the gate is held, then a release that reaches exactly zero along a
 * quadratic curve, so a note never ends with a step (a click). Times in seconds; not
 * thread-safe, one per voice.
 */
public final class Adsr {
    private final int attackFrames;
    private final double decayMultiplier;
    private final double sustainLevel;
    private final int releaseFrames;
    private int gateFrames;
    private int position;
    private double value;
    private double releaseStart;

    /**
     * An envelope with the given attack (s, ≥ 0.5 ms is enforced so onsets are not clicks), decay
     * time constant (s), sustain level (0…1) and release (s, ≥ 5 ms is enforced).
     */
    public Adsr(double attackS, double decayS, double sustainLevel, double releaseS) {
        this.attackFrames = Math.max(SynthMath.frames(attackS), SynthMath.frames(0.0005));
        this.decayMultiplier = SynthMath.decayPerSample(Math.max(decayS, 0.001));
        this.sustainLevel = sustainLevel;
        this.releaseFrames = Math.max(SynthMath.frames(releaseS), SynthMath.frames(0.005));
    }

    /** A percussive envelope: attack, exponential decay until -60 dB, then a short fade to zero. */
    public static Adsr percussive(double attackS, double decayS) {
        return new Adsr(attackS, decayS, 0, 0.01);
    }

    /** The gate length of a percussive envelope: the time its decay takes to fall 60 dB, in frames. */
    public int percussiveGateFrames(double decayS) {
        return attackFrames + SynthMath.frames(decayS * StrictMath.log(1000));
    }

    /** Starts a note held for {@code gateFrames}; the envelope then lasts {@link #lengthFrames()}. */
    public void start(int gateFrames) {
        this.gateFrames = Math.max(gateFrames, attackFrames);
        this.position = 0;
        this.value = 0;
    }

    /** Frames from the start until the envelope is back at zero. */
    public int lengthFrames() {
        return gateFrames + releaseFrames;
    }

    /** The next envelope value, 0…1; zero once the release has ended. */
    public double next() {
        int p = position++;
        if (p < attackFrames) {
            value = (p + 1) / (double) attackFrames;
        } else if (p < gateFrames) {
            value = sustainLevel + (value - sustainLevel) * decayMultiplier;
        } else if (p < gateFrames + releaseFrames) {
            if (p == gateFrames) {
                releaseStart = value;
            }
            double remaining = 1.0 - (p - gateFrames + 1) / (double) releaseFrames;
            value = releaseStart * remaining * remaining;
        } else {
            value = 0;
        }
        return value;
    }
}
