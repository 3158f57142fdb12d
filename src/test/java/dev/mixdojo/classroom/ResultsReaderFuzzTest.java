package dev.mixdojo.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mixdojo.audio.FuzzFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the results reader as the gradebook uses it: any bytes in a results
 * file give a row (flagged when it is not what MixDojo wrote) or a warning naming the file, with or
 * without the pack; the gradebook itself never fails. A plain test run replays
 * {@code ResultsReaderFuzzTestInputs/}; scripts/fuzz.sh fuzzes it.
 */
class ResultsReaderFuzzTest {
    private static final Path FOLDER = FuzzFiles.scratch("results");
    private static final Path FILE = FOLDER.resolve("student.results.json");
    private static final OpenedPack PACK = ClassroomFixtures.pack(FuzzFiles.scratch("week.mixdojo"),
            ClassroomFixtures.assignment(AssignmentMode.EXAM, 2, 18, Optional.empty()));

    @FuzzTest(maxDuration = "5s")
    void anyBytesGiveAFlaggedRowOrAWarningNamingTheFile(byte[] bytes) throws IOException {
        Files.createDirectories(FOLDER);
        Files.write(FILE, bytes);
        for (Optional<OpenedPack> pack : java.util.List.of(Optional.of(PACK), Optional.<OpenedPack>empty())) {
            Gradebook g = Gradebook.read(FOLDER, pack);
            assertThat(g.students().size() + g.warnings().size()).isPositive();
            g.warnings().forEach(w -> assertThat(w).startsWith(FILE.toString()));
            g.students().forEach(row -> {
                assertThat(row.scorePercent()).isFinite();
                assertThat(row.checks()).isNotEmpty();
            });
            for (GradebookFormat format : GradebookFormat.values()) {
                assertThat(format.render(g)).isNotEmpty();
            }
        }
    }
}
