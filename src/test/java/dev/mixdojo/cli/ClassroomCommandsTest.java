package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.classroom.AnsweredQuestion;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.ClassroomFixtures;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.PlannedQuestion;
import dev.mixdojo.classroom.ResultsWriter;
import dev.mixdojo.exercise.Grade;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassroomCommandsTest {
    @TempDir
    Path dir;

    private Path lessons;

    private record Run(int code, String out, String err) {
    }

    @BeforeEach
    void lessons() {
        lessons = ClassroomFixtures.lessonFolder(dir.resolve("lessons"));
    }

    @Test
    void createThenOpenShowsTheSamePlanToEveryone() throws Exception {
        Path file = dir.resolve("eq-week-3.mixdojo");
        Run create = run("assignment", "create", "--lessons-dir", lessons.toString(), "--lesson", "eq-octaves",
                "--drill", "pan-positions:position", "--questions", "3", "--seed", "-77", "--mode", "exam",
                "--pass", "62.5", "--due", "2026-12-01T17:00+01:00", "--out", file.toString());
        assertThat(create.code()).as(create.err()).isZero();
        assertThat(create.out()).contains("Wrote " + file + ": \"Hearing octave boosts + Where is it panned?\", 9 "
                + "questions from 3 drills, exam, pass mark 62.5 %, due 2026-12-01T17:00+01:00.");

        Path copy = Files.copy(file, dir.resolve("student-copy.mixdojo"));
        Run first = run("assignment", "open", file.toString());
        Run second = run("assignment", "open", copy.toString());
        assertThat(first.code()).isZero();
        assertThat(first.out()).isEqualTo(second.out());
        assertThat(first.out()).contains("Assignment: Hearing octave boosts + Where is it panned? (eq-week-3)",
                "Mode: exam (fixed rounds, no retries, no hints, no meters or spectrum)", "Pass mark: 62.5 %",
                "Due: 2026-12-01T17:00+01:00", "Questions: 9");
        List<PlannedQuestion> plan = AssignmentPack.open(file).assignment().questionPlan();
        for (PlannedQuestion q : plan) {
            assertThat(first.out()).containsPattern("(?m)^\\s+" + q.number() + "\\s+" + q.lessonId() + "\\s+" + q.drillId()
                    + "\\s+" + q.questionIndex() + "\\s+" + q.questionSeed() + "$");
        }

        JsonNode json = new ObjectMapper().readTree(run("assignment", "open", "--json", file.toString()).out());
        assertThat(json.path("questions")).hasSize(9);
        assertThat(json.path("questions").get(8).path("seed").asLong()).isEqualTo(plan.get(8).questionSeed());
        assertThat(json.path("modeFlags").path("retriesAllowed").asBoolean()).isFalse();
        assertThat(json.path("seed").asLong()).isEqualTo(-77);
    }

    @Test
    void badInputExitsTwoWithOneSentenceAndNoStackTrace() throws Exception {
        String out = dir.resolve("a.mixdojo").toString();
        assertBadInput(run("assignment", "create", "--lessons-dir", lessons.toString(), "--lesson", "mastering",
                "--questions", "3", "--seed", "1", "--mode", "exam", "--pass", "50", "--out", out),
                "There is no lesson 'mastering'; the lessons are eq-octaves, pan-positions.");
        assertBadInput(run("assignment", "create", "--lessons-dir", lessons.toString(), "--drill", "eq-octaves:cut",
                "--questions", "3", "--seed", "1", "--mode", "exam", "--pass", "50", "--out", out),
                "The lesson 'eq-octaves' has no drill 'cut'; its drills are octave, gain.");
        assertBadInput(run("assignment", "create", "--lessons-dir", lessons.toString(), "--lesson", "eq-octaves",
                "--questions", "3", "--seed", "1", "--mode", "quiz", "--pass", "50", "--out", out),
                "--mode must be practice or exam, got 'quiz'.");
        assertBadInput(run("assignment", "create", "--lessons-dir", lessons.toString(), "--lesson", "eq-octaves",
                "--questions", "3", "--seed", "1", "--mode", "exam", "--pass", "50", "--due", "friday", "--out", out),
                "--due 'friday' should be a date like 2026-12-01 or a date-time like 2026-12-01T17:00 or "
                        + "2026-12-01T17:00+01:00.");
        assertBadInput(run("assignment", "create", "--lessons-dir", dir.resolve("none").toString(), "--lesson", "x",
                "--questions", "3", "--seed", "1", "--mode", "exam", "--pass", "50", "--out", out),
                dir.resolve("none") + ": is not a folder of lessons.");
        assertThat(Files.exists(Path.of(out))).isFalse();

        Path notAPack = Files.writeString(dir.resolve("homework.mixdojo"), "hello");
        Run open = run("assignment", "open", notAPack.toString());
        assertThat(open.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(open.err()).startsWith("The assignment pack " + notAPack + " is damaged or was changed:")
                .doesNotContain("\tat ");
        assertBadInput(run("gradebook", dir.resolve("none").toString()), dir.resolve("none")
                + ": is not a folder of results files.");
        assertBadInput(run("gradebook", dir.toString(), "--format", "pdf"),
                "--format must be one of text, csv, json, html, got 'pdf'.");
    }

    @Test
    void theGradebookReadsAFolderWarnsAboutBrokenFilesAndWritesEachFormat() throws Exception {
        Path file = dir.resolve("week.mixdojo");
        assertThat(run("assignment", "create", "--lessons-dir", lessons.toString(), "--lesson", "pan-positions",
                "--questions", "4", "--seed", "5", "--mode", "practice", "--pass", "50", "--due", "2026-11-30",
                "--out", file.toString()).code()).isZero();
        OpenedPack pack = AssignmentPack.open(file);
        Path folder = Files.createDirectories(dir.resolve("results"));
        Instant finished = Instant.parse("2026-11-20T12:00:00Z");
        for (String student : List.of("Ana", "Ben", "Cleo")) {
            List<AnsweredQuestion> answers = new ArrayList<>();
            for (PlannedQuestion q : pack.assignment().questionPlan()) {
                boolean right = q.number() <= student.length();
                answers.add(new AnsweredQuestion(q, "30% left", "30% left", new Grade(right ? 1 : 0, right, 0, "%",
                        right ? "spot on" : "too far left"), 2000));
            }
            ResultsWriter.writeInto(folder, new ResultsWriter(pack).sign(student, finished.minusSeconds(90), finished,
                    answers));
        }
        Files.writeString(folder.resolve("broken.json"), "{");

        Run text = run("gradebook", folder.toString(), "--assignment", file.toString());
        assertThat(text.code()).isZero();
        assertThat(text.err().strip()).isEqualTo(folder.resolve("broken.json")
                + ": is not a readable MixDojo results file (it is not valid JSON); it was not counted.");
        assertThat(text.out()).contains("Signatures checked with the assignment pack.")
                .containsPattern("Ana\\s+75.0%\\s+pass\\s+1:30").containsPattern("Cleo\\s+100.0%\\s+pass");

        for (String format : List.of("csv", "json", "html")) {
            Path out = dir.resolve("gradebook." + format);
            Run written = run("gradebook", folder.toString(), "--assignment", file.toString(), "--format", format,
                    "--out", out.toString());
            assertThat(written.code()).isZero();
            assertThat(written.out().strip()).isEqualTo("Wrote " + out + ": 3 results files.");
            assertThat(Files.size(out)).isPositive();
        }
        assertThat(Files.readString(dir.resolve("gradebook.csv"))).startsWith("student,score_percent,")
                .contains("\r\nAna,75.0,pass,90,no,no,no,yes,,");
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertBadInput(Run run, String sentence) {
        assertThat(run.code()).as(run.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo(sentence);
        assertThat(run.out()).isEmpty();
    }
}
