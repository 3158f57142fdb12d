package dev.mixdojo.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mixdojo.audio.FuzzFiles;
import dev.mixdojo.base.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Coverage-guided fuzzing of the assignment pack reader: either the raw bytes of a pack file, or
 * an {@code assignment.yaml} text inside an otherwise valid pack (so the fuzzer reaches the YAML
 * reader behind the zip and manifest checks). Any input opens as a pack or is refused with a
 * sentence naming the pack; nothing else. A plain test run replays {@code PackReaderFuzzTestInputs/}.
 */
class PackReaderFuzzTest {
    private static final Path FILE = FuzzFiles.scratch("fuzz.mixdojo");

    @FuzzTest(maxDuration = "5s")
    void anyPackOpensOrIsRefusedWithASentence(FuzzedDataProvider data) throws IOException {
        boolean yamlOnly = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        Files.write(FILE, yamlOnly ? packAround(bytes) : bytes);
        try {
            OpenedPack pack = AssignmentPack.open(FILE);
            assertThat(pack.assignment().questionPlan()).isNotEmpty();
        } catch (BadInputException e) {
            assertThat(e.getMessage()).contains(FILE.toString());
        }
    }

    /** A pack holding {@code yaml} as its assignment, with a manifest that matches it. */
    static byte[] packAround(byte[] yaml) throws IOException {
        String manifest = "{\"format\": \"" + AssignmentPack.PACK_FORMAT + "\", \"version\": 1, \"entries\": [{\"name\": \""
                + AssignmentPack.ASSIGNMENT_ENTRY + "\", \"size\": " + yaml.length + ", \"sha256\": \""
                + Digests.sha256Hex(yaml) + "\"}]}";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(AssignmentPack.ASSIGNMENT_ENTRY));
            zip.write(yaml);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(AssignmentPack.MANIFEST_ENTRY));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
