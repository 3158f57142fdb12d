package dev.mixdojo.material.synth;

import java.util.List;

/**
 * A singing voice by formant synthesis: a band-limited saw (a glottal-pulse stand-in) tilted by a
 * one-pole low-pass, plus a little aspiration noise, through four parallel band-pass resonators
 * at the formants of the note's vowel; formants move smoothly between vowels. Phrases breathe:
 * a short breath noise before each phrase that follows a gap. Formant tables: Csound manual,
 * "Formant values" appendix (alto for octave ≥ 4, tenor below). Variant = vowel 0…4 (a e i o u).
 *
 * <p>The tables give each formant's peak level in the sung spectrum, so each resonator's gain is
 * divided by the source's own level at that formant (see {@link #formantGain}), and adjacent
 * resonators alternate in sign, as in the parallel branch of Klatt's synthesiser (Klatt 1980,
 * JASA 67:971): summed in one polarity, the skirts of neighbouring band-passes cancel between
 * them and dig anti-resonances that no vocal tract has.
 */
final class FormantVoice implements Instrument {
    private static final int CONTROL_FRAMES = 32;
    private static final int FORMANTS = 4;
    /** Corner (Hz) of the one-pole low-pass that tilts the source towards a glottal pulse's slope. */
    private static final double TILT_HZ = 900;
    /** The frequency (Hz) at which a formant's table level is the resonator's gain as it stands. */
    private static final double REFERENCE_HZ = 500;
    /** Alto formants: frequency Hz, level dB, bandwidth Hz for vowels a e i o u. */
    private static final double[][][] ALTO = {
        {{800, 1150, 2800, 3500}, {0, -4, -20, -36}, {80, 90, 120, 130}},
        {{400, 1600, 2700, 3300}, {0, -24, -30, -35}, {60, 80, 120, 150}},
        {{350, 1700, 2700, 3700}, {0, -20, -30, -36}, {50, 100, 120, 150}},
        {{450, 800, 2830, 3500}, {0, -9, -16, -28}, {70, 80, 100, 130}},
        {{325, 700, 2530, 3500}, {0, -12, -30, -40}, {50, 60, 170, 180}},
    };
    /** Tenor formants, same layout. */
    private static final double[][][] TENOR = {
        {{650, 1080, 2650, 2900}, {0, -6, -7, -8}, {80, 90, 120, 130}},
        {{400, 1700, 2600, 3200}, {0, -14, -12, -14}, {70, 80, 100, 120}},
        // "i" F1 340 Hz, not the appendix's 290: men's /i/ measures 342 Hz (Hillenbrand et al. 1995,
        // JASA 97:3099), and a singer opens F1 above the pitch as the pitch nears it (Sundberg 1987).
        {{340, 1870, 2800, 3250}, {0, -15, -18, -20}, {40, 90, 100, 120}},
        {{400, 800, 2600, 2800}, {0, -10, -12, -12}, {40, 80, 100, 120}},
        {{350, 600, 2700, 2900}, {0, -20, -17, -14}, {40, 60, 100, 120}},
    };
    /** Number of vowels a note's variant can choose from. */
    static final int VOWELS = 5;
    private final MelodicLine line;
    private final double breath;
    private final double[][][] table;
    private final Noise noise;

    FormantVoice(SoundParams params, long seed) {
        line = new MelodicLine(params.get("glideMs") / 1000, params.get("vibratoCents"), params.get("vibratoHz"),
                0.04, 0.12, 0.6);
        breath = params.get("breath");
        table = params.get("octave") >= 4 ? ALTO : TENOR;
        noise = new Noise(seed);
    }

