package dev.mixdojo.ui.projector;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.mixdojo.classroom.StudentRow;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.FailOnFxExceptions;
import dev.mixdojo.ui.Theme;
import dev.mixdojo.ui.exam.DrillSources;
import dev.mixdojo.ui.exam.ExamFixtures;
import dev.mixdojo.web.LiveClients;
import dev.mixdojo.web.LiveServer;
import dev.mixdojo.web.ServerLimits;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
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
