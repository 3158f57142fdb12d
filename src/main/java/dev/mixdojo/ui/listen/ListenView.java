package dev.mixdojo.ui.listen;

import dev.mixdojo.ui.AudioFileFilter;
import dev.mixdojo.ui.FramePolling;
import dev.mixdojo.ui.Notices;
import dev.mixdojo.ui.Parts;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Open an audio file (button or drag and drop), see its format, and play it. Space plays and
 * stops; the slider seeks. The position is polled each frame only while the screen is shown.
 */
public final class ListenView extends VBox {
    public ListenView(ListenViewModel model) {
        getStyleClass().addAll("screen", "listen");
        Label heading = new Label("Listen");
        heading.getStyleClass().add("title");

        Button open = new Button("Open audio file…");
        open.setId("listen-open");
        open.setAccessibleText("Open an audio file");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open an audio file");
            chooser.getExtensionFilters().add(AudioFileFilter.audioFiles());
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                model.open(chosen.toPath());
            }
        });
        TextField path = new TextField();
        path.setId("listen-path");
        path.setPromptText("or type a file's path and press Enter");
        path.setAccessibleText("Path of an audio file to open");
        path.setPrefColumnCount(36);
        path.setOnAction(e -> {
            if (!path.getText().isBlank()) {
                model.open(Path.of(path.getText().strip()));
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.loadingProperty());
        HBox openRow = new HBox(12, open, path, busy);
        openRow.getStyleClass().add("row");

        Label name = new Label();
        name.setId("listen-title");
        name.getStyleClass().add("heading");
        name.textProperty().bind(model.titleProperty());
        Label details = new Label();
        details.setId("listen-details");
        details.textProperty().bind(model.detailsProperty());
        Label message = Notices.label("listen-message", model.messageProperty());

        Button play = Parts.playButton("listen-play", "Play or stop (Space)", model.playingProperty(),
                model.loadedProperty(), model::togglePlay);
        Slider position = new Slider(0, 1, 0);
        position.setId("listen-position");
        position.setAccessibleText("Playback position");
        position.maxProperty().bind(model.durationSProperty());
        position.disableProperty().bind(model.loadedProperty().not());
        HBox.setHgrow(position, Priority.ALWAYS);
        model.positionSProperty().addListener((obs, old, now) -> {
            if (!position.isValueChanging()) {
                position.setValue(now.doubleValue());
            }
        });
        position.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                model.seek(position.getValue());
            }
        });
        position.setOnMouseReleased(e -> model.seek(position.getValue()));
        Label time = new Label();
        time.setId("listen-time");
        time.textProperty().bind(Bindings.createStringBinding(
                () -> ListenViewModel.formatTime(model.positionSProperty().get()) + " / "
                        + ListenViewModel.formatTime(model.durationSProperty().get()),
                model.positionSProperty(), model.durationSProperty()));
        HBox transport = new HBox(12, play, position, time);
        transport.getStyleClass().add("row");

        Label hint = new Label("Drop an audio file here (WAV, AIFF, FLAC, MP3, Ogg, AAC), or open one. Space plays and stops.");
        hint.getStyleClass().add("hint");
        getChildren().addAll(heading, openRow, hint, name, details, message, transport);

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (!files.isEmpty()) {
                model.open(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE && !(e.getTarget() instanceof Button)
                    && !(e.getTarget() instanceof TextField)) {
                model.togglePlay();
                e.consume();
            }
        });

        FramePolling.whileShown(this, model::refreshPosition, model::stop);
    }
}
