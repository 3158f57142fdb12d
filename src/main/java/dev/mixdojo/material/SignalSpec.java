package dev.mixdojo.material;

import java.util.List;

/**
 * A test signal material: pink or white noise, a sine tone or a logarithmic sweep, at an RMS
 * level in dBFS (per channel), mono or stereo (independent noise per channel).
 */
record SignalSpec(String name, String title, Kind kind, double durationS, double rmsDbfs, double frequencyHz,
                  int channels) implements MaterialSpec {

    /** The signals a file may ask for. */
    enum Kind {
        PINK_NOISE("pink-noise"), WHITE_NOISE("white-noise"), TONE("tone"), SWEEP("sweep");

        final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        static Kind byFileName(String name) {
            for (Kind kind : values()) {
                if (kind.fileName.equals(name)) {
                    return kind;
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
        return List.of(kind == Kind.TONE || kind == Kind.SWEEP ? Role.TONE : Role.NOISE);
    }
}
