package dev.mixdojo.material.synth;

import java.util.List;

/** A monophonic lead synth: two slightly detuned saw/square oscillators, a filter envelope per phrase, glide and vibrato. */
final class Lead implements Instrument {
    private static final int CONTROL_FRAMES = 16;
    private final double cutoffHz;
    private final double envelopeOctaves;
    private final MelodicLine line;

    Lead(SoundParams params) {
        cutoffHz = params.get("cutoffHz");
        envelopeOctaves = params.get("envelopeOctaves");
        line = new MelodicLine(params.get("glideMs") / 1000, params.get("vibratoCents"), params.get("vibratoHz"),
                0.008, params.get("releaseMs") / 1000, 0);
    }

    @Override
    public void render(List<Note> notes, float[][] out) {
        float[] mono = out[0];
        Svf filter = new Svf();
        double filterDecay = StrictMath.pow(SynthMath.decayPerSample(0.25), CONTROL_FRAMES);
        double detune = StrictMath.pow(2, 7.0 / 1200);
        for (List<Note> phrase : MelodicLine.phrases(notes)) {
            int wanted = line.lengthFrames(phrase);
            double[] frequency = new double[wanted];
            double[] level = new double[wanted];
            line.contour(phrase, frequency, level);
            int length = Instrument.available(phrase.get(0), out, wanted);
            filter.reset();
            double sweep = envelopeOctaves;
            double phaseA = 0;
            double phaseB = 0.5;
            int start = (int) phrase.get(0).startFrame();
            for (int i = 0; i < length; i++) {
                if (i % CONTROL_FRAMES == 0) {
                    filter.set(cutoffHz * SynthMath.exp2(sweep), 1.4);
                    sweep *= filterDecay;
                }
                double incrementA = frequency[i] / SynthMath.SAMPLE_RATE_HZ;
                double incrementB = incrementA * detune;
                double tone = 0.6 * SynthMath.saw(phaseA, incrementA) + 0.4 * SynthMath.square(phaseB, incrementB);
                phaseA += incrementA;
                if (phaseA >= 1) {
                    phaseA -= 1;
                }
                phaseB += incrementB;
                if (phaseB >= 1) {
                    phaseB -= 1;
                }
                mono[start + i] += (float) (0.5 * level[i] * filter.lowPass(tone));
            }
        }
    }
}
