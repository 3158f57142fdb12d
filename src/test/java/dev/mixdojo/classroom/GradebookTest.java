package dev.mixdojo.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.CsvRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradebookTest {
    /** Due 23:59:59 in UTC+1 on 21 November, i.e. 22:59:59Z. */
    private static final OffsetDateTime DUE = OffsetDateTime.parse("2026-11-21T23:59:59+01:00");
    private static final Instant ON_TIME = Instant.parse("2026-11-21T22:59:59.900Z");
    private static final Instant LATE = Instant.parse("2026-11-21T23:00:00Z");

    @TempDir
    Path dir;

    private OpenedPack pack;
    private Path folder;

    @BeforeEach
    void makePack() throws Exception {
        pack = ClassroomFixtures.pack(dir.resolve("week3.zip"),
                ClassroomFixtures.assignment(AssignmentMode.EXAM, 2, 4242, Optional.of(DUE)));
        folder = Files.createDirectories(dir.resolve("handed-in"));
    }

    @Test
    void finishingAfterTheDueTimeIsFlaggedLate() {
        hand("Ana", ON_TIME, n -> true);
        hand("Ben", LATE, n -> true);
        Gradebook g = Gradebook.read(folder, Optional.of(pack));
        assertThat(row(g, "Ana").flags()).isEmpty();
        assertThat(row(g, "Ben").flags()).containsExactly(GradebookFlag.LATE);
        assertThat(row(g, "Ben").counted()).isTrue();
        // Without the pack, the due time signed into the results gives the same answer.
        assertThat(row(Gradebook.read(folder, Optional.empty()), "Ben").flags())
                .containsExactlyInAnyOrder(GradebookFlag.LATE, GradebookFlag.UNVERIFIED);
    }

    @Test
    void twoFilesOfOneStudentAndCopiedFilesAreFlaggedDuplicateAndCountedOnce() throws Exception {
        hand("Ana Souza", ON_TIME.minusSeconds(3600), n -> false);
        hand("  ana   SOUZA ", ON_TIME, n -> true);
        Path ben = hand("Ben", ON_TIME, n -> n <= 3);
        Files.copy(ben, folder.resolve("ben-copy.json"));
        hand("Cleo", ON_TIME, n -> n <= 3);
        Gradebook g = Gradebook.read(folder, Optional.of(pack));

        assertThat(g.students()).hasSize(5);
        List<StudentRow> anas = g.students().stream().filter(r -> r.student().toLowerCase().contains("ana")).toList();
        assertThat(anas).allSatisfy(r -> assertThat(r.flags()).containsExactly(GradebookFlag.DUPLICATE));
        assertThat(anas).filteredOn(StudentRow::counted).singleElement()
                .satisfies(r -> assertThat(r.scorePercent()).isEqualTo(100));
        List<StudentRow> bens = g.students().stream().filter(r -> r.student().equals("Ben")).toList();
        assertThat(bens).hasSize(2).allSatisfy(r -> {
            assertThat(r.flags()).containsExactly(GradebookFlag.DUPLICATE);
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("the same file as "));
        });
        assertThat(row(g, "Cleo").flags()).isEmpty();
        assertThat(g.classSize()).isEqualTo(3);
    }

    @Test
    void perQuestionAndPerSkillSharesCountRightFirstAnswersOverTheClass() {
        // Six questions: eq-octaves/octave 1-2 (eq / eq-band), eq-octaves/gain 3-4 (eq / eq-gain),
        // pan-positions/position 5-6 (panning / pan-position).
        List<IntPredicate> students = List.of(n -> true, n -> n % 2 == 1, n -> n <= 2, n -> false);
        for (int s = 0; s < students.size(); s++) {
            hand("Student " + s, ON_TIME, students.get(s));
        }
        Gradebook g = Gradebook.read(folder, Optional.of(pack));
        assertThat(g.classSize()).isEqualTo(4);

        for (QuestionShare q : g.questions()) {
            int n = q.question().number();
            long right = students.stream().filter(p -> p.test(n)).count();
            assertThat(q.right()).as("question %d", n).isEqualTo(right);
            assertThat(q.sharePercent()).isEqualTo(100.0 * right / 4);
        }
        assertThat(g.questions()).extracting(QuestionShare::sharePercent).containsExactly(75.0, 50.0, 50.0, 25.0, 50.0, 25.0);
        assertThat(g.skills()).extracting(SkillShare::skill, SkillShare::right, SkillShare::possible).containsExactly(
                org.assertj.core.groups.Tuple.tuple("eq / eq-band", 5, 8),
                org.assertj.core.groups.Tuple.tuple("eq / eq-gain", 3, 8),
                org.assertj.core.groups.Tuple.tuple("panning / pan-position", 3, 8));
        assertThat(row(g, "Student 1").scorePercent()).isEqualTo(50);
        assertThat(row(g, "Student 1").passed()).isFalse();
        assertThat(row(g, "Student 0").timeSpent()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void brokenFilesAreNamedInWarningsAndTheRestAreCounted() throws Exception {
        hand("Ana", ON_TIME, n -> true);
        Path bob = hand("Bob", ON_TIME, n -> true);
        Files.writeString(folder.resolve("garbage.json"), "{{{ not json");
        Files.writeString(folder.resolve("other.json"), "{\"format\": \"something-else\"}");
        byte[] truncated = Files.readAllBytes(bob);
        Files.write(bob, java.util.Arrays.copyOf(truncated, truncated.length / 2));
        Files.writeString(folder.resolve("readme.txt"), "not a results file and not looked at");
        Path newer = hand("Nora", ON_TIME, n -> true);
        Files.writeString(newer, Files.readString(newer).replace("\"version\": 1,", "\"version\": 2,"));
        Gradebook g = Gradebook.read(folder, Optional.of(pack));

        assertThat(g.warnings()).hasSize(4);
        assertThat(g.warnings()).contains(newer + ": it was written by a newer MixDojo (results format 2); update "
                + "MixDojo to count it.");
        assertThat(g.students()).extracting(StudentRow::student).containsExactly("Ana", "Bob");
        assertThat(g.warnings()).anySatisfy(w -> assertThat(w).startsWith(folder.resolve("garbage.json")
                + ": is not a readable MixDojo results file (it is not valid JSON); it was not counted."));
        assertThat(g.warnings()).anySatisfy(w -> assertThat(w).startsWith(folder.resolve("other.json")
                + ": is not a readable MixDojo results file (it is not a MixDojo results file)"));
        assertThat(g.warnings()).anySatisfy(w -> assertThat(w).startsWith(bob + ": is not a readable"));
        assertThat(row(g, "Ana").counted()).isTrue();
        assertThat(row(g, "Bob").flags()).containsExactly(GradebookFlag.TAMPERED);
        assertThat(g.classSize()).isEqualTo(1);
    }

    @Test
    void withoutTheAssignmentSignaturesAreNotCheckedButEditsOfTheTextStillShow() throws Exception {
        Path ana = hand("Ana", ON_TIME, n -> true);
        Files.writeString(ana, Files.readString(ana).replace("\"score\": 1,", "\"score\": 1.0,"));
        hand("Ben", ON_TIME, n -> true);
        Gradebook g = Gradebook.read(folder, Optional.empty());
        assertThat(g.signaturesChecked()).isFalse();
        assertThat(row(g, "Ana").notes()).first().isEqualTo("the file is not byte for byte as MixDojo wrote it");
        assertThat(row(g, "Ben").flags()).containsExactly(GradebookFlag.UNVERIFIED);
        assertThat(g.questions()).hasSize(6);
    }

    @Test
    void withoutThePackAnEditedScoreIsFlaggedUnverifiedInsteadOfShownAsAPlainPass() throws Exception {
        Path ana = hand("Ana", ON_TIME, n -> false);
        String text = Files.readString(ana);
        assertThat(text).contains("\"scorePercent\": 0,").contains("\"passed\": false");
        Files.writeString(ana, text.replace("\"scorePercent\": 0,", "\"scorePercent\": 100,")
                .replace("\"passed\": false", "\"passed\": true"));

        StudentRow alone = row(Gradebook.read(folder, Optional.empty()), "Ana");
        assertThat(alone.passed()).isTrue();
        assertThat(alone.flags()).containsExactly(GradebookFlag.UNVERIFIED);
        assertThat(alone.notes()).singleElement().asString().contains("could not be checked without the assignment file");
        assertThat(alone.checks()).contains("signature: not checked (no assignment file)",
                "pack: not compared (no assignment file)");
        String csv = GradebookFormat.CSV.render(Gradebook.read(folder, Optional.empty()));
        assertThat(CsvRows.parse(csv).get(1)).contains("yes", "Ana");

        StudentRow withPack = row(Gradebook.read(folder, Optional.of(pack)), "Ana");
        assertThat(withPack.flags()).containsExactly(GradebookFlag.TAMPERED);
        assertThat(withPack.checks()).contains("signature: wrong for this pack's key",
                "answers: not the plan's, or the score does not add up");
    }

    @Test
    void resultsForgedWithTheKeyFromThePackPassEveryCheckAndTheGradebookSaysWhatThatProves() {
        // What a student who unzips the pack can do: write all-correct answers under any name and sign them.
        Results forged = ClassroomFixtures.results(pack, "Somebody Else", ON_TIME, n -> true);
        ResultsWriter.write(folder.resolve("forged.json"), forged);

        Gradebook g = Gradebook.read(folder, Optional.of(pack));
        StudentRow row = row(g, "Somebody Else");
        assertThat(row.flags()).isEmpty();
        assertThat(row.checks()).containsExactly("text: byte for byte as MixDojo writes it",
                "pack: made from this pack file (SHA-256 " + pack.sha256().substring(0, 12) + "…)",
                "signature: valid for this pack's key (anyone holding the pack can sign)",
                "answers: the plan's questions, and the score adds up");
        String text = GradebookFormat.TEXT.render(g);
        assertThat(text).contains("which every\nstudent holding the pack has").contains("catches edited files, not a student who forges");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(GradebookText.WIDTH));
    }

    @Test
    void theCsvParsesBackToOneRowPerStudentAndTheClassSummary() {
        hand("Ana, \"the\" best", ON_TIME, n -> true);
        hand("=cmd|' /C calc'!A0", LATE, n -> n == 1);
        hand("Ben", ON_TIME, n -> n <= 4);
        Gradebook g = Gradebook.read(folder, Optional.of(pack));
        String csv = GradebookFormat.CSV.render(g);

        List<List<String>> rows = CsvRows.parse(csv);
        int blank1 = rows.indexOf(List.of(""));
        int blank2 = rows.subList(blank1 + 1, rows.size()).indexOf(List.of("")) + blank1 + 1;
        assertThat(rows.get(0)).isEqualTo(GradebookCsv.STUDENT_HEADER);
        List<List<String>> students = rows.subList(1, blank1);
        assertThat(students).hasSize(3).allSatisfy(r -> assertThat(r).hasSize(GradebookCsv.STUDENT_HEADER.size()));
        assertThat(students).extracting(r -> r.get(0)).containsExactly("'=cmd|' /C calc'!A0", "Ana, \"the\" best", "Ben");
        assertThat(students.get(0).subList(1, 7)).containsExactly("16.7", "fail", "600", "no", "yes", "no");
        assertThat(students.get(2).subList(1, 3)).containsExactly("66.7", "pass");
        assertThat(rows.get(blank1 + 1)).isEqualTo(GradebookCsv.QUESTION_HEADER);
        List<List<String>> questions = rows.subList(blank1 + 2, blank2);
        assertThat(questions).hasSize(6);
        assertThat(questions.get(0)).containsExactly("1", "eq-octaves", "octave", "1",
                Long.toString(pack.assignment().questionPlan().get(0).questionSeed()), "eq / eq-band", "3", "3", "100.0");
        assertThat(questions.get(4).get(8)).isEqualTo("33.3");
        assertThat(rows.get(blank2 + 1)).isEqualTo(GradebookCsv.SKILL_HEADER);
        assertThat(rows.subList(blank2 + 2, rows.size())).containsExactly(
                // eq-band is questions 1-2 (Ana 2, the second 1, Ben 2), eq-gain 3-4 (Ana 2, Ben 2), pan 5-6 (Ana 2).
                List.of("eq / eq-band", "5", "6", "83.3"), List.of("eq / eq-gain", "4", "6", "66.7"),
                List.of("panning / pan-position", "2", "6", "33.3"));
    }

    @Test
    void theTextFitsEightyColumnsAndTheHtmlAndJsonCarryTheSameNumbers() throws Exception {
        hand("A student whose name is much longer than any column could hold", LATE, n -> n <= 2);
        hand("<script>alert(1)</script>", ON_TIME, n -> true);
        Gradebook g = Gradebook.read(folder, Optional.of(pack));

        String text = GradebookFormat.TEXT.render(g);
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(text).contains("A student whose name is m…").contains("33.3%").contains("late");

        String html = GradebookFormat.HTML.render(g);
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("http")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("33.3 %");

        JsonNode json = new ObjectMapper().readTree(GradebookFormat.JSON.render(g));
        assertThat(json.path("classSize").asInt()).isEqualTo(2);
        assertThat(json.path("students").get(0).path("scorePercent").asDouble()).isEqualTo(100);
        assertThat(json.path("students").get(1).path("flags").get(0).asText()).isEqualTo("late");
        assertThat(json.path("questions").get(2).path("sharePercent").asDouble()).isEqualTo(50);
    }

    @Test
    void aMissingFolderIsBadInput() {
        assertThatThrownBy(() -> Gradebook.read(dir.resolve("nowhere"), Optional.empty()))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("nowhere: is not a folder of results files.");
    }

    private Path hand(String student, Instant finishedAt, IntPredicate right) {
        Results results = ClassroomFixtures.results(pack, student, finishedAt, right);
        Path file = folder.resolve(Integer.toHexString(student.hashCode()) + "-" + finishedAt.toEpochMilli() + ".json");
        ResultsWriter.write(file, results);
        return file;
    }

    private static StudentRow row(Gradebook g, String student) {
        return g.students().stream().filter(r -> r.student().equals(student)).findFirst().orElseThrow();
    }
}
