package dev.mixdojo.ui.projector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentQuestions;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.ResultsWriter;
import dev.mixdojo.classroom.StudentRow;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.classroom.live.LiveSession;
import dev.mixdojo.classroom.live.SessionMode;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.FailOnFxExceptions;
import dev.mixdojo.ui.Theme;
import dev.mixdojo.ui.exam.DrillSources;
import dev.mixdojo.ui.exam.ExamFixtures;
import dev.mixdojo.web.LiveClients;
import dev.mixdojo.web.LiveServer;
import dev.mixdojo.web.ServerLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A teacher runs a live session from the Projector screen: opens an assignment, starts, students join from their
 * devices (a WebSocket client here, as in LiveClassTest), the screen counts them and their answers, plays the
 * question's A/B, reveals with the class's answers, and stops; the results file is where the gradebook reads it.
 */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class LiveProjectorScreenTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path root;

    private final AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
    private final ExecutorService worker = Executors.newFixedThreadPool(2);
    private DrillSources sources;
    private LiveRoomModel live;

    @Start
    void start(Stage stage) {
        sources = ExamFixtures.sources(root);
        ProjectorViewModel drills = new ProjectorViewModel(audio, worker, Platform::runLater, () -> sources, () -> 5L);
        live = new LiveRoomModel(audio, worker, Platform::runLater, () -> sources, root.resolve("results"),
                port -> new LiveServer.Options(InetAddress.getLoopbackAddress(), 0, ServerLimits.CLASSROOM));
        Scene scene = new Scene(new ProjectorView(drills, live, worker), 1280, 800);
        Theme.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        live.close();
        worker.shutdownNow();
        audio.close();
    }

    @Test
    void aSessionStartedOnTheScreenCountsAnswersRevealsAndLeavesVerifiedResults(FxRobot robot) throws Exception {
        Path file = root.resolve("quiz.mixdojo");
        OpenedPack pack = LiveFixtures.octavePack(file, AssignmentMode.PRACTICE, 2);
        String truth = new AssignmentQuestions(pack.assignment(), sources.lessons(), sources.kinds(),
                sources.audio().forAnotherThread()).question(pack.assignment().questionPlan().get(0)).key().truthLabel();

        robot.interact(() -> robot.lookup("#live-assignment").queryAs(TextField.class).setText(file.toString()));
        robot.clickOn("#live-start");
        Label code = robot.lookup("#live-code").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !code.getText().isEmpty());
        String address = robot.lookup("#live-join-address").queryAs(Label.class).getText();
        assertThat(address).startsWith("http://127.0.0.1:");
        String digits = code.getText().replace(" ", "");
        assertThat(digits).matches("[0-9]{6}");
        // The QR code on the screen, read by an independent decoder, is the join link with the code.
        assertThat(decodeQr(robot.lookup("#live-qr").queryAs(Canvas.class))).isEqualTo(address + "#code=" + digits);
        assertThat(shown(robot.lookup("#drill-play").query())).as("the drill's play button in a live session").isFalse();

        HttpClient http = LiveClients.http();
        String projectorPage = live.projectorAddressProperty().get();
        LiveClients.Teacher page = LiveClients.Teacher.open(http, projectorPage);
        LiveClients.Student ana = LiveClients.Student.join(http, address, digits, "Ana");
        LiveClients.Student ben = LiveClients.Student.join(http, address, digits, "Ben");
        Label counts = robot.lookup("#live-counts").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> counts.getText().equals("0 answered · 2 joined · 2 connected"));

        robot.type(KeyCode.N);
        Label question = robot.lookup("#live-question").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> question.getText().equals("Question 1 of 2"));
        assertThat(robot.lookup("#live-prompt").queryAs(Label.class).getText()).isNotEmpty();
        Button play = robot.lookup("#live-play").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !play.isDisabled());
        robot.clickOn("#live-play");
        assertThat(audio.engine().isPlaying()).isTrue();
        robot.clickOn("#live-b");
        assertThat(audio.engine().activeSource()).isEqualTo("b");
        robot.type(KeyCode.A);
        assertThat(audio.engine().activeSource()).isEqualTo("a");
        assertThat(robot.lookup("#live-truth").queryAs(Label.class).getText()).isEmpty();

        ana.awaitView("answering", 1, WAIT);
        ana.choose(1, truth);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> counts.getText().startsWith("1 answered"));
        ben.awaitView("answering", 1, WAIT);
        ben.choose(1, truth.endsWith("kHz") ? "63 Hz" : "8 kHz");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> counts.getText().startsWith("2 answered"));

        robot.clickOn("#live-reveal");
        Label shownTruth = robot.lookup("#live-truth").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shownTruth.getText().equals("Answer: " + truth));
        HBox bars = robot.lookup("#live-histogram").queryAs(HBox.class);
        assertThat(bars.getChildren()).hasSize(8);
        assertThat(robot.lookup(".live-bar.truth").queryAll()).hasSize(1);
        // The projector page in a browser follows the session the screen drives.
        page.awaitState(s -> s.path("phase").asText().equals("revealed")
                && s.path("histogram").path("truth").asText().equals(truth), WAIT);
        ana.awaitView("revealed", 1, WAIT);

        robot.clickOn("#live-stop");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> live.stateProperty().get() == LiveRoomModel.State.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#live-message").queryAs(Label.class).getText()).contains(root.resolve("results").toString());
        ana.await(m -> m.path("type").asText().equals("view") && m.path("phase").asText().equals("finished"), WAIT);

        Gradebook book = Gradebook.read(root.resolve("results"), Optional.of(pack));
        assertThat(book.warnings()).isEmpty();
        assertThat(book.students()).extracting(StudentRow::student).containsExactlyInAnyOrder("Ana", "Ben");
        for (StudentRow row : book.students()) {
            assertThat(row.flags()).as(row.student()).isEmpty();
            assertThat(row.counted()).isTrue();
            assertThat(row.scorePercent()).as(row.student()).isEqualTo(row.student().equals("Ana") ? 50.0 : 0.0);
        }
        // Back to the drill, whose question plays again.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(robot.lookup("#drill-play").query()));
    }

    @Test
    void anOwnHeadphonesSessionFromTheScreenLetsEachStudentPlayAndAnswerAtTheirOwnPace(FxRobot robot) throws Exception {
        Path file = root.resolve("own-pace.mixdojo");
        OpenedPack pack = LiveFixtures.octavePack(file, AssignmentMode.PRACTICE, 2);
        robot.interact(() -> robot.lookup("#live-assignment").queryAs(TextField.class).setText(file.toString()));
        // Clicked as nodes: in the window that shows them, whichever window the robot used last.
        robot.clickOn(robot.lookup("#live-mode-headphones").<Node>query());
        robot.clickOn(robot.lookup("#live-start").<Node>query());
        Label code = robot.lookup("#live-code").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !code.getText().isEmpty());
        assertThat(live.session().orElseThrow().info().mode()).isEqualTo(SessionMode.OWN_HEADPHONES);
        Label question = robot.lookup("#live-question").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> question.getText().equals("Own headphones: each student"
                + " plays A/B on their device and answers the 2 questions at their own pace."));
        // The room's controls are not the teacher's here: each device plays its own A/B.
        for (String roomOnly : new String[] {"#live-play", "#live-a", "#live-b", "#live-reveal", "#live-next"}) {
            assertThat(shown(robot.lookup(roomOnly).query())).as(roomOnly).isFalse();
        }
        assertThat(shown(robot.lookup("#live-stop").query())).isTrue();

        HttpClient http = LiveClients.http();
        String address = robot.lookup("#live-join-address").queryAs(Label.class).getText();
        LiveClients.Student ana = LiveClients.Student.join(http, address, code.getText().replace(" ", ""), "Ana");
        Label counts = robot.lookup("#live-counts").queryAs(Label.class);
        // Nobody presses Next: the first question is Ana's as soon as she joins, with both versions to download.
        ana.awaitView("answering", 1, WAIT);
        for (String letter : new String[] {"a", "b"}) {
            HttpResponse<byte[]> version = http.send(HttpRequest.newBuilder(URI.create(address + "api/audio/1/" + letter))
                    .header("Authorization", "Bearer " + ana.token).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(version.statusCode()).as("version " + letter).isEqualTo(200);
            assertThat(new String(version.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        }
        ana.choose(1, "1 kHz");
        ana.awaitView("answering", 2, WAIT);
        ana.choose(2, "1 kHz");
        ana.awaitView("finished", 0, WAIT);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> counts.getText().equals("2 answers · 1 joined · 1 connected"));

        robot.clickOn(robot.lookup("#live-stop").<Node>query());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> live.stateProperty().get() == LiveRoomModel.State.IDLE);
        Gradebook book = Gradebook.read(root.resolve("results"), Optional.of(pack));
        assertThat(book.students()).filteredOn(row -> row.student().equals("Ana")).singleElement().satisfies(row -> {
            assertThat(row.student()).isEqualTo("Ana");
            assertThat(row.flags()).isEmpty();
        });
        assertThat(answersIn(pack, "Ana")).containsExactly(1, 2);
    }

    @Test
    void closingTheWindowDuringALiveSessionEndsItWithTheAnswersInTheResultsFile(FxRobot robot) throws Exception {
        Path file = root.resolve("closed.mixdojo");
        OpenedPack pack = LiveFixtures.octavePack(file, AssignmentMode.PRACTICE, 2);
        Path results = root.resolve("results");
        // A window of its own, so that the test's main window stays open for the others.
        LiveRoomModel closing = new LiveRoomModel(audio, worker, Platform::runLater, () -> sources, results,
                port -> new LiveServer.Options(InetAddress.getLoopbackAddress(), 0, ServerLimits.CLASSROOM));
        Stage other = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new ProjectorView(new ProjectorViewModel(audio, worker, Platform::runLater,
                    () -> sources, () -> 5L), closing, worker), 1280, 800));
            stage.show();
            return stage;
        }).get();
        robot.interact(() -> {
            closing.assignmentPathProperty().set(file.toString());
            closing.start();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> closing.stateProperty().get() == LiveRoomModel.State.RUNNING);
        LiveSession session = closing.session().orElseThrow();
        String address = closing.joinAddressProperty().get();
        HttpClient http = LiveClients.http();
        LiveClients.Student cleo = LiveClients.Student.join(http, address, session.code().digits(), "Cleo");
        robot.interact(closing::next);
        cleo.awaitView("answering", 1, WAIT);
        cleo.choose(1, "1 kHz");
        cleo.awaitView("answered", 1, WAIT);

        robot.interact(other::close);
        assertThat(session.hasEnded()).as("the session ended with the window").isTrue();
        assertThat(closing.session()).isEmpty();
        cleo.await(m -> m.path("type").asText().equals("view") && m.path("phase").asText().equals("finished"), WAIT);
        Gradebook book = Gradebook.read(results, Optional.of(pack));
        assertThat(book.students()).filteredOn(row -> row.student().equals("Cleo")).singleElement()
                .satisfies(row -> assertThat(row.flags()).isEmpty());
        assertThat(answersIn(pack, "Cleo")).containsExactly(1);
        // Nothing listens any more: the server would otherwise keep the app alive.
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.discarding())).isInstanceOf(IOException.class);
    }

    /** The numbers of the questions a student's live results file holds, read and verified as the gradebook does. */
    private static List<Integer> answersIn(OpenedPack pack, String student) {
        ResultsWriter writer = new ResultsWriter(pack);
        return writer.readOwn(root.resolve("results").resolve(writer.liveFileName(student))).orElseThrow().answers()
                .stream().map(a -> a.question().number()).toList();
    }

    /** Whether a node and every parent of it are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The canvas as pixels, decoded by ZXing. */
    private static String decodeQr(Canvas canvas) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)).get();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        assertThat(width).as("the QR code's width in pixels").isGreaterThan(100);
        int[] pixels = new int[width * height];
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = reader.getArgb(x, y);
            }
        }
        // A drawn code, not a photograph: the decoder is told so, and reads the modules on their grid.
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height,
                pixels))), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