    @Override
    public void render(List<Note> notes, float[][] out) {
        float[] mono = out[0];
        Svf[] formants = new Svf[FORMANTS];
        for (int f = 0; f < FORMANTS; f++) {
            formants[f] = new Svf();
        }
        Svf breathFilter = new Svf();
        breathFilter.set(1800, 1.2);
        Svf breathLowPass = new Svf();
        breathLowPass.set(5000, 0.7);
        double formantGlide = StrictMath.pow(SynthMath.decayPerSample(0.035), CONTROL_FRAMES);
        double tiltCoefficient = 1 - StrictMath.exp(-2 * StrictMath.PI * TILT_HZ / SynthMath.SAMPLE_RATE_HZ);
        long previousEnd = Long.MIN_VALUE / 2;
        double[] frequency = new double[0];
        double[] level = new double[0];
        double[] centreHz = new double[FORMANTS];
        double[] gains = new double[FORMANTS];
        double[] bandwidthHz = new double[FORMANTS];
        for (List<Note> phrase : MelodicLine.phrases(notes)) {
            Note first = phrase.get(0);
            if (first.startFrame() - previousEnd > SynthMath.frames(0.35)) {
                breathe(first.startFrame(), mono, breathFilter, breathLowPass);
            }
            previousEnd = phrase.get(phrase.size() - 1).endFrame();
            int wanted = line.lengthFrames(phrase);
            if (frequency.length < wanted) {
                frequency = new double[wanted];
                level = new double[wanted];
            }
            line.contour(phrase, frequency, level);
            int length = Instrument.available(first, out, wanted);
            double[][] startVowel = table[Math.floorMod(first.variant(), VOWELS)];
            for (int f = 0; f < FORMANTS; f++) {
                formants[f].reset();
                centreHz[f] = startVowel[0][f];
                gains[f] = formantGain(startVowel, f);
                bandwidthHz[f] = startVowel[2][f];
            }
            double phase = 0;
            double tilt = 0;
            int noteIndex = 0;
            int start = (int) first.startFrame();
            for (int i = 0; i < length; i++) {
                if (i % CONTROL_FRAMES == 0) {
                    while (noteIndex + 1 < phrase.size() && phrase.get(noteIndex + 1).startFrame() - start <= i) {
                        noteIndex++;
                    }
                    double[][] vowel = table[Math.floorMod(phrase.get(noteIndex).variant(), VOWELS)];
                    for (int f = 0; f < FORMANTS; f++) {
                        centreHz[f] = vowel[0][f] + (centreHz[f] - vowel[0][f]) * formantGlide;
                        double targetGain = formantGain(vowel, f);
                        gains[f] = targetGain + (gains[f] - targetGain) * formantGlide;
                        bandwidthHz[f] = vowel[2][f] + (bandwidthHz[f] - vowel[2][f]) * formantGlide;
                        formants[f].set(centreHz[f], centreHz[f] / bandwidthHz[f]);
                    }
                }
                double increment = frequency[i] / SynthMath.SAMPLE_RATE_HZ;
                double source = SynthMath.saw(phase, increment) + 0.06 * noise.white();
                phase += increment;
                if (phase >= 1) {
                    phase -= 1;
                }
                tilt += tiltCoefficient * (source - tilt);
                double voiced = 0;
                for (int f = 0; f < FORMANTS; f++) {
                    voiced += gains[f] * formants[f].bandPass(tilt);
                }
                mono[start + i] += (float) (1.4 * level[i] * voiced);
            }
        }
    }

    /**
     * The signed resonator gain of formant {@code f} of a vowel, so that the formant's peak stands at
     * the table level: the table level divided by the source's level at the formant relative to
     * {@link #REFERENCE_HZ} (the saw's harmonics fall as 1/f, the tilt as 1/√(1 + (f/900)²)).
     * Without this division the source's slope was counted twice and an alto "e" had its third
     * formant about 57 dB below its first instead of the table's 30, too weak for an ear or a
     * formant tracker to find. Even formants (F2, F4) are negated; see the class comment.
     */
    private static double formantGain(double[][] vowel, int f) {
        double frequencyHz = vowel[0][f];
        double sourceLevel = REFERENCE_HZ / frequencyHz * StrictMath.sqrt(
                (1 + square(REFERENCE_HZ / TILT_HZ)) / (1 + square(frequencyHz / TILT_HZ)));
        double sign = f % 2 == 0 ? 1 : -1;
        return sign * SynthMath.dbToGain(vowel[1][f]) / sourceLevel;
    }

    private static double square(double x) {
        return x * x;
    }

    /** Adds a breath (band-passed noise, a sine-shaped swell of 250 ms) ending just before {@code phraseStart}. */
    private void breathe(long phraseStart, float[] mono, Svf filter, Svf lowPass) {
        int length = SynthMath.frames(0.25);
        long start = phraseStart - length - SynthMath.frames(0.04);
        if (start < 0 || breath <= 0) {
            return;
        }
        filter.reset();
        lowPass.reset();
        for (int i = 0; i < length; i++) {
            double window = SynthMath.sine(0.5 * i / length);
            mono[(int) start + i] += (float) (0.25 * breath * window * window * lowPass.lowPass(filter.bandPass(noise.white())));
        }
    }
}
