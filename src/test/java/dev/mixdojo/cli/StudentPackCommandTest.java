package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.AssignmentQuestions;
import dev.mixdojo.classroom.ClassroomFixtures;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.PlannedQuestion;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.dsp.chain.ChainWriter;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Question;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mixdojo assignment student-pack} end to end: the student pack of an exam, unzipped or opened with the
 * command line, holds nothing the answers follow from — not the seeds, the results key, the chains that made the
 * processed versions, nor the true values — while the teacher's assignment file does hold the seeds and the key
 * (so the search below can find what it looks for).
 */
class StudentPackCommandTest {
    private static final int QUESTIONS = 6;

    @TempDir
    Path dir;

    private String[] withFolders(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--lessons-dir", ClassroomFixtures.lessonFolder(dir.resolve("lessons")).toString(),
                "--data-dir", dir.resolve("data").toString(), "--cache-dir", dir.resolve("cache").toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void aStudentPackUnzippedOrOpenedRevealsNoAnswer() throws IOException {
        Path teacher = dir.resolve("exam.mixdojo");
        OpenedPack pack = LiveFixtures.octavePack(teacher, AssignmentMode.EXAM, QUESTIONS);
        Path student = dir.resolve("exam-students.mixdojo");

        CliRunner made = CliRunner.run(withFolders("assignment", "student-pack", teacher.toString(), "--out",
                student.toString()));
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("Wrote " + student, QUESTIONS + " questions as audio and prompts only",
                "Keep " + teacher + ": it holds the answers.");

        // What the answers follow from, as the teacher's side knows it.
        LiveFixtures.Sources sources = LiveFixtures.Sources.under(dir.resolve("sources"));
        AssignmentQuestions generator = new AssignmentQuestions(pack.assignment(), sources.lessons(), sources.kinds(),
                sources.audio());
        byte[] resultsKey = pack.assignment().resultsKey();
        List<String> inTeacherFile = List.of(Base64.getEncoder().encodeToString(resultsKey),
                Long.toString(pack.assignment().seed()));
        List<String> secrets = new ArrayList<>(inTeacherFile);
        secrets.add(HexFormat.of().formatHex(resultsKey));
        List<String> chains = new ArrayList<>();
        List<Double> truths = new ArrayList<>();
        for (PlannedQuestion planned : pack.assignment().questionPlan()) {
            secrets.add(Long.toString(planned.questionSeed()));
            Question question = generator.question(planned);
            chains.add(ChainWriter.write(question.key().chain()));
            truths.add(question.key().truth());
            for (AnswerForm.Option option : ((AnswerForm.Choice) question.form()).options()) {
                truths.add(option.value());
            }
        }
        assertThat(chains).as("the drill's chains differ between questions").hasSizeGreaterThan(1);

        // The teacher's file holds the seed and the key in plain text: the search finds them there.
        String teacherText = textOf(unzip(teacher));
        assertThat(inTeacherFile).allMatch(teacherText::contains);

        Map<String, byte[]> entries = unzip(student);
        assertThat(entries.keySet()).contains("exam.json", "manifest.json", "audio/q1-a.wav", "audio/q1-b.wav")
                .hasSize(2 + 2 * QUESTIONS);
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String bytes = new String(entry.getValue(), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertThat(bytes).as("%s holds %s", entry.getKey(), secret).doesNotContain(secret);
            }
            for (String chain : chains) {
                assertThat(bytes).as(entry.getKey()).doesNotContain(chain);
            }
        }
        JsonNode exam = new ObjectMapper().readTree(entries.get("exam.json"));
        List<Double> numbers = new ArrayList<>();
        collectNumbers(exam, numbers);
        assertThat(numbers).as("numbers in exam.json").doesNotContainAnyElementsOf(truths);
        assertThat(exam.toString()).doesNotContain("seed", "key", "chain", "truth", "lesson", "eq-octaves");
        for (JsonNode question : exam.path("questions")) {
            assertThat(question.path("form").path("options")).allMatch(JsonNode::isTextual);
        }

        // The two versions are there to hear: readable, as long as each other, and different.
        for (int q = 1; q <= QUESTIONS; q++) {
            AudioBuffer a = read(entries.get("audio/q" + q + "-a.wav"));
            AudioBuffer b = read(entries.get("audio/q" + q + "-b.wav"));
            assertThat(a.frames()).isPositive().isEqualTo(b.frames());
            assertThat(Arrays.equals(a.channel(0), b.channel(0))).as("question %d's A and B", q).isFalse();
        }

        CliRunner opened = CliRunner.run("assignment", "open", student.toString());
        CliRunner openedJson = CliRunner.run("assignment", "open", student.toString(), "--json");
        assertThat(opened.exitCode()).as(opened.err()).isZero();
        assertThat(openedJson.exitCode()).as(openedJson.err()).isZero();
        assertThat(opened.out()).contains("Student exam pack: Octave boosts, live (live-quiz)",
                "Answers: not in this file", "Questions: " + QUESTIONS, "choice of 8");
        assertThat(new ObjectMapper().readTree(openedJson.out()).path("questions")).hasSize(QUESTIONS);
        for (String printed : List.of(opened.out(), openedJson.out())) {
            assertThat(printed).doesNotContain(secrets.toArray(String[]::new)).doesNotContain("eq-octaves");
        }
        CliRunner teacherOpened = CliRunner.run("assignment", "open", teacher.toString());
        assertThat(teacherOpened.out()).contains(Long.toString(pack.assignment().questionPlan().get(0).questionSeed()));
    }

