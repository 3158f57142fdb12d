package dev.mixdojo.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** The file chooser for an assignment file ({@code .mixdojo}, or a {@code .zip} renamed by a mail program). */
public final class AssignmentFileChooser {
    private AssignmentFileChooser() {
    }

    /** Asks for an assignment file over {@code owner}'s window; empty when the user cancels. JavaFX thread. */
    public static Optional<Path> choose(Node owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Assignment file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MixDojo assignments", "*.mixdojo", "*.zip"));
        File chosen = chooser.showOpenDialog(owner.getScene().getWindow());
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
