package dev.mixdojo.ui.exam;

import dev.mixdojo.classroom.ExampleClass;
import dev.mixdojo.ui.AppServices;
import dev.mixdojo.ui.AssignmentFileChooser;
import dev.mixdojo.ui.AudioFileFilter;
import dev.mixdojo.ui.Notices;
import dev.mixdojo.ui.drill.DrillPane;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * Taking an assignment: open the file the teacher gave (chooser or path), type your name, start,
 * answer each question in the drill pane (Enter answers, N goes on), and read where the results
 * file is. A fresh screen opens a made-up example assignment so there is something to see.
 */
public final class ExamView extends VBox {
    private final StackPane paneHolder = new StackPane();

    /**
     * A view of {@code model}; {@code background} runs the drill pane's meters, and {@code exampleFolder}
     * receives the example assignment when no file is chosen yet (null: none).
     */
    public ExamView(ExamViewModel model, Executor background, Path exampleFolder) {
        getStyleClass().addAll("screen", "exam");
        Label heading = new Label("Assignment");
        heading.getStyleClass().add("title");

        Button choose = new Button("Open assignment…");
        choose.setId("exam-choose");
        choose.setAccessibleText("Choose the assignment file your teacher gave you");
        choose.setOnAction(e -> AssignmentFileChooser.choose(this).ifPresent(chosen -> {
            model.packPathProperty().set(chosen.toString());
            model.open();
        }));
        TextField path = new TextField();
        path.setId("exam-path");
        path.setPromptText("or type the assignment file's path and press Enter");
        path.setAccessibleText("Path of the assignment file; Enter opens it");
        path.textProperty().bindBidirectional(model.packPathProperty());
        path.setOnAction(e -> model.open());
        HBox.setHgrow(path, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.busyProperty());
        HBox openRow = new HBox(8, choose, path, busy);
        openRow.getStyleClass().add("row");
        openRow.disableProperty().bind(model.stepProperty().isEqualTo(ExamViewModel.Step.TAKING));

        Label title = new Label();
        title.setId("exam-title");
        title.getStyleClass().add("heading");
        title.textProperty().bind(model.titleProperty());
        Label details = new Label();
        details.setId("exam-details");
        details.setWrapText(true);
        details.textProperty().bind(model.detailsProperty());

        TextField name = new TextField();
        name.setId("exam-name");
        name.setPromptText("Your name, as your teacher knows you");
        name.setAccessibleText("Your name; Enter starts the assignment");
        name.setPrefColumnCount(24);
        name.textProperty().bindBidirectional(model.studentProperty());
        name.setOnAction(e -> model.start());
        Button start = new Button("Start");
        start.setId("exam-start");
        start.setAccessibleText("Start the assignment");
        start.setOnAction(e -> model.start());
        HBox startRow = new HBox(8, new Label("Name:"), name, start);
        startRow.getStyleClass().add("row");
        showOnly(startRow, model, ExamViewModel.Step.READY);

        Label progress = new Label();
        progress.setId("exam-progress");
        progress.getStyleClass().add("heading");
        progress.textProperty().bind(model.progressTextProperty());
        Label hint = new Label();
        hint.setId("exam-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(model.hintProperty());
        hint.visibleProperty().bind(model.hintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        VBox taking = new VBox(8, progress, hint, paneHolder);
        VBox.setVgrow(paneHolder, Priority.ALWAYS);
        showOnly(taking, model, ExamViewModel.Step.TAKING);
        model.drillProperty().addListener((obs, old, drill) ->
                paneHolder.getChildren().setAll(new DrillPane(drill, background)));
        // The name field keeps the focus when it hides; the pane's keys need it inside the pane.
        model.stepProperty().addListener((obs, old, now) -> {
            if (now == ExamViewModel.Step.TAKING) {
                Platform.runLater(() -> {
                    Node play = paneHolder.lookup("#drill-play");
                    (play != null ? play : paneHolder).requestFocus();
                });
            }
        });

        Button saveStems = new Button("Save the stems…");
        saveStems.setId("exam-save-stems");
        saveStems.setAccessibleText("Save the homework mix's stems and reference mix into a folder, to mix in any DAW");
        saveStems.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the stems");
            File chosen = chooser.showDialog(getScene().getWindow());
            if (chosen != null) {
                model.saveMixMaterial(chosen.toPath());
            }
        });
        Button handIn = new Button("Hand in my mix…");
        handIn.setId("exam-hand-in");
        handIn.setAccessibleText("Choose your bounced mix to hand in under your name");
        handIn.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Your bounced mix");
            chooser.getExtensionFilters().add(AudioFileFilter.audioFiles());
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                model.handInMix(chosen.toPath());
            }
        });
        HBox mixRow = new HBox(8, new Label("Homework mix:"), saveStems, handIn);
        mixRow.getStyleClass().add("row");
        mixRow.setId("exam-mix-row");
        mixRow.visibleProperty().bind(model.homeworkMixProperty().and(model.stepProperty().isNotEqualTo(ExamViewModel.Step.TAKING)));
        mixRow.managedProperty().bind(mixRow.visibleProperty());
        mixRow.disableProperty().bind(model.busyProperty());

        Label message = Notices.label("exam-message", model.messageProperty());

        Label help = new Label("Exam: one answer per question, in order; your answers are saved as you go, so closing"
                + " MixDojo loses nothing: open the same file under the same name to go on.");
        help.getStyleClass().add("hint");
        help.setWrapText(true);
        help.visibleProperty().bind(model.stepProperty().isNotEqualTo(ExamViewModel.Step.TAKING));
        help.managedProperty().bind(help.visibleProperty());
        getChildren().addAll(heading, openRow, title, details, startRow, mixRow, message, taking, help);

        if (exampleFolder != null && model.packPathProperty().get().isBlank()) {
            background.execute(() -> {
                Path example;
                try {
                    example = ExampleClass.write(exampleFolder, ExampleClass.dueAfterDays(Clock.systemUTC(), 7)).file();
                } catch (RuntimeException e) {
                    return; // the example is only something to look at; without it the screen waits for a file
                }
                Platform.runLater(() -> {
                    if (model.packPathProperty().get().isBlank()) {
                        model.packPathProperty().set(example.toString());
                        model.open();
                    }
                });
            });
        }
    }

    /** The screen in the app: installed lessons, results in {@code <data>/results}, progress in {@code <data>/exam-progress}. */
    public static ExamView forApp(AppServices services) {
        ExamViewModel model = new ExamViewModel(services.audio(), services.background(), Platform::runLater,
                DrillSources.lazily(services.directories()), services.directories().data().resolve("results"),
                services.directories().data().resolve("exam-progress"), Clock.systemUTC());
        return new ExamView(model, services.background(), services.directories().cache().resolve("example-assignment"));
    }

    private static void showOnly(Node node, ExamViewModel model, ExamViewModel.Step step) {
        node.visibleProperty().bind(Bindings.equal(model.stepProperty(), step));
        node.managedProperty().bind(node.visibleProperty());
    }
}
