package dev.mixdojo.material.synth;

import java.util.List;

/** A synthesised kick drum: a sine swept down from startHz to endHz, a noise click, soft-clipped. */
final class Kick implements Instrument {
    private final double startHz;
    private final double endHz;
    private final double sweepMultiplier;
    private final double decayS;
    private final double click;
    private final double drive;
    private final Noise noise;

    Kick(SoundParams params, long seed) {
        startHz = params.get("startHz");
        endHz = params.get("endHz");
        sweepMultiplier = SynthMath.decayPerSample(params.get("sweepMs") / 1000);
        decayS = params.get("decayMs") / 1000;
        click = params.get("click");
        drive = params.get("drive");
        noise = new Noise(seed);
    }

    @Override
    public void render(List<Note> notes, float[][] out) {
        float[] mono = out[0];
        Adsr body = Adsr.percussive(0.0008, decayS);
        Adsr clickEnvelope = Adsr.percussive(0.0003, 0.0025);
        Svf clickFilter = new Svf();
        clickFilter.set(3500, 0.9);
        double normalise = 1.0 / SynthMath.softClip(drive);
        for (Note note : notes) {
            int gate = body.percussiveGateFrames(decayS);
            body.start(gate);
            clickEnvelope.start(clickEnvelope.percussiveGateFrames(0.0025));
            clickFilter.reset();
            int length = Instrument.available(note, out, body.lengthFrames());
            int clickLength = clickEnvelope.lengthFrames();
            double amplitude = Instrument.amplitude(note.velocity());
            double sweep = startHz - endHz;
            double phase = 0;
            int start = (int) note.startFrame();
            for (int i = 0; i < length; i++) {
                double frequency = endHz + sweep;
                sweep *= sweepMultiplier;
                double tone = SynthMath.sine(phase) * body.next();
                phase += frequency / SynthMath.SAMPLE_RATE_HZ;
                if (phase >= 1) {
                    phase -= 1;
                }
                double sample = SynthMath.softClip(drive * tone) * normalise;
                if (i < clickLength) {
                    sample += click * clickFilter.bandPass(noise.white()) * clickEnvelope.next();
                }
                mono[start + i] += (float) (amplitude * sample);
            }
        }
    }
}
