package dev.mixdojo.ui.analyze;

import dev.mixdojo.ui.AudioFileFilter;
import dev.mixdojo.ui.Navigation;
import dev.mixdojo.ui.Notices;
import dev.mixdojo.ui.Parts;
import dev.mixdojo.ui.Work;
import dev.mixdojo.ui.chart.LinePlot;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Analyze: choose or drop an audio file (a second dropped file becomes the reference), then read
 * its loudness, true peak, range, dynamics and stereo numbers and see its spectrum against the
 * reference, its loudness over time and its correlation over time. Long files show progress and
 * can be cancelled (Escape).
 */
public final class AnalyzeView extends ScrollPane {
    /** The id of this screen in the navigation; its argument is a file, or file and reference joined by the path separator. */
    public static final String SCREEN = "analyze";

    private static final double NUMBER_WIDTH_PX = 176;

    private final AnalyzeViewModel model;
    private final FlowPane numbers = new FlowPane();
    private final VBox findings = new VBox();
    private final LinePlot spectrum = new LinePlot("Spectrum in third-octave bands against the reference",
            "frequency (Hz)", "dB re loudness", LinePlot.XAxis.LOG_HZ);
    private final LinePlot loudness = new LinePlot("Loudness over time", "time (s)", "LUFS", LinePlot.XAxis.LINEAR);
    private final LinePlot correlation = new LinePlot("Left/right correlation over time", "time (s)",
            "correlation", LinePlot.XAxis.LINEAR);