    @Test
    void aStudentPackIsNotAnAssignmentAndAPracticeAssignmentHasNoStudentPack() {
        Path teacher = dir.resolve("exam.mixdojo");
        LiveFixtures.octavePack(teacher, AssignmentMode.EXAM, 1);
        Path student = dir.resolve("students.mixdojo");
        assertThat(CliRunner.run(withFolders("assignment", "student-pack", teacher.toString(), "--out",
                student.toString())).exitCode()).isZero();
        assertThatThrownBy(() -> AssignmentPack.open(student)).isInstanceOf(BadInputException.class)
                .hasMessage(student + ": a student exam pack (audio and prompts, no answers); this needs the"
                        + " assignment file made by 'assignment create'; students take a student pack on the app's"
                        + " Assignment screen.");

        CliRunner gradebook = CliRunner.run("gradebook", dir.resolve("results").toString(), "--assignment",
                student.toString());
        assertThat(gradebook.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(gradebook.err()).contains(student + ": a student exam pack (audio and prompts, no answers)").doesNotContain("Exception");

        Path practice = dir.resolve("practice.mixdojo");
        LiveFixtures.octavePack(practice, AssignmentMode.PRACTICE, 1);
        CliRunner refused = CliRunner.run(withFolders("assignment", "student-pack", practice.toString(), "--out",
                dir.resolve("p-students.mixdojo").toString()));
        assertThat(refused.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(refused.err().strip()).isEqualTo(practice + ": a practice assignment: hand it out as it is. A"
                + " student pack is for exams, whose answers stay with you.");
        assertThat(dir.resolve("p-students.mixdojo")).doesNotExist();

        CliRunner itself = CliRunner.run(withFolders("assignment", "student-pack", teacher.toString(), "--out",
                teacher.toString()));
        assertThat(itself.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(AssignmentPack.open(teacher).assignment().mode()).isEqualTo(AssignmentMode.EXAM);
    }

    private static Map<String, byte[]> unzip(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static String textOf(Map<String, byte[]> entries) {
        StringBuilder text = new StringBuilder();
        entries.values().forEach(bytes -> text.append(new String(bytes, StandardCharsets.ISO_8859_1)));
        return text.toString();
    }

    private static void collectNumbers(JsonNode node, List<Double> into) {
        if (node.isNumber()) {
            into.add(node.asDouble());
        }
        node.forEach(child -> collectNumbers(child, into));
    }

    private AudioBuffer read(byte[] wav) throws IOException {
        Path file = Files.createTempFile(dir, "version", ".wav");
        Files.write(file, wav);
        return AudioFiles.read(file, new Warnings());
    }
}
