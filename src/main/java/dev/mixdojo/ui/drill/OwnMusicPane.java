package dev.mixdojo.ui.drill;

import dev.mixdojo.material.SongTempo;
import dev.mixdojo.ui.AudioFileFilter;
import dev.mixdojo.ui.Notices;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * "Use my own music": a path to type, choose or drop, the song's tempo (with keep / halve / double
 * when it is in doubt), where its drills' stretch starts (movable), and the drills that fit one
 * song, each started on it.
 */
final class OwnMusicPane extends VBox {
    private final OwnMusicModel model;

    /** The panel of {@code model}; {@code onStarted} runs when a drill is started on the song. */
    OwnMusicPane(OwnMusicModel model, Runnable onStarted) {
        super(8);
        this.model = model;
        setId("own-music");
        getStyleClass().addAll("panel", "own-music");
        Label heading = new Label("Your own music");
        heading.getStyleClass().add("panel-title");
        Label hint = new Label("Import a song (WAV, AIFF, FLAC, MP3, Ogg or AAC): MixDojo finds its tempo and a stretch of"
                + " whole bars to drill on. Drills that change a whole mix (EQ, compression, width, reverb, delay, saturation)"
                + " can use it.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");

        TextField path = new TextField();
        path.setId("own-music-path");
        path.setPromptText("Path of a song, or drop it here");
        path.setAccessibleText("Path of the song to import");
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("own-music-choose");
        choose.setOnAction(e -> chooseFile().ifPresent(model::importFile));
        Button importButton = new Button("Import");
        importButton.setId("own-music-import");
        importButton.disableProperty().bind(path.textProperty().isEmpty().or(model.busyProperty()));
        importButton.setOnAction(e -> importTyped(path));
        path.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                importTyped(path);
                e.consume();
            }
        });
        choose.disableProperty().bind(model.busyProperty());
        HBox fileRow = new HBox(8, path, choose, importButton);
        fileRow.getStyleClass().add("row");

        // Decoding and beat tracking report no fraction: the bar runs indeterminate beside the step.
        ProgressBar working = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        working.setId("own-music-progress");
        working.setAccessibleText("Importing the song");
        Label step = new Label();
        step.textProperty().bind(model.stepProperty());
        HBox workingRow = new HBox(8, working, step);
        workingRow.getStyleClass().add("row");
        workingRow.visibleProperty().bind(model.busyProperty());
        workingRow.managedProperty().bind(workingRow.visibleProperty());
        Label message = Notices.label("own-music-message", model.messageProperty());

        Label tempo = new Label();
        tempo.setId("own-music-tempo");
        tempo.getStyleClass().add("card-title");
        tempo.textProperty().bind(fromSong(() -> model.songProperty().get().map(s -> s.name() + ": "
                + OwnMusicModel.tempo(Optional.of(s))).orElse("")));
        Label doubt = new Label();
        doubt.setId("own-music-doubt");
        doubt.setWrapText(true);
        doubt.textProperty().bind(fromSong(() -> OwnMusicModel.doubt(model.songProperty().get())));
        HBox tempoChoices = new HBox(8, tempoButton("Keep it", "own-music-keep", SongTempo.Choice.KEPT),
                tempoButton("Halve it", "own-music-halve", SongTempo.Choice.HALVED),
                tempoButton("Double it", "own-music-double", SongTempo.Choice.DOUBLED));
        VBox inDoubt = new VBox(6, doubt, tempoChoices);
        inDoubt.visibleProperty().bind(doubt.textProperty().isNotEmpty());
        inDoubt.managedProperty().bind(inDoubt.visibleProperty());

        Label excerpt = new Label();
        excerpt.setId("own-music-excerpt");
        excerpt.textProperty().bind(fromSong(() -> OwnMusicModel.excerpt(model.songProperty().get())));
        TextField start = new TextField();
        start.setId("own-music-start");
        start.setPrefColumnCount(6);
        start.setPromptText("seconds");
        start.setAccessibleText("Where the drills' stretch starts, in seconds");
        Button move = new Button("Move the stretch");
        move.setId("own-music-move");
        move.disableProperty().bind(model.busyProperty());
        move.setOnAction(e -> moveTo(start));
        start.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                moveTo(start);
                e.consume();
            }
        });
        Label startLabel = new Label("Start at");
        startLabel.setLabelFor(start);
        HBox excerptRow = new HBox(8, startLabel, start, move);
        excerptRow.getStyleClass().add("row");

        ComboBox<OwnMusicModel.FittingDrill> drills = new ComboBox<>(model.drills());
        drills.setId("own-music-drill");
        drills.setAccessibleText("The drill to practise on your song");
        drills.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(drills, Priority.ALWAYS);
        // The combo box clears its choice when its items are replaced, after this listener: choose once it has.
        model.drills().addListener((ListChangeListener<OwnMusicModel.FittingDrill>) c -> Platform.runLater(() -> {
            if (drills.getValue() == null && !model.drills().isEmpty()) {
                drills.getSelectionModel().selectFirst();
            }
        }));
        Button startDrill = new Button("Practise on this song");
        startDrill.setId("own-music-start-drill");
        startDrill.getStyleClass().add("accent");
        startDrill.setMinWidth(Region.USE_PREF_SIZE);
        startDrill.disableProperty().bind(drills.valueProperty().isNull().or(model.busyProperty()));
        startDrill.setOnAction(e -> {
            model.start(drills.getValue());
            onStarted.run();
        });
        HBox drillRow = new HBox(8, drills, startDrill);
        drillRow.getStyleClass().add("row");

        BooleanBinding imported = Bindings.createBooleanBinding(() -> model.songProperty().get().isPresent(),
                model.songProperty());
        VBox song = new VBox(8, tempo, inDoubt, excerpt, excerptRow, drillRow);
        song.visibleProperty().bind(imported);
        song.managedProperty().bind(song.visibleProperty());

        getChildren().addAll(heading, hint, fileRow, workingRow, message, song);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean one = e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1;
            if (one) {
                model.importFile(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(one);
            e.consume();
        });
    }

    private StringBinding fromSong(Callable<String> text) {
        return Bindings.createStringBinding(text, model.songProperty());
    }

    private Button tempoButton(String text, String id, SongTempo.Choice choice) {
        Button button = new Button(text);
        button.setId(id);
        button.setAccessibleText(text + ": the tempo " + choice.word());
        button.disableProperty().bind(model.busyProperty());
        button.setOnAction(e -> model.chooseTempo(choice));
        return button;
    }

    private void importTyped(TextField path) {
        String typed = path.getText().strip();
        if (typed.isEmpty() || model.busyProperty().get()) {
            return;
        }
        try {
            model.importFile(Path.of(typed));
        } catch (InvalidPathException e) {
            model.tell("'" + typed + "' is not a path of a file; type or choose one.");
        }
    }

    private void moveTo(TextField start) {
        try {
            model.moveExcerpt(Double.parseDouble(start.getText().strip().replace(',', '.')));
        } catch (NumberFormatException e) {
            model.tell(String.format(Locale.ROOT, "'%s' is not a time in seconds; type one such as 42.5.", start.getText()));
        }
    }

    private Optional<Path> chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a song");
        chooser.getExtensionFilters().addAll(AudioFileFilter.audioFiles(), new FileChooser.ExtensionFilter("All files", "*.*"));
        File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
