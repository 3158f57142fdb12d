package dev.mixdojo.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssignmentPackTest {
    @TempDir
    Path dir;

    @Test
    void twoStudentsOpeningCopiesOfTheSameFileGetIdenticalQuestionPlans() throws Exception {
        Path teacher = dir.resolve("teacher/week3.mixdojo");
        ClassroomFixtures.pack(teacher, ClassroomFixtures.assignment(AssignmentMode.EXAM, 5, 20261125L, Optional.empty()));
        Path ana = Files.createDirectories(dir.resolve("ana")).resolve("week3.mixdojo");
        Path ben = Files.createDirectories(dir.resolve("ben")).resolve("w3.zip");
        Files.copy(teacher, ana);
        Files.copy(teacher, ben);

        List<PlannedQuestion> anaPlan = AssignmentPack.open(ana).assignment().questionPlan();
        List<PlannedQuestion> benPlan = AssignmentPack.open(ben).assignment().questionPlan();

        assertThat(anaPlan).hasSize(15).isEqualTo(benPlan);
        assertThat(anaPlan).extracting(PlannedQuestion::questionSeed).doesNotHaveDuplicates();
        assertThat(anaPlan.get(0)).isEqualTo(new PlannedQuestion(1, "eq-octaves", "octave", "eq", "eq-band", 1,
                referenceSeed(20261125L, "eq-octaves", "octave", 1)));
        assertThat(anaPlan.get(14)).isEqualTo(new PlannedQuestion(15, "pan-positions", "position", "panning",
                "pan-position", 5, referenceSeed(20261125L, "pan-positions", "position", 5)));
    }

    @Test
    void thePlanDependsOnTheSeedAndDrillsButNotOnTheKey() {
        Assignment first = ClassroomFixtures.assignment(AssignmentMode.PRACTICE, 3, 7, Optional.empty());
        Assignment second = ClassroomFixtures.assignment(AssignmentMode.PRACTICE, 3, 7, Optional.empty());
        Assignment otherSeed = ClassroomFixtures.assignment(AssignmentMode.PRACTICE, 3, 8, Optional.empty());
        assertThat(first.resultsKeyBase64()).isNotEqualTo(second.resultsKeyBase64());
        assertThat(first.resultsKey()).hasSize(32);
        assertThat(first.questionPlan()).isEqualTo(second.questionPlan());
        assertThat(otherSeed.questionPlan()).extracting(PlannedQuestion::questionSeed)
                .doesNotContainAnyElementsOf(first.questionPlan().stream().map(PlannedQuestion::questionSeed).toList());
    }

    @Test
    void materialTravelsInThePackAndUnpacksToTheSameBytes() throws Exception {
        Path song = Files.createDirectories(dir.resolve("lofi-song/stems"));
        byte[] stem = new byte[200_000];
        new java.util.Random(3).nextBytes(stem);
        Files.write(song.resolve("bass.raw"), stem);
        Files.writeString(dir.resolve("lofi-song/material.yaml"), "name: lofi\n");
        Path file = dir.resolve("pack.zip");
        AssignmentPack.write(file, ClassroomFixtures.assignment(AssignmentMode.EXAM, 2, 1, Optional.empty()),
                AssignmentPack.materialFolder(dir.resolve("lofi-song")));

        OpenedPack pack = AssignmentPack.open(file);
        assertThat(pack.material()).extracting(PackEntry::name)
                .containsExactly("material/lofi-song/material.yaml", "material/lofi-song/stems/bass.raw");
        Path target = dir.resolve("unpacked");
        pack.unpackMaterial(List.of("material/lofi-song/stems/bass.raw"), target);
        assertThat(Files.readAllBytes(target.resolve("lofi-song/stems/bass.raw"))).isEqualTo(stem);
        assertThat(target.resolve("lofi-song/material.yaml")).as("only the entries asked for").doesNotExist();
        assertThat(pack.sha256()).isEqualTo(sha256Hex(Files.readAllBytes(file)));
    }

    @Test
    void aMixChallengeTravelsWithItsStemsAndTargetAndReadsBackTheSame() throws Exception {
        Path stems = Files.createDirectories(dir.resolve("week3"));
        Files.write(stems.resolve("Kick.wav"), new byte[100]);
        Files.write(stems.resolve("Bass.WAV"), new byte[100]);
        Files.writeString(stems.resolve("notes.txt"), "not a stem");
        Path target = Files.write(dir.resolve("reference.wav"), new byte[100]);
        List<AssignmentPack.MaterialFile> material = new java.util.ArrayList<>();
        AssignmentMixChallenge challenge = AssignmentPack.mixChallenge(stems, target, material);
        Assignment assignment = ClassroomFixtures.assignment(AssignmentMode.PRACTICE, 1, 5, Optional.empty())
                .withMixChallenge(challenge);
        Path file = dir.resolve("mix.zip");
        AssignmentPack.write(file, assignment, material);

        OpenedPack pack = AssignmentPack.open(file);
        assertThat(pack.assignment()).isEqualTo(assignment);
        assertThat(pack.assignment().mixChallenge()).contains(new AssignmentMixChallenge("material/week3/", "material/reference.wav"));
        assertThat(challenge.stemEntries(pack.entries().stream().map(PackEntry::name).toList()))
                .containsExactly("material/week3/Bass.WAV", "material/week3/Kick.wav");
    }

    @Test
    void aMixChallengeWhoseTargetIsNotInThePackIsRefused() {
        Assignment assignment = ClassroomFixtures.assignment(AssignmentMode.PRACTICE, 1, 5, Optional.empty())
                .withMixChallenge(new AssignmentMixChallenge("material/week3/", "material/reference.wav"));
        Path file = dir.resolve("no-target.zip");
        AssignmentPack.write(file, assignment, List.of());
        assertThatThrownBy(() -> AssignmentPack.open(file)).isInstanceOf(BadInputException.class)
                .hasMessage("The assignment pack " + file + " is damaged or was changed: the mix challenge's stems folder"
                        + " material/week3/ holds no audio files.");
        assertThatThrownBy(() -> new AssignmentMixChallenge("material/week3/", "material/week3/target.wav"))
                .hasMessageContaining("should not be in the stems folder");
        assertThatThrownBy(() -> new AssignmentMixChallenge("material/../x/", "material/t.wav"))
                .hasMessageContaining("should be a folder under material/");
    }

    @Test
    void aPackWithOneChangedByteInTheAssignmentIsRefused() throws Exception {
        Path file = goodPack();
        Path changed = rewrite(file, entries -> {
            byte[] yaml = entries.get("assignment.yaml");
            int at = new String(yaml, StandardCharsets.UTF_8).indexOf("seed: ") + 6;
            yaml[at] = (byte) (yaml[at] == '9' ? '8' : '9');
        });
        assertThatThrownBy(() -> AssignmentPack.open(changed)).isInstanceOf(BadInputException.class)
                .hasMessage("The assignment pack " + changed + " is damaged or was changed: assignment.yaml does not "
                        + "match its size and SHA-256 in manifest.json.");
    }

    @Test
    void aPackWithOneChangedByteOfMaterialIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("song"));
        Files.write(dir.resolve("song/take.raw"), new byte[5000]);
        Path file = dir.resolve("pack.zip");
        AssignmentPack.write(file, ClassroomFixtures.assignment(AssignmentMode.EXAM, 2, 1, Optional.empty()),
                AssignmentPack.materialFolder(dir.resolve("song")));
        Path changed = rewrite(file, entries -> entries.get("material/song/take.raw")[4321] = 1);
        assertThatThrownBy(() -> AssignmentPack.open(changed)).hasMessageContaining("is damaged or was changed: "
                + "material/song/take.raw does not match its size and SHA-256");
    }

    @Test
    void aPackWithAnAddedEntryIsRefused() throws Exception {
        Path changed = rewrite(goodPack(), entries -> entries.put("material/extra.txt", "hello".getBytes()));
        assertThatThrownBy(() -> AssignmentPack.open(changed)).isInstanceOf(BadInputException.class)
                .hasMessage("The assignment pack " + changed + " is damaged or was changed: material/extra.txt is not "
                        + "listed in manifest.json.");
    }

    @Test
    void aPackWithARemovedEntryIsRefused() throws Exception {
        Path changed = rewrite(goodPack(), entries -> entries.remove("assignment.yaml"));
        assertThatThrownBy(() -> AssignmentPack.open(changed))
                .hasMessage("The assignment pack " + changed + " is damaged or was changed: assignment.yaml is listed "
                        + "in manifest.json but missing.");
        Path noManifest = rewrite(goodPack(), entries -> entries.remove("manifest.json"));
        assertThatThrownBy(() -> AssignmentPack.open(noManifest))
                .hasMessageContaining("is damaged or was changed: manifest.json is missing");
    }

    @Test
    void aFileThatIsNotAZipIsRefusedWithASentence() throws Exception {
        Path file = dir.resolve("notes.mixdojo");
        Files.writeString(file, "these are my notes, not an assignment");
        assertThatThrownBy(() -> AssignmentPack.open(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("The assignment pack " + file + " is damaged or was changed: it is not a "
                        + "readable zip file");
        byte[] good = Files.readAllBytes(goodPack());
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> AssignmentPack.open(truncated)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is damaged or was changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "material/../../evil.txt", "/etc/cron.d/evil", "C:/Windows/evil.dll",
            "c:evil", "material\\..\\..\\evil.txt", "material/./x", "material//x"})
    void entriesThatWouldUnpackOutsideTheFolderAreRefused(String name) throws Exception {
        Path changed = rewrite(goodPack(), entries -> entries.put(name, "boo".getBytes()));
        assertThatThrownBy(() -> AssignmentPack.open(changed)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("The assignment pack " + changed + " was refused: its entry '" + name
                        + "' would unpack outside its folder (");
    }

    @Test
    void anEntryThatInflatesBeyondItsDeclaredSizeIsRefusedAsAZipBomb() throws Exception {
        byte[] zeros = new byte[20 << 20];
        Path bomb = rewrite(goodPack(), entries -> {
            entries.put("material/bomb.raw", zeros);
            String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
            entries.put("manifest.json", manifest.replace("\"entries\" : [", "\"entries\" : [ {\"name\": "
                    + "\"material/bomb.raw\", \"size\": 1000, \"sha256\": \"" + "0".repeat(64) + "\"},")
                    .getBytes(StandardCharsets.UTF_8));
        });
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertThatThrownBy(() -> AssignmentPack.open(bomb)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is damaged or was changed: material/bomb.raw does not match its size");

        // A real bomb also lies in the zip's own central directory, so only counting while inflating catches it.
        byte[] bytes = Files.readAllBytes(bomb);
        byte[] name = "material/bomb.raw".getBytes(StandardCharsets.UTF_8);
        int header = centralHeaderOf(bytes, name);
        ByteBuffer.wrap(bytes, header + 24, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(1000);
        Files.write(bomb, bytes);
        assertThatThrownBy(() -> AssignmentPack.open(bomb)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("material/bomb.raw unpacks to more than the 1000 bytes its manifest line declares");
    }

    @Test
    void aPackWhoseHonestManifestUnpacksToHundredsOfMegabytesOfZerosIsRefusedBeforeInflating() throws Exception {
        byte[] zeros = new byte[256 << 20];
        String zerosSha = sha256Hex(zeros);
        Path bomb = rewrite(goodPack(), entries -> {
            entries.put("material/zeros.raw", zeros);
            String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
            entries.put("manifest.json", manifest.replace("\"entries\" : [", "\"entries\" : [ {\"name\": "
                    + "\"material/zeros.raw\", \"size\": " + zeros.length + ", \"sha256\": \"" + zerosSha + "\"},")
                    .getBytes(StandardCharsets.UTF_8));
        });
        assertThat(Files.size(bomb)).isLessThan(1 << 20);

        long cpuBefore = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        assertThatThrownBy(() -> AssignmentPack.open(bomb)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is damaged or was changed: its entries would unpack to 256.0 MiB")
                .hasMessageContaining("more than 200 times its size");
        long cpuMs = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        System.out.printf("Refusing a 256 MiB zero entry took %d ms of CPU%n", cpuMs);
    }

    @Test
    void yamlNumberFormsInThePacksAssignmentAreNamedWithLineAndColumnNotAsABrokenZip() throws Exception {
        Path bad = rewrite(goodPack(), entries -> {
            String yaml = new String(entries.get("assignment.yaml"), StandardCharsets.UTF_8)
                    .replaceFirst("passPercent: [0-9.]+", "passPercent: .nan");
            byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
            String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
            String oldHash = sha256Hex(entries.get("assignment.yaml"));
            int oldSize = entries.get("assignment.yaml").length;
            entries.put("assignment.yaml", bytes);
            entries.put("manifest.json", manifest.replace(oldHash, sha256Hex(bytes))
                    .replace("\"size\" : " + oldSize, "\"size\" : " + bytes.length).getBytes(StandardCharsets.UTF_8));
        });
        assertThatThrownBy(() -> AssignmentPack.open(bad)).isInstanceOf(BadInputException.class)
                .hasMessageMatching("(?s).*!/assignment\\.yaml:\\d+:\\d+: .*passPercent must be a finite decimal number.*'\\.nan'.*")
                .hasMessageNotContaining("not a readable zip").hasMessageNotContaining("For input string");
    }

    /** Where the central-directory header (PKWARE APPNOTE 4.3.12, signature 0x02014b50) of an entry starts. */
    private static int centralHeaderOf(byte[] zip, byte[] name) {
        for (int i = 0; i + 46 + name.length <= zip.length; i++) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x01 && zip[i + 3] == 0x02
                    && java.util.Arrays.equals(zip, i + 46, i + 46 + name.length, name, 0, name.length)) {
                return i;
            }
        }
        throw new AssertionError("no central directory header for the entry");
    }

    @Test
    void aPackFromANewerMixDojoSaysSo() throws Exception {
        Path newer = rewrite(goodPack(), entries -> entries.put("manifest.json", new String(entries.get("manifest.json"),
                StandardCharsets.UTF_8).replace("\"version\" : 1", "\"version\" : 2").getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> AssignmentPack.open(newer)).hasMessageContaining("was made by a newer MixDojo");
    }

    @Test
    void anInvalidManifestWhoseHashesMatchReportsFileLineAndColumn() throws Exception {
        Path bad = rewrite(goodPack(), entries -> {
            String yaml = new String(entries.get("assignment.yaml"), StandardCharsets.UTF_8).replace("mode: exam",
                    "mode: quiz");
            byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
            String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
            String oldHash = sha256Hex(entries.get("assignment.yaml"));
            entries.put("assignment.yaml", bytes);
            entries.put("manifest.json", manifest.replace(oldHash, sha256Hex(bytes))
                    .replace("\"size\" : " + (bytes.length + 1), "\"size\" : " + bytes.length)
                    .getBytes(StandardCharsets.UTF_8));
        });
        assertThatThrownBy(() -> AssignmentPack.open(bad)).isInstanceOf(BadInputException.class)
                .hasMessageMatching(".*!/assignment\\.yaml:\\d+:7: the assignment mode must be one of practice, exam, "
                        + "got 'quiz'");
    }

    private Path goodPack() {
        Path file = dir.resolve("good-" + System.nanoTime() + ".zip");
        ClassroomFixtures.pack(file, ClassroomFixtures.assignment(AssignmentMode.EXAM, 4, 123456789L, Optional.empty()));
        return file;
    }

    /** Copies a pack entry by entry, letting {@code change} edit the entries on the way. */
    private Path rewrite(Path from, Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(from.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        change.accept(entries);
        Path to = dir.resolve("changed-" + System.nanoTime() + ".zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.write(to, bytes.toByteArray());
        return to;
    }

    /** The documented question-seed rule, computed here independently of the production code. */
    private static long referenceSeed(long seed, String lesson, String drill, int index) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest((seed + "\n" + lesson + "\n" + drill + "\n" + index).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(hash, 0, 8).getLong();
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
