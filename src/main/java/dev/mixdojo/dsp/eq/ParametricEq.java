package dev.mixdojo.dsp.eq;

import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ControlRate;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.automation.ParamTrack;
import java.util.List;

/**
 * A parametric EQ of N bands in series, each a cascade of matched-response biquads in transposed
 * direct form II with double-precision state. A moving band (a knob ramp or automation) is redesigned
 * on the control-rate grid once a value has moved a step nobody hears, and exactly where it comes to
 * rest, so a sweep neither zips nor costs a design every {@value ControlRate#FRAMES} samples.
 */
public final class ParametricEq implements Processor {
    private static final double RAMP_MS = 20;
    /**
     * How far (octaves) a moving frequency or Q may go from its band's design before the next grid point
     * redesigns it: 1/512 octave, far below the smallest audible shift of a resonance (RESEARCH.md).
     */
    static final double FREQUENCY_STEP_OCTAVES = 1.0 / 512;
    private static final double FREQUENCY_STEP_RATIO = Math.pow(2, FREQUENCY_STEP_OCTAVES);
    /** How far (dB) a moving gain may go from its design before the next grid point redesigns it: a 50th of a just noticeable change. */
    static final double GAIN_STEP_DB = 0.01;

    private final FilterType[] types;
    private final int[] sectionCounts;
    private final ParamTrack[] frequencyHz;
    private final ParamTrack[] gainDb;
    private final ParamTrack[] q;
    private final double[][] coefficients;
    /** The frequency, gain and Q each band's coefficients were last designed for (NaN: none yet). */
    private final double[][] designedFor;
    /** Each band's frequency, gain and Q at the last grid point it moved (NaN: none yet). */
    private final double[][] lastSeen;
    private final int totalSections;
    private MatchedDesign design;
    private double[][] state; // [channel][2·section]
    private long position;

