package dev.mixdojo.material;

import dev.mixdojo.audio.AudioBuffer;
import java.util.List;

/**
 * A material ready to play: its stems (all the same length, starting together) and a stereo rough
 * mix made from their default balances. Buffers are shared, not copied.
 */
public record Multitrack(String name, List<Stem> stems, AudioBuffer mix) {
    /** Copies the stem list. */
    public Multitrack {
        stems = List.copyOf(stems);
    }

    /** The stem with the given name, or null. */
    public Stem stem(String stemName) {
        return stems.stream().filter(s -> s.name().equals(stemName)).findFirst().orElse(null);
    }
}
