package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.ClassroomFixtures;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.web.Browsers;
import dev.mixdojo.web.LiveClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mixdojo classroom serve} end to end: it prints how to join, serves students, and ends when the teacher ends it. */
class ClassroomServeCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private String[] serve(Path pack, String... more) {
        String[] base = {"classroom", "serve", "--assignment", pack.toString(), "--bind", "127.0.0.1", "--port", "0",
            "--results", dir.resolve("results").toString(), "--lessons-dir",
            ClassroomFixtures.lessonFolder(dir.resolve("lessons")).toString(), "--data-dir", dir.resolve("data").toString(),
            "--cache-dir", dir.resolve("cache").toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void serveSaysHowToJoinTakesStudentsAndEndsWhenTheTeacherEndsTheSession() throws Exception {
        Path pack = dir.resolve("quiz.mixdojo");
        LiveFixtures.octavePack(pack, AssignmentMode.EXAM, 2);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() ->
                Main.run(serve(pack, "--mode", "own-headphones"), new PrintWriter(out), new PrintWriter(err)));
        Browsers.until("the projector's address printed", WAIT, () -> out.toString().contains("Projector"));
        String printed = out.toString();
        Matcher join = Pattern.compile("Students open (http://127\\.0\\.0\\.1:\\d+/) and type the code (\\d{3}) (\\d{3})")
                .matcher(printed);
        Matcher projector = Pattern.compile("Projector \\(this computer only\\): (http://127\\.0\\.0\\.1:\\d+/teacher#\\S+)")
                .matcher(printed);
        assertThat(join.find()).as(printed).isTrue();
        assertThat(projector.find()).as(printed).isTrue();
        assertThat(printed).contains("2 questions, own-headphones, exam").contains("█▀");

        HttpClient http = LiveClients.http();
        LiveClients.Student ana = LiveClients.Student.join(http, join.group(1), join.group(2) + join.group(3), "Ana");
        ana.awaitView("answering", 1, WAIT);
        LiveClients.Teacher teacher = LiveClients.Teacher.open(http, projector.group(1));
        teacher.awaitState(s -> s.path("seats").size() == 1, WAIT);
        teacher.command("end");
        assertThat(running.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("The session has ended. Read it with: mixdojo gradebook");
        try (var files = Files.list(dir.resolve("results"))) {
            assertThat(files.map(f -> f.getFileName().toString())).singleElement().asString()
                    .startsWith("live-quiz-ana-").endsWith("-live.results.json");
        }
    }

    @Test
    void aWrongModeOrAnAddressOutsideTheLocalNetworkIsOneSentence() {
        Path pack = dir.resolve("quiz.mixdojo");
        LiveFixtures.octavePack(pack, AssignmentMode.PRACTICE, 1);
        CliRunner mode = CliRunner.run(serve(pack, "--mode", "stadium"));
        assertThat(mode.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(mode.err().strip()).isEqualTo("--mode must be room or own-headphones, got 'stadium'.");
        String[] outside = serve(pack);
        outside[5] = "8.8.8.8";
        CliRunner address = CliRunner.run(outside);
        assertThat(address.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(address.err()).contains("local network address").doesNotContain("Exception");
    }
}
