package dev.mixdojo.material;

/** A built-in material as described by its file in {@code audio-exercises/}: a song or a test signal. */
sealed interface MaterialSpec permits Song, SignalSpec {

    /** The material's name (its file name without {@code .yaml}). */
    String name();

    /** A title for people. */
    String title();

    /** Style or kind, e.g. "pop", "test signal". */
    String style();

    /** The length in seconds. */
    double durationS();

    /** The roles of the stems, in stem order. */
    java.util.List<Role> roles();
}
