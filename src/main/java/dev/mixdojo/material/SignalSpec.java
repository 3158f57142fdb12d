package dev.mixdojo.material;

import java.util.List;

/**
 * A test signal material: pink or white noise, a sine tone or a logarithmic sweep, at an RMS
 * level in dBFS (per channel), mono or stereo (independent noise per channel).
 */
record SignalSpec(String name, String title, Waveform waveform, double durationS, double rmsDbfs, double frequencyHz,
                  int channels) implements MaterialSpec {

    /** The signals a file may ask for. */
    enum Waveform {
        PINK_NOISE("pink-noise"), WHITE_NOISE("white-noise"), TONE("tone"), SWEEP("sweep");

        final String fileName;

        Waveform(String fileName) {
            this.fileName = fileName;
        }

        static Waveform byFileName(String name) {
            for (Waveform waveform : values()) {
                if (waveform.fileName.equals(name)) {
                    return waveform;
                }
            }
            return null;
        }
    }

    @Override
    public String style() {
        return "test signal";
    }

    @Override
    public List<Role> roles() {
        return List.of(waveform == Waveform.TONE || waveform == Waveform.SWEEP ? Role.TONE : Role.NOISE);
    }
}
