package dev.mixdojo.mix;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.material.Multitrack;
import dev.mixdojo.material.Stem;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fetches a session's stems from the material library, by stem name. */
public final class SessionStems {
    private SessionStems() {
    }

    /** The stems of the session's material (rendered or read from the cache), by name, in the material's order. */
    public static Map<String, AudioBuffer> load(MaterialLibrary library, MixSession session, Warnings warnings) {
        if (!library.names().contains(session.materialName())) {
            throw new BadInputException("the mix session's material '" + session.material() + "' does not exist");
        }
        Multitrack multitrack = library.load(session.materialName(), session.seed(), warnings);
        Map<String, AudioBuffer> stems = new LinkedHashMap<>();
        for (Stem s : multitrack.stems()) {
            stems.put(s.name(), s.audio());
        }
        return stems;
    }
}
