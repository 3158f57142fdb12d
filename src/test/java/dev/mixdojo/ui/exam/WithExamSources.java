package dev.mixdojo.ui.exam;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.ui.AudioOutput;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class for a view model that runs classroom drills without the toolkit: the built-in lessons
 * as drill sources (set up once per class in a temporary folder) and a silent audio output per test.
 */
public abstract class WithExamSources {
    @TempDir
    protected static Path root;
    protected static DrillSources sources;

    protected final AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));

    @BeforeAll
    static void lessons() {
        sources = ExamFixtures.sources(root);
    }

    @AfterEach
    void closeAudio() {
        audio.close();
    }
}
