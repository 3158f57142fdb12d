package dev.mixdojo.ui.homework;

import dev.mixdojo.ui.AudioFileFilter;
import dev.mixdojo.ui.Work;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Homework screen: check a stem delivery, score a bounced mix against a target, and hear what the mix
 * loses on other playback systems, as the commands do.
 */
public final class HomeworkView extends VBox {

    /** A view of {@code model}; folders and files dropped on it fill the fields. */
    public HomeworkView(HomeworkViewModel model) {
        super(10);
        setPadding(new Insets(16));
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        row(fields, 0, "Stems folder", "stems", model.stemsFolderProperty(), window -> {
            File dir = new DirectoryChooser().showDialog(window);
            return dir == null ? null : dir.toPath();
        });
        row(fields, 1, "Your mix (WAV, AIFF, FLAC, MP3, Ogg or AAC)", "mix", model.mixFileProperty(), window -> chooseFile(window));
        row(fields, 2, "Target (an audio file or a session YAML)", "target", model.targetFileProperty(), window -> chooseFile(window));

        Button check = new Button("_Check stems");
        check.setId("check-stems");
        check.setAccessibleText("Check the stems folder for delivery problems");
        check.setOnAction(e -> model.checkStems());
        Button score = new Button("_Score my mix");
        score.setId("score-mix");
        score.setDefaultButton(true);
        score.setAccessibleText("Score my mix against the target");
        score.setOnAction(e -> model.scoreMix());
        Button apply = new Button("_Apply suggestions");
        apply.setId("apply-suggestions");
        apply.setAccessibleText("Apply the suggested moves to your mix re-made from the stems, save it and score it");
        apply.setOnAction(e -> model.applySuggestions());
        apply.disableProperty().bind(model.runningProperty().or(model.canApplyProperty().not()));
        Button translation = new Button("What will be _lost?");
        translation.setId("check-translation");
        translation.setAccessibleText("Play the mix of the stems on a phone, earbuds, in a car and in a club and show what is lost");
        translation.setOnAction(e -> model.checkTranslation());
        check.disableProperty().bind(model.runningProperty());
        score.disableProperty().bind(model.runningProperty());
        translation.disableProperty().bind(model.runningProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("homework-busy");
        busy.setPrefSize(24, 24);
        busy.setAccessibleText("Working");
        busy.visibleProperty().bind(model.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox actions = new HBox(8, check, score, apply, translation, busy);

        Label message = new Label();
        message.setId("homework-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.accessibleTextProperty().bind(model.messageProperty());
        Label headline = new Label();
        headline.setId("homework-headline");
        headline.getStyleClass().add("headline");
        headline.textProperty().bind(model.headlineProperty());
        headline.accessibleTextProperty().bind(model.headlineProperty());
        ListView<String> results = new ListView<>(model.lines());
        results.setId("homework-results");
        results.setAccessibleText("Results, worst first");
        VBox.setVgrow(results, Priority.ALWAYS);

        getChildren().addAll(fields, actions, message, headline, results);
        Work.markBusy(this, model.runningProperty());
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean files = e.getDragboard().hasFiles();
            if (files) {
                model.drop(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(files);
            e.consume();
        });
    }

    private static Path chooseFile(Window window) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().addAll(
                AudioFileFilter.audioOrSession(),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(window);
        return file == null ? null : file.toPath();
    }

    private void row(GridPane grid, int rowIndex, String label, String id, StringProperty path,
            Function<Window, Path> choose) {
        TextField field = new TextField();
        field.setId(id + "-path");
        field.setAccessibleText(label + " path");
        field.textProperty().bindBidirectional(path);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Label name = new Label(label);
        name.setLabelFor(field);
        Button browse = new Button("Choose…");
        browse.setId(id + "-choose");
        browse.setAccessibleText("Choose the " + label.toLowerCase(Locale.ROOT));
        browse.setOnAction(e -> {
            Path chosen = choose.apply(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) {
                path.set(chosen.toString());
            }
        });
        grid.addRow(rowIndex, name, field, browse);
    }
}
