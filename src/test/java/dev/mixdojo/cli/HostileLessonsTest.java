package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, items 3 and 4: lesson files that used to run out of memory, hang, take minutes or stop
 * with an internal fault are each refused with {@code file:line:column} and exit 2. The timeouts
 * only catch a hang; speed is measured in benchmarks.
 */
class HostileLessonsTest {
    @TempDir
    static Path cache;
    @TempDir
    Path dir;
    private Path lessons;

    private static final String LESSON = """
            id: hostile
            title: %s
            area: eq
            teach: t
            why: w
            drills:
              - id: x
                kind: eq-band
                title: X
                material: noise/pink
                options: { bands: octave, direction: boost, lowHz: %s, highHz: 8000 }
                difficulty: { start: %s, easiest: 15, hardest: 2, step: 1 }
            """;

    @BeforeEach
    void curriculum() throws IOException {
        lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.writeString(lessons.resolve("curriculum.yaml"), "units:\n  - title: EQ\n    lessons: [hostile]\n");
    }

    private CliRunner validate() {
        return CliRunner.run("lessons", "validate", lessons.toString(), "--cache-dir", cache.toString());
    }

    private Path lesson(String title, String lowHz, String start) throws IOException {
        return Files.writeString(lessons.resolve("hostile.yaml"), String.format(LESSON, title, lowHz, start));
    }

    @Test
    void aWellFormedLessonPassesSoTheOthersFailForTheirOwnReason() throws IOException {
        lesson("Fine", "63", "12");
        CliRunner run = validate();
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void yamlNumberFormsAreReadOrRefusedWithFileLineAndColumn() throws IOException {
        Path file = lesson("Numbers", "0x3F", "12");
        assertThat(validate().exitCode()).as("0x3F is 63").isZero();

        for (String bad : new String[] {".nan", ".inf", "-.inf", "1_0", "1e999"}) {
            lesson("Numbers", "63", bad);
            CliRunner run = validate();
            assertThat(run.exitCode()).as(bad + ": " + run.err()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(run.err()).contains(file + ":12:")
                    .contains("start must be a finite decimal number such as 12 or -3.5, got '" + bad + "'")
                    .doesNotContain("Exception").doesNotContain("For input string");
        }
    }

    @Test
    void aNotANumberOptionIsNamedWithoutAFalseUnknownKey() throws IOException {
        Path file = lesson("Options", ".NaN", "12");
        CliRunner run = validate();
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(file + ":11:").contains("lowHz").contains(".NaN").doesNotContain("unknown key");
    }

    @Test
    void aSecondDocumentATabAndAnOverflowingGainAreEachNamed() throws IOException {
        Path file = lesson("Docs", "63", "12");
        Files.writeString(file, Files.readString(file) + "---\nid: another\n");
        CliRunner second = validate();
        assertThat(second.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(second.err()).contains(file + ":13:").contains("second YAML document");

        Files.writeString(file, Files.readString(file).replace("---\nid: another\n", "").replace("  - id: x", "\t- id: x"));
        CliRunner tab = validate();
        assertThat(tab.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(tab.err()).contains(file + ":7:1:").contains("tab");

        lesson("Demo", "63", "12");
        Files.writeString(file, Files.readString(file) + """
                demos:
                  - title: d
                    material: noise/pink
                    versions:
                      - { label: a, chain: [] }
                      - { label: b, chain: [ { gain: { gainDb: 1e999 } } ] }
                """);
        CliRunner gain = validate();
        assertThat(gain.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(gain.err()).contains(file + ":").contains("gain gainDb").contains("1e999");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFifoADeviceAndASparseThreeGigabyteFileAreRefusedBeforeReading() throws Exception {
        lesson("Fine", "63", "12");
        Path fifo = lessons.resolve("pipe.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");
        Path device = Files.createSymbolicLink(lessons.resolve("zero.yaml"), Path.of("/dev/zero"));
        Path sparse = lessons.resolve("sparse.yaml");
        try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
            file.setLength(3L << 30);
        }

        CliRunner run = validate();

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(fifo + ":1:1: is not a regular file")
                .contains(device + ":1:1: is not a regular file")
                .contains(sparse + ":1:1: the file is larger than 1 MiB").doesNotContain("Exception");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTenMegabyteTitleIsRefusedAtOnceAndTheLongestReadableLessonsReadInSeconds() throws IOException {
        Path file = lesson("x".repeat(10 << 20), "63", "12");
        CliRunner huge = validate();
        assertThat(huge.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(huge.err()).contains(file + ":1:1: the file is").contains("1 MiB");

        lesson("x".repeat(900_000), "63", "12");
        CliRunner longWord = validate();
        assertThat(longWord.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(longWord.err()).contains(file + ":2:16392: a word or comment here runs past the 16384 characters");

        Files.writeString(file, String.format(LESSON, "Comment", "63", "12") + "# " + "a comment ".repeat(90_000) + "\n");
        CliRunner longComment = validate();
        assertThat(longComment.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(longComment.err()).contains(file + ":13:16385: a word or comment here runs past");

        // Long lines made of words read (a whole lesson on one line of flow-style JSON would too).
        String teach = ("    " + "word ".repeat(30_000) + "\n").repeat(6);
        Files.writeString(file, String.format(LESSON, "Long teaching", "63", "12").replace("teach: t\n", "teach: |\n" + teach));
        assertThat(Files.size(file)).isGreaterThan(900_000);
        CliRunner longText = validate();
        assertThat(longText.exitCode()).as(longText.err()).isZero();
    }
}
