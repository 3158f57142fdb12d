package dev.mixdojo.ui.mixer;

import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.mix.ChallengeSetup;
import java.util.function.Function;

/** Where the Mixer loads a challenge's stems and goal from: the built-in songs and the user's imports, rendered into the user's cache. */
final class ChallengeStems {
    private ChallengeStems() {
    }

    /** Loads, when called (in the background), a challenge's setup from the material of {@code directories}. */
    static Function<MixChallenge, ChallengeSetup> of(UserDirectories directories) {
        return challenge -> ChallengeSetup.load(challenge, new MaterialLibrary(MaterialLibrary.locateBuiltIns(),
                directories.data().resolve("materials"), directories.cache()), new Warnings());
    }
}
