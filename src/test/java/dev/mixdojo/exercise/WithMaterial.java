package dev.mixdojo.exercise;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class that makes questions from the built-in material: one library per class, its renders
 * cached in a temporary folder, and let go after the class (a loaded song holds hundreds of
 * megabytes; later test classes in this JVM need the heap).
 */
abstract class WithMaterial {
    @TempDir
    static Path cache;

    static ExerciseAudio audio;

    @BeforeAll
    static void openMaterial() {
        audio = Drills.audio(cache);
    }

    @AfterAll
    static void releaseMaterial() {
        audio = null;
    }
}
