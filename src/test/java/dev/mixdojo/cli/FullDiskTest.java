package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.audio.Signals;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 5: every command that writes audio, run against a real full disk (a 512 KiB tmpfs
 * mounted for the test, filled to the last byte) and a read-only one, says which file could not be
 * written and why, keeps the earlier file of that name, and leaves no temporary file behind. Needs
 * root and tmpfs (CI runs as root); skipped elsewhere.
 */
class FullDiskTest {
    @TempDir
    static Path work;
    private static Path disk;
    private static Path input;
    private Path filler;

    @BeforeAll
    static void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(work.resolve("small-disk"));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", disk.toString()) == 0,
                "needs root to mount a small tmpfs");
        input = work.resolve("noise.wav");
        AudioFiles.write(input, Signals.noise(2, 96_000, 48_000, 0.25, 3), SampleEncoding.PCM_24);
    }

    @AfterAll
    static void unmount() throws Exception {
        if (disk != null) {
            sh("umount", disk.toString());
        }
    }

    @BeforeEach
    void keepAnEarlierFileAndFillTheDisk() throws IOException {
        Files.writeString(disk.resolve("out.wav"), "the earlier file");
        filler = disk.resolve("filler");
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left");
        }
    }

    @AfterEach
    void emptyTheDisk() throws IOException {
        try (Stream<Path> files = Files.walk(disk)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(disk)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static int sh(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** What is on the disk besides the filler, the earlier file and what the command may create as a folder. */
    private static List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(disk)) {
            return files.filter(Files::isRegularFile).map(p -> disk.relativize(p).toString())
                    .filter(name -> !name.equals("filler") && !name.equals("out.wav")).toList();
        }
    }

    private static void assertRefusedNaming(CliRunner run, Path file) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(file.toString()).contains("the disk is full").doesNotContain("Exception");
        assertThat(leftovers()).as("left on the disk").isEmpty();
        assertThat(Files.readString(disk.resolve("out.wav"))).isEqualTo("the earlier file");
    }

    @Test
    void convertNamesTheFileItCouldNotWrite() throws IOException {
        Path out = disk.resolve("out.wav");
        assertRefusedNaming(CliRunner.run("convert", input.toString(), out.toString()), out);
    }

    @Test
    void processNamesTheFileItCouldNotWrite() throws IOException {
        Path out = disk.resolve("out.wav");
        assertRefusedNaming(CliRunner.run("process", input.toString(), out.toString(), "--chain-json",
                "[{\"reverb\": {\"decayS\": 1}}]"), out);
    }

    @Test
    void renderNamesTheFileItCouldNotWrite() throws IOException {
        Path out = disk.resolve("question");
        CliRunner run = CliRunner.run("render", "--lesson", "eq-octave-boosts-noise", "--seed", "7", "--cache-dir",
                work.resolve("cache").toString(), "--out", out.toString());
        assertRefusedNaming(run, out);
    }

    @Test
    void materialRenderNamesTheFileItCouldNotWrite() throws IOException {
        Path out = disk.resolve("song");
        CliRunner run = CliRunner.run("material", "--cache-dir", work.resolve("cache").toString(), "render", "pink-noise",
                "--out", out.toString());
        assertRefusedNaming(run, out);
    }

    @Test
    void materialImportNamesTheFolderItCouldNotWrite() throws IOException {
        Path data = disk.resolve("data");
        CliRunner run = CliRunner.run("material", "--cache-dir", work.resolve("cache").toString(), "--data-dir",
                data.toString(), "import", input.toString(), "--name", "noise");
        assertRefusedNaming(run, data);
    }

    @Test
    void aReadOnlyDiskIsNamedAsSuch() throws Exception {
        Files.delete(filler);
        assumeTrue(sh("mount", "-o", "remount,ro", disk.toString()) == 0, "needs to remount the tmpfs read-only");
        try {
            Path out = disk.resolve("out.wav");
            CliRunner run = CliRunner.run("convert", input.toString(), out.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains(out.toString()).contains("read-only");
            assertThat(Files.readString(out)).isEqualTo("the earlier file");
        } finally {
            assertThat(sh("mount", "-o", "remount,rw", disk.toString())).isZero();
        }
    }
}
