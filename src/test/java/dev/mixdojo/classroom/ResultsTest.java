package dev.mixdojo.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.exercise.Grade;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {
    private static final Instant FINISHED = Instant.parse("2026-11-20T10:15:30.123Z");

    @TempDir
    Path dir;

    private OpenedPack pack;

    @BeforeEach
    void makePack() {
        pack = ClassroomFixtures.pack(dir.resolve("week3.zip"), ClassroomFixtures.assignment(AssignmentMode.EXAM, 2, 99,
                Optional.of(OffsetDateTime.parse("2026-11-21T23:59:59+01:00"))));
    }

    @Test
    void theScoreIsTheMeanCreditOfThePlanWithUnansweredQuestionsCountingZero() {
        List<PlannedQuestion> plan = pack.assignment().questionPlan();
        assertThat(plan).hasSize(6);
        List<AnsweredQuestion> answers = List.of(
                answer(plan.get(0), 1.0, true), answer(plan.get(1), 0.5, false), answer(plan.get(4), 0.25, false));
        Results results = new ResultsWriter(pack).sign("  Ana Souza ", FINISHED.minusSeconds(60), FINISHED, answers);
        assertThat(results.scorePercent()).isEqualTo(100 * (1.0 + 0.5 + 0.25) / 6, org.assertj.core.data.Offset.offset(0.005));
        assertThat(results.passed()).isFalse();
        assertThat(results.student()).isEqualTo("Ana Souza");
        assertThat(results.assignmentSha256()).isEqualTo(pack.sha256());
        Results all = ClassroomFixtures.results(pack, "Ben", FINISHED, n -> n != 2);
        assertThat(all.scorePercent()).isEqualTo(83.33);
        assertThat(all.passed()).isTrue();
    }

    @Test
    void theSignatureIsHmacSha256OfTheFileWithoutItsSignatureLine() throws Exception {
        Results results = ClassroomFixtures.results(pack, "Ana", FINISHED, n -> n % 2 == 0);
        Path file = ResultsWriter.writeInto(dir, results);
        String text = Files.readString(file);
        String signatureLine = text.lines().filter(l -> l.contains("\"signature\"")).findFirst().orElseThrow();
        String signed = text.replace(",\n" + signatureLine + "\n", "\n");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(pack.assignment().resultsKey(), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        assertThat(results.signature()).isEqualTo(expected);
        assertThat(signatureLine).contains(expected);
        assertThat(file.getFileName().toString()).isEqualTo("eq-week-3-ana-20261120-101530.results.json");
    }

    @Test
    void resultsReadBackEqualAndByteIdenticalEvenWithAwkwardNames() {
        PlannedQuestion first = pack.assignment().questionPlan().get(0);
        List<AnsweredQuestion> odd = List.of(new AnsweredQuestion(first, "tab\there\nnew line\u0001", "\ud800 lone",
                new Grade(1.0 / 3, true, -1e-9, "oct", "bell \u0007 \"quoted\" \\"), 7));
        for (String name : List.of("Zoë \"Z\" O'Brien, Jr.", "名前 🎧", "back\\slash", "=HYPERLINK(1)")) {
            Results results = new ResultsWriter(pack).sign(name, FINISHED, FINISHED, odd);
            String text = ResultsJson.write(results, true);
            Results back = ResultsJson.parse(text.getBytes(StandardCharsets.UTF_8));
            assertThat(back).isEqualTo(results);
            assertThat(ResultsJson.write(back, true)).isEqualTo(text);
        }
    }

    @Test
    void editingAnyByteOfTheAnswersIsReportedAsTampered() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("class"));
        Path file = ResultsWriter.writeInto(folder, ClassroomFixtures.results(pack, "Ana", FINISHED, n -> n % 3 != 0));
        byte[] original = Files.readAllBytes(file);
        String text = new String(original, StandardCharsets.UTF_8);
        int from = text.indexOf("\"answers\"");
        int to = text.indexOf("\"signature\"");
        assertThat(gradebook(folder).students()).singleElement().satisfies(r -> assertThat(r.flags()).isEmpty());

        List<String> missed = new ArrayList<>();
        java.util.Random random = new java.util.Random(17);
        for (int at = from; at < to; at++) {
            // Each byte once, replaced by a random other byte: letters, digits, quotes, spaces and broken UTF-8 alike.
            byte replacement = (byte) (original[at] + 1 + random.nextInt(255));
            byte[] edited = original.clone();
            edited[at] = replacement;
            Files.write(file, edited);
            List<StudentRow> rows = gradebook(folder).students();
            if (rows.size() != 1 || !rows.get(0).flags().contains(GradebookFlag.TAMPERED)
                    || !rows.get(0).student().equals("Ana") || rows.get(0).counted()) {
                missed.add(at + ": '" + (char) original[at] + "' -> '" + (char) replacement + "' gave " + rows);
            }
        }
        assertThat(to - from).isGreaterThan(1000);
        assertThat(missed).isEmpty();
    }

    @Test
    void editingAnySignedFieldOutsideTheAnswersIsReportedAsTampered() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("class"));
        Path file = ResultsWriter.writeInto(folder, ClassroomFixtures.results(pack, "Ana", FINISHED, n -> true));
        byte[] original = Files.readAllBytes(file);
        String text = new String(original, StandardCharsets.UTF_8);
        List<String> missed = new ArrayList<>();
        for (int at = 0; at < original.length; at++) {
            if (at == text.indexOf("\"answers\"")) {
                at = text.indexOf("\"scorePercent\"");
            }
            byte[] edited = original.clone();
            edited[at] = (byte) (original[at] == '1' ? '2' : '1');
            Files.write(file, edited);
            // A file edited beyond reading the student's name has no row but is named in a warning.
            Gradebook g = gradebook(folder);
            boolean flagged = g.students().size() == 1 && g.students().get(0).flags().contains(GradebookFlag.TAMPERED);
            boolean named = g.students().isEmpty() && g.warnings().size() == 1 && g.warnings().get(0).startsWith(file.toString());
            if (!flagged && !named) {
                missed.add(at + ": '" + (char) original[at] + "' gave " + g.students() + " " + g.warnings());
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void resultsSignedWithAnotherAssignmentsKeyOrForAnotherPackAreTampered() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("class"));
        OpenedPack forged = new OpenedPack(pack.file(), ClassroomFixtures.assignment(AssignmentMode.EXAM, 2, 99,
                pack.assignment().due()), pack.sha256(), pack.entries());
        ResultsWriter.writeInto(folder, ClassroomFixtures.results(forged, "Mallory", FINISHED, n -> true));
        Files.createDirectories(dir.resolve("song"));
        Files.writeString(dir.resolve("song/notes.txt"), "same assignment, one more file");
        Path other = dir.resolve("other.zip");
        AssignmentPack.write(other, pack.assignment(), AssignmentPack.materialFolder(dir.resolve("song")));
        OpenedPack otherPack = AssignmentPack.open(other);
        ResultsWriter.writeInto(folder, ClassroomFixtures.results(otherPack, "Olly", FINISHED, n -> true));
        Gradebook g = gradebook(folder);
        assertThat(g.students()).extracting(StudentRow::student).containsExactly("Mallory", "Olly");
        assertThat(g.students().get(0).notes()).contains("its signature does not match");
        assertThat(g.students().get(1).notes()).contains("it was made from a different assignment pack");
        assertThat(g.classSize()).isZero();
    }

    @Test
    void theWriterRefusesAnswersOutsideThePlanRepeatsInAnExamAndABlankName() {
        ResultsWriter writer = new ResultsWriter(pack);
        PlannedQuestion first = pack.assignment().questionPlan().get(0);
        PlannedQuestion invented = new PlannedQuestion(1, first.lessonId(), first.drillId(), first.area(), first.kind(),
                1, first.questionSeed() + 1);
        assertThatThrownBy(() -> writer.sign("Ana", FINISHED, FINISHED, List.of(answer(invented, 1, true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the plan");
        assertThatThrownBy(() -> writer.sign("Ana", FINISHED, FINISHED,
                List.of(answer(first, 0, false), answer(first, 1, true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("answered twice in an exam");
        assertThatThrownBy(() -> writer.sign("   ", FINISHED, FINISHED, List.of())).isInstanceOf(BadInputException.class)
                .hasMessage("Please type your name, so your teacher knows whose results these are.");
    }

    @Test
    void inPracticeRetriesAreKeptButOnlyTheFirstAnswerScores() {
        OpenedPack practice = ClassroomFixtures.pack(dir.resolve("practice.zip"),
                ClassroomFixtures.assignment(AssignmentMode.PRACTICE, 1, 5, Optional.empty()));
        List<PlannedQuestion> plan = practice.assignment().questionPlan();
        List<AnsweredQuestion> answers = new ArrayList<>(List.of(answer(plan.get(0), 0, false), answer(plan.get(0), 1, true)));
        Results results = new ResultsWriter(practice).sign("Ana", FINISHED, FINISHED, answers);
        assertThat(results.answers()).hasSize(2);
        assertThat(results.scorePercent()).isZero();
    }

    private Gradebook gradebook(Path folder) {
        return Gradebook.read(folder, Optional.of(pack));
    }

    private static AnsweredQuestion answer(PlannedQuestion q, double score, boolean correct) {
        return new AnsweredQuestion(q, "answer", "truth", new Grade(score, correct, 0.5, "dB", "close"), 1000);
    }
}