    /** An EQ with the given bands (at least one), applied in order. */
    public ParametricEq(List<EqSettings> bands) {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("an EQ needs at least one band");
        }
        int n = bands.size();
        types = new FilterType[n];
        sectionCounts = new int[n];
        frequencyHz = new ParamTrack[n];
        gainDb = new ParamTrack[n];
        q = new ParamTrack[n];
        coefficients = new double[n][];
        designedFor = new double[n][3];
        lastSeen = new double[n][3];
        int sections = 0;
        for (int b = 0; b < n; b++) {
            EqSettings band = bands.get(b);
            types[b] = band.type();
            sectionCounts[b] = BandDesign.sectionCount(band.type(), band.slopeDbPerOct());
            frequencyHz[b] = new ParamTrack(band.frequencyHz(), RAMP_MS);
            gainDb[b] = new ParamTrack(band.gainDb(), RAMP_MS);
            q[b] = new ParamTrack(band.q(), RAMP_MS);
            coefficients[b] = new double[5 * sectionCounts[b]];
            sections += sectionCounts[b];
        }
        totalSections = sections;
    }

    /**
     * Moves band {@code index} to new settings of the same type and slope ({@link EqSettings#sameShape}); the
     * change is ramped.
     * Any thread.
     */
    public void setBand(int index, EqSettings band) {
        if (band.type() != types[index] || BandDesign.sectionCount(band.type(), band.slopeDbPerOct()) != sectionCounts[index]) {
            throw new IllegalArgumentException("a band's type and slope cannot change while audio runs");
        }
        frequencyHz[index].set(band.frequencyHz());
        gainDb[index].set(band.gainDb());
        q[index].set(band.q());
    }

    @Override
    public void prepare(ProcessSpec spec) {
        design = new MatchedDesign(spec.sampleRateHz());
        for (double[] values : designedFor) {
            java.util.Arrays.fill(values, Double.NaN); // a new sample rate: every band needs a new design
        }
        state = new double[spec.channels()][2 * totalSections];
        for (int b = 0; b < types.length; b++) {
            frequencyHz[b].prepare(spec.sampleRateHz());
            gainDb[b].prepare(spec.sampleRateHz());
            q[b].prepare(spec.sampleRateHz());
        }
        reset();
    }

    @Override
    public void reset() {
        position = 0;
        for (double[] channelState : state) {
            java.util.Arrays.fill(channelState, 0);
        }
        for (double[] values : lastSeen) {
            java.util.Arrays.fill(values, Double.NaN);
        }
        for (int b = 0; b < types.length; b++) {
            frequencyHz[b].reset();
            gainDb[b].reset();
            q[b].reset();
            redesign(b);
        }
    }

    @Override
    public void process(AudioBlock block) {
        int frames = block.frames();
        int start = block.start();
        int done = 0;
        while (done < frames) {
            boolean moving = false;
            for (int b = 0; b < types.length; b++) {
                boolean settled = frequencyHz[b].isSteady() && gainDb[b].isSteady() && q[b].isSteady();
                // A settled band whose design lags its values (the end of a ramp) waits for the grid too.
                if (!settled || !designedForNow(b)) {
                    moving = true;
                    if (ControlRate.onGrid(position)) {
                        if (settled) {
                            redesign(b);
                        } else {
                            redesignIfMoved(b);
                        }
                    }
                }
            }
            int n = ControlRate.chunk(position, frames - done, moving);
            for (int b = 0; b < types.length; b++) {
                frequencyHz[b].advance(n);
                gainDb[b].advance(n);
                q[b].advance(n);
            }
            filter(block, start + done, n);
            done += n;
            position += n;
        }
        flushDenormals();
    }

    /** Whether the band's coefficients are designed for its current values exactly. */
    private boolean designedForNow(int band) {
        return same(designedFor[band], frequencyHz[band].current(), gainDb[band].current(), q[band].current());
    }

    /** Whether {@code values} holds exactly this frequency, gain and Q. */
    private static boolean same(double[] values, double f, double g, double bandQ) {
        return f == values[0] && g == values[1] && bandQ == values[2];
    }

    /**
     * On a grid point of a moving band: redesigns it if a value has moved a step from its design, or if
     * the values have come to rest (unchanged since the last grid point: before an automation's first
     * point, after its last, or on a level stretch) anywhere but on its design. So the design trails a
     * moving value by less than a step and lands on a resting one exactly.
     */
    private void redesignIfMoved(int band) {
        double f = frequencyHz[band].current();
        double g = gainDb[band].current();
        double bandQ = q[band].current();
        double[] last = designedFor[band];
        double[] seen = lastSeen[band];
        boolean resting = same(seen, f, g, bandQ);
        seen[0] = f;
        seen[1] = g;
        seen[2] = bandQ;
        boolean stepped = Double.isNaN(last[0]) || movedAStep(f, last[0]) || Math.abs(g - last[1]) > GAIN_STEP_DB
                || movedAStep(bandQ, last[2]);
        if (stepped || resting) {
            redesign(band);
        }
    }

    private static boolean movedAStep(double value, double designed) {
        return value > designed * FREQUENCY_STEP_RATIO || value * FREQUENCY_STEP_RATIO < designed;
    }

    /** Designs the band for its current values, unless its coefficients are for these values already. */
    private void redesign(int band) {
        if (designedForNow(band)) {
            return;
        }
        double f = frequencyHz[band].current();
        double g = gainDb[band].current();
        double bandQ = q[band].current();
        double[] last = designedFor[band];
        BandDesign.design(design, types[band], sectionCounts[band], f, g, bandQ, coefficients[band]);
        last[0] = f;
        last[1] = g;
        last[2] = bandQ;
    }

    private void filter(AudioBlock block, int from, int n) {
        int channels = Math.min(block.channelCount(), state.length);
        int ch = 0;
        for (; ch + 1 < channels; ch += 2) {
            filterPair(block.channel(ch), block.channel(ch + 1), state[ch], state[ch + 1], from, n);
        }
        for (; ch < channels; ch++) {
            filterOne(block.channel(ch), state[ch], from, n);
        }
    }

    private void filterOne(float[] x, double[] s, int from, int n) {
        int section = 0;
        for (int b = 0; b < types.length; b++) {
            double[] c = coefficients[b];
            for (int k = 0; k < sectionCounts[b]; k++, section++) {
                double b0 = c[5 * k];
                double b1 = c[5 * k + 1];
                double b2 = c[5 * k + 2];
                double a1 = c[5 * k + 3];
                double a2 = c[5 * k + 4];
                double s1 = s[2 * section];
                double s2 = s[2 * section + 1];
                for (int i = from, end = from + n; i < end; i++) {
                    double in = x[i];
                    double out = b0 * in + s1;
                    s1 = (b1 * in + s2) - a1 * out;
                    s2 = b2 * in - a2 * out;
                    x[i] = (float) out;
                }
                s[2 * section] = s1;
                s[2 * section + 1] = s2;
            }
        }
    }

    /** Two channels in one loop: their recursions are independent, so the CPU overlaps them. */
    private void filterPair(float[] x, float[] y, double[] sx, double[] sy, int from, int n) {
        int section = 0;
        for (int b = 0; b < types.length; b++) {
            double[] c = coefficients[b];
            for (int k = 0; k < sectionCounts[b]; k++, section++) {
                double b0 = c[5 * k];
                double b1 = c[5 * k + 1];
                double b2 = c[5 * k + 2];
                double a1 = c[5 * k + 3];
                double a2 = c[5 * k + 4];
                double x1 = sx[2 * section];
                double x2 = sx[2 * section + 1];
                double y1 = sy[2 * section];
                double y2 = sy[2 * section + 1];
                for (int i = from, end = from + n; i < end; i++) {
                    double inX = x[i];
                    double inY = y[i];
                    double outX = b0 * inX + x1;
                    double outY = b0 * inY + y1;
                    x1 = (b1 * inX + x2) - a1 * outX;
                    y1 = (b1 * inY + y2) - a1 * outY;
                    x2 = b2 * inX - a2 * outX;
                    y2 = b2 * inY - a2 * outY;
                    x[i] = (float) outX;
                    y[i] = (float) outY;
                }
                sx[2 * section] = x1;
                sx[2 * section + 1] = x2;
                sy[2 * section] = y1;
                sy[2 * section + 1] = y2;
            }
        }
    }

    private void flushDenormals() {
        for (double[] s : state) {
            for (int i = 0; i < s.length; i++) {
                if (Math.abs(s[i]) < 1e-25) {
                    s[i] = 0;
                }
            }
        }
    }
}
