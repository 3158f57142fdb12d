package dev.mixdojo.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mixdojo.audio.FuzzFiles;
import dev.mixdojo.base.yaml.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the lesson reader (YAML → checked lesson): any bytes in a lesson file
 * give a lesson, or problems each with a line and column in that file; never an exception. A plain
 * test run replays the inputs in {@code LessonReaderFuzzTestInputs/}; scripts/fuzz.sh fuzzes it.
 */
class LessonReaderFuzzTest {
    private static final Path FILE = FuzzFiles.scratch("fuzz.yaml");

    @FuzzTest(maxDuration = "5s")
    void anyBytesGiveALessonOrProblemsWithTheirPlace(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        Problems problems = new Problems();
        Optional<Lesson> lesson;
        try {
            lesson = LessonReader.read(FILE, problems);
        } catch (dev.mixdojo.base.BadInputException notText) {
            assertThat(notText.getMessage()).startsWith(FILE + ": is not UTF-8 text");
            return;
        }
        assertThat(lesson.isPresent()).isEqualTo(problems.isEmpty());
        problems.all().forEach(p -> {
            assertThat(p.location().file()).isEqualTo(FILE);
            assertThat(p.location().line()).isPositive();
            assertThat(p.location().column()).isPositive();
            assertThat(p.message()).isNotBlank();
        });
    }
}
