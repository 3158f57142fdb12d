package dev.mixdojo.lesson;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The parts of the mix engineer's craft that lessons are grouped by, in teaching order. */
public enum Area {
    EQ("eq", "EQ"),
    FREQUENCY_MANAGEMENT("frequency-management", "Frequency management"),
    COMPRESSION("compression", "Compression"),
    PANNING("panning", "Panning"),
    LEVEL("level", "Level balance"),
    AUTOMATION("automation", "Automation"),
    REVERB_AND_DELAY("reverb-delay", "Reverb and delay"),
    SATURATION("saturation", "Saturation"),
    TRANSLATION("translation", "Translation");

    private final String key;
    private final String title;

    Area(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The word used in lesson files. */
    public String key() {
        return key;
    }

    /** The name shown to learners. */
    public String title() {
        return title;
    }

    /** Every key, for messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Area::key).toList();
    }

    /** The area with the given key. */
    public static Optional<Area> ofKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }
}
