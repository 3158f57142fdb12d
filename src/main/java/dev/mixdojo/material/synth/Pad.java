package dev.mixdojo.material.synth;

import java.util.List;

/**
 * A stereo string-machine pad: three saws per note, detuned by ±detuneCents and spread left,
 * centre and right, with a slow attack and release, low-passed per channel. Brighter with
 * velocity. The notes of a chord (same start and length) share one envelope and one filter pair,
 * as on a paraphonic string machine, which also keeps the pad cheap to render.
 */
final class Pad implements Instrument {
    private final double detuneCents;
    private final double attackS;
    private final double releaseS;
    private final double cutoffHz;
    private final double resonance;

    Pad(SoundParams params) {
        detuneCents = params.get("detuneCents");
        attackS = params.get("attackMs") / 1000;
        releaseS = params.get("releaseMs") / 1000;
        cutoffHz = params.get("cutoffHz");
        resonance = params.get("resonance");
    }

    @Override
    public void render(List<Note> notes, float[][] out) {
        float[] left = out[0];
        float[] right = out[1];
        Adsr amp = new Adsr(attackS, 2.0, 0.85, releaseS);
        Svf filterLeft = new Svf();
        Svf filterRight = new Svf();
        double detune = StrictMath.pow(2, detuneCents / 1200);
        int first = 0;
        while (first < notes.size()) {
            Note lead = notes.get(first);
            int end = first + 1;
            while (end < notes.size() && notes.get(end).startFrame() == lead.startFrame()
                    && notes.get(end).lengthFrames() == lead.lengthFrames()) {
                end++;
            }
            int voices = end - first;
            double[] increments = new double[voices * 3];
            double[] phases = new double[voices * 3];
            double[] gains = new double[voices];
            for (int v = 0; v < voices; v++) {
                Note note = notes.get(first + v);
                double base = SynthMath.midiToHz(note.midiPitch()) / SynthMath.SAMPLE_RATE_HZ;
                increments[3 * v] = base / detune;
                increments[3 * v + 1] = base;
                increments[3 * v + 2] = base * detune;
                // Start the saws at different phases so their sum does not begin with a spike.
                phases[3 * v] = 0.33;
                phases[3 * v + 2] = 0.67;
                gains[v] = 0.22 * Instrument.amplitude(note.velocity());
            }
            amp.start(lead.lengthFrames());
            filterLeft.reset();
            filterRight.reset();
            double cutoff = cutoffHz * StrictMath.pow(2, 1.5 * (lead.velocity() - 0.7));
            filterLeft.set(cutoff, resonance);
            filterRight.set(cutoff, resonance);
            int length = Instrument.available(lead, out, amp.lengthFrames());
            int start = (int) lead.startFrame();
            for (int i = 0; i < length; i++) {
                double sumLeft = 0;
                double sumRight = 0;
                for (int v = 0; v < voices; v++) {
                    int o = 3 * v;
                    double low = SynthMath.saw(phases[o], increments[o]);
                    double centre = SynthMath.saw(phases[o + 1], increments[o + 1]);
                    double high = SynthMath.saw(phases[o + 2], increments[o + 2]);
                    for (int k = o; k < o + 3; k++) {
                        double next = phases[k] + increments[k];
                        phases[k] = next >= 1 ? next - 1 : next;
                    }
                    sumLeft += gains[v] * (low + 0.7 * centre);
                    sumRight += gains[v] * (high + 0.7 * centre);
                }
                double envelope = amp.next();
                left[start + i] += (float) (envelope * filterLeft.lowPass(sumLeft));
                right[start + i] += (float) (envelope * filterRight.lowPass(sumRight));
            }
            first = end;
        }
    }
}
