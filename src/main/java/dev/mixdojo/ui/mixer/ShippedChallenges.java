package dev.mixdojo.ui.mixer;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.InstallFolders;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.mix.ChallengeSetup;
import java.util.function.Supplier;

/** Where the mixer finds its challenge: the first mix challenge of the shipped curriculum (for now, the only one). */
final class ShippedChallenges {
    private ShippedChallenges() {
    }

    /** Loads, when called (in the background), the first challenge of the lessons folder with its stems from the user's cache. */
    static Supplier<ChallengeSetup> first(UserDirectories directories) {
        return () -> {
            Problems problems = new Problems();
            LessonLibrary lessons = LessonLibrary.load(InstallFolders.locate("lessons", "MIXDOJO_LESSONS"),
                    LessonLibrary.STRUCTURE_ONLY, problems).orElseThrow(() -> new BadInputException(
                            "The lessons have problems (run 'mixdojo lessons validate'): " + problems.all().get(0)));
            MixChallenge challenge = lessons.lessons().stream().flatMap(l -> l.challenges().stream()).findFirst()
                    .orElseThrow(() -> new BadInputException("No lesson has a mix challenge."));
            MaterialLibrary library = new MaterialLibrary(MaterialLibrary.locateBuiltIns(),
                    directories.data().resolve("materials"), directories.cache());
            return ChallengeSetup.load(challenge, library, new Warnings());
        };
    }
}
