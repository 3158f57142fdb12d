package dev.mixdojo.ui.projector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.exam.DrillSources;
import dev.mixdojo.web.LiveServer;
import dev.mixdojo.web.ServerLimits;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting a live session from the Projector screen's model, when something nobody foresaw goes wrong. */
class LiveRoomModelTest {
    @TempDir
    Path root;

    private final AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));

    @AfterEach
    void close() {
        audio.close();
    }

    /** The message after starting with lessons that fail to load as {@code sources} says. */
    private String startFailingWith(Supplier<DrillSources> sources) {
        Path file = root.resolve("quiz.mixdojo");
        LiveFixtures.octavePack(file, AssignmentMode.PRACTICE, 1);
        LiveRoomModel model = new LiveRoomModel(audio, Runnable::run, Runnable::run, sources, root.resolve("results"),
                port -> new LiveServer.Options(InetAddress.getLoopbackAddress(), 0, ServerLimits.CLASSROOM));
        model.assignmentPathProperty().set(file.toString());
        model.start();
        assertThat(model.stateProperty().get()).isEqualTo(LiveRoomModel.State.IDLE);
        model.close();
        return model.messageProperty().get();
    }

    @Test
    void aFullDiskIsOneSentenceNamingTheFile() {
        Path folder = root.resolve("cache/materials");
        String message = startFailingWith(() -> {
            throw new UncheckedIOException(new FileSystemException(folder.toString(), null, "No space left on device"));
        });
        assertThat(message).isEqualTo("The live session could not start: " + folder
                + " could not be made (No space left on device).");
    }

    @Test
    void anUnexpectedProblemIsItsOwnWordsInOneSentenceWithoutAClassName() {
        String message = startFailingWith(() -> {
            throw new IllegalStateException("the page file student.html is missing from MixDojo",
                    new NullPointerException());
        });
        assertThat(message).isEqualTo("The live session could not start: the page file student.html is missing from"
                + " MixDojo.");
    }

    @Test
    void aPortInUseSaysSo() {
        String message = LiveRoomModel.startFailure(new IllegalStateException(new BindException("Address already in use")));
        assertThat(message).isEqualTo("The live session could not start: its network port is in use by another program"
                + " (or this computer does not have the address); stop that program or start again.");
        assertThat(message).doesNotContain("Exception", "java.");
    }
}