    public AnalyzeView(AnalyzeViewModel model, Navigation navigation) {
        this.model = model;
        getStyleClass().addAll("analyze", "screen-scroll");
        setFitToWidth(true);
        VBox content = new VBox();
        content.getStyleClass().add("screen");
        Label title = new Label("Analyze");
        title.getStyleClass().add("title");
        Label intro = new Label("Drop a mix here: WAV, AIFF, FLAC, MP3, Ogg or AAC (drop two files to compare the second as a reference), "
                + "or choose them below.");
        intro.setWrapText(true);
        intro.getStyleClass().add("body");

        Label fileName = new Label();
        fileName.setId("analyze-file");
        fileName.getStyleClass().add("card-title");
        fileName.textProperty().bind(Bindings.createStringBinding(() -> describe(model.fileProperty().get(),
                model.referenceProperty().get()), model.fileProperty(), model.referenceProperty()));

        Button choose = new Button("Choose file…");
        choose.setId("analyze-choose");
        choose.setAccessibleText("Choose the audio file to analyse");
        choose.setOnAction(e -> choose("Choose a mix to analyse").ifPresent(p -> model.fileProperty().set(p)));
        Button chooseReference = new Button("Choose reference…");
        chooseReference.setId("analyze-choose-reference");
        chooseReference.setAccessibleText("Choose a reference track to compare with");
        chooseReference.setOnAction(e -> choose("Choose a reference track").ifPresent(p -> model.referenceProperty().set(p)));
        Button clearReference = new Button("No reference");
        clearReference.setId("analyze-clear-reference");
        clearReference.setAccessibleText("Analyse without a reference");
        clearReference.setOnAction(e -> model.referenceProperty().set(null));
        clearReference.disableProperty().bind(model.referenceProperty().isNull());
        Button analyse = new Button("Analyse");
        analyse.setId("analyze-run");
        analyse.getStyleClass().add("accent");
        analyse.setAccessibleText("Analyse the chosen file");
        analyse.setDefaultButton(true);
        analyse.disableProperty().bind(model.runningProperty().or(model.fileProperty().isNull()));
        analyse.setOnAction(e -> model.analyse());
        Button cancel = new Button("Cancel");
        cancel.setId("analyze-cancel");
        cancel.setAccessibleText("Cancel the running analysis");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        HBox buttons = new HBox(choose, chooseReference, clearReference, analyse, cancel);
        buttons.setSpacing(8);
        buttons.getStyleClass().add("row");
        TextField path = new TextField();
        path.setId("analyze-path");
        path.setPromptText("or type a file's path and press Enter (a second path after " + File.pathSeparator
                + " is the reference)");
        path.setAccessibleText("Path of the file to analyse; Enter analyses it");
        path.setOnAction(e -> analyseArgument(path.getText().strip()));
        path.setMaxWidth(680);

        ProgressBar bar = new ProgressBar();
        bar.setId("analyze-progress");
        bar.setAccessibleText("Analysis progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());

        Label message = Notices.label("analyze-message", model.messageProperty());

        numbers.setId("analyze-numbers");
        numbers.getStyleClass().add("cards");
        findings.setId("analyze-findings");
        findings.setSpacing(4);
        numbers.setPrefWrapLength(2 * NUMBER_WIDTH_PX + 10);
        numbers.setMinWidth(2 * NUMBER_WIDTH_PX + 10);
        VBox plots = new VBox(panel("Spectrum against the reference", spectrum),
                panel("Loudness over time", loudness), panel("Correlation over time", correlation));
        plots.setSpacing(12);
        HBox.setHgrow(plots, Priority.ALWAYS);
        HBox measured = new HBox(numbers, plots);
        measured.setSpacing(16);
        VBox results = new VBox(measured, findings);
        results.setSpacing(16);
        results.visibleProperty().bind(model.resultProperty().isNotNull());
        results.managedProperty().bind(results.visibleProperty());

        content.getChildren().addAll(title, intro, buttons, path, fileName, bar, message, results);
        setContent(content);

        model.figures().addListener((ListChangeListener<AnalyzeViewModel.Figure>) c -> showFigures());
        model.findings().addListener((ListChangeListener<String>) c -> showFindings());
        model.resultProperty().addListener((obs, old, r) -> {
            if (r != null) {
                spectrum.show(AnalyzeViewModel.spectrum(r), Double.NaN, Double.NaN);
                loudness.show(AnalyzeViewModel.loudness(r), Double.NaN, Double.NaN);
                correlation.show(AnalyzeViewModel.correlation(r), -1, 1);
            }
        });
        Work.markBusy(this, model.runningProperty());
        acceptDrops();
        // Another screen (or the screenshot command) may ask for a file to be analysed.
        navigation.argumentFor(SCREEN).ifPresent(this::analyseArgument);
        navigation.lastRequestProperty().addListener((obs, old, request) -> navigation.argumentFor(SCREEN)
                .ifPresent(this::analyseArgument));
    }

    /** The chosen files by name (the full paths are in the choosers and in the report). */
    static String describe(Path file, Path reference) {
        if (file == null) {
            return "No file chosen";
        }
        return file.getFileName() + (reference == null ? "" : "  against reference  " + reference.getFileName());
    }

    private void analyseArgument(String argument) {
        if (argument.isBlank()) {
            return;
        }
        String[] parts = argument.split(File.pathSeparator);
        if (model.runningProperty().get()) {
            return; // one analysis at a time: Escape cancels the running one
        }
        model.fileProperty().set(Path.of(parts[0]));
        model.referenceProperty().set(parts.length > 1 ? Path.of(parts[1]) : null);
        model.analyse();
    }

    private void acceptDrops() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            Dragboard board = e.getDragboard();
            boolean done = board.hasFiles() && !board.getFiles().isEmpty();
            if (done) {
                List<File> files = board.getFiles();
                model.fileProperty().set(files.get(0).toPath());
                if (files.size() > 1) {
                    model.referenceProperty().set(files.get(1).toPath());
                }
                model.analyse();
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private Optional<Path> choose(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                AudioFileFilter.audioFiles(),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    private static VBox panel(String heading, LinePlot plot) {
        plot.setPrefHeight(170);
        return Parts.panel(heading, plot);
    }

    private void showFigures() {
        numbers.getChildren().clear();
        for (AnalyzeViewModel.Figure f : model.figures()) {
            Label name = new Label(f.name());
            name.getStyleClass().add("number-name");
            wrapInBox(name);
            Label value = new Label(f.value());
            value.getStyleClass().add("number-value");
            value.setId("figure-" + f.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
            Label meaning = new Label(f.meaning());
            meaning.getStyleClass().add("card-detail");
            wrapInBox(meaning);
            VBox box = new VBox(name, value, meaning);
            box.getStyleClass().add("number-box");
            box.setAccessibleText(f.name() + ": " + f.value() + " (" + f.meaning() + ")");
            box.setFocusTraversable(true);
            numbers.getChildren().add(box);
        }
    }

    private static void wrapInBox(Label label) {
        label.setWrapText(true);
        label.setPrefWidth(NUMBER_WIDTH_PX - 24);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }

    private void showFindings() {
        findings.getChildren().clear();
        for (String line : model.findings()) {
            Label label = new Label("• " + line);
            label.setWrapText(true);
            findings.getChildren().add(label);
        }
    }
}
