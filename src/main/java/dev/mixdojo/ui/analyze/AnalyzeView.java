package dev.mixdojo.ui.analyze;

import dev.mixdojo.analysis.report.BatchTable;
import dev.mixdojo.ui.AudioFileFilter;
import dev.mixdojo.ui.Navigation;
import dev.mixdojo.ui.Notices;
import dev.mixdojo.ui.Parts;
import dev.mixdojo.ui.Work;
import dev.mixdojo.ui.chart.LinePlot;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * Analyze: choose or drop an audio file (a second dropped file becomes the reference), then read
 * its loudness, true peak, range, dynamics and stereo numbers and see its spectrum against the
 * reference, its loudness over time and its correlation over time. Several files or a folder
 * (chosen, dropped, or a folder's path typed) show a table with one row per file and the album's
 * figures. Long files show progress and can be cancelled (Escape).
 */
public final class AnalyzeView extends ScrollPane {
    /** The id of this screen in the navigation; its argument is a file, or file and reference joined by the path separator. */
    public static final String SCREEN = "analyze";

    private static final double NUMBER_WIDTH_PX = 176;
    private static final double ROW_HEIGHT_PX = 26;

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
        Label intro = new Label("Drop a mix here: WAV, AIFF, FLAC, MP3, Ogg or AAC (drop two files to compare the second as a reference;"
                + " drop three or more, or a folder, for an album's table), or choose them below.");
        intro.setWrapText(true);
        intro.getStyleClass().add("body");

        Label fileName = new Label();
        fileName.setId("analyze-file");
        fileName.getStyleClass().add("card-title");
        fileName.textProperty().bind(Bindings.createStringBinding(() -> model.batchProperty().get() != null
                ? model.batchProperty().get().entries().size() + " files"
                : describe(model.fileProperty().get(), model.referenceProperty().get()),
                model.fileProperty(), model.referenceProperty(), model.batchProperty()));

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
        Button chooseSeveral = new Button("Choose several…");
        chooseSeveral.setId("analyze-choose-several");
        chooseSeveral.setAccessibleText("Choose several audio files to analyse together, as an album");
        chooseSeveral.setOnAction(e -> chooseSeveral());
        Button chooseFolder = new Button("Choose folder…");
        chooseFolder.setId("analyze-choose-folder");
        chooseFolder.setAccessibleText("Choose a folder whose audio files are analysed together, as an album");
        chooseFolder.setOnAction(e -> chooseFolder());
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
        FlowPane buttons = new FlowPane(choose, chooseReference, clearReference, chooseSeveral, chooseFolder, analyse, cancel);
        buttons.setHgap(8);
        buttons.setVgap(8);
        buttons.getStyleClass().add("row");
        TextField path = new TextField();
        path.setId("analyze-path");
        path.setPromptText("or type a file's path and press Enter (a second path after " + File.pathSeparator
                + " is the reference), or a folder's");
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
        VBox results = new VBox(measured);
        results.setSpacing(16);
        results.visibleProperty().bind(model.resultProperty().isNotNull());
        results.managedProperty().bind(results.visibleProperty());

        FlowPane albumNumbers = new FlowPane();
        albumNumbers.setId("analyze-album");
        albumNumbers.getStyleClass().add("cards");
        model.albumFigures().addListener((ListChangeListener<AnalyzeViewModel.Figure>) c -> showFigures(albumNumbers,
                model.albumFigures()));
        TableView<BatchTable.Row> table = table();
        VBox several = new VBox(table, albumNumbers);
        several.setSpacing(16);
        several.visibleProperty().bind(model.batchProperty().isNotNull());
        several.managedProperty().bind(several.visibleProperty());
        findings.visibleProperty().bind(model.resultProperty().isNotNull().or(model.batchProperty().isNotNull()));
        findings.managedProperty().bind(findings.visibleProperty());

        content.getChildren().addAll(title, intro, buttons, path, fileName, bar, message, results, several, findings);
        setContent(content);

        model.figures().addListener((ListChangeListener<AnalyzeViewModel.Figure>) c -> showFigures(numbers, model.figures()));
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

    /** The table of several files: the text report's columns, the file's sentence in the last when it could not be read. */
    private TableView<BatchTable.Row> table() {
        TableView<BatchTable.Row> table = new TableView<>(model.rows());
        table.setId("analyze-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No files"));
        List<Function<BatchTable.Row, String>> cells = List.of(r -> Integer.toString(r.number()), r -> fileName(r.file()),
                BatchTable.Row::lufs, BatchTable.Row::lra, BatchTable.Row::dbtp, BatchTable.Row::plr, BatchTable.Row::dr,
                BatchTable.Row::tone, r -> r.unreadable().orElse(r.problems()));
        // Widths in parts of the table's: the number narrow, the file and the problems (an unreadable file's sentence) wide.
        double[] widths = {0.4, 2.2, 0.7, 0.6, 0.7, 0.6, 0.5, 0.6, 3.5};
        for (int i = 0; i < cells.size(); i++) {
            Function<BatchTable.Row, String> cell = cells.get(i);
            String heading = BatchTable.HEADINGS.get(i).equals("Prob") ? "Problems" : BatchTable.HEADINGS.get(i);
            TableColumn<BatchTable.Row, String> column = new TableColumn<>(heading);
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(cell.apply(row.getValue())));
            column.setSortable(false);
            column.setPrefWidth(widths[i] * 100);
            table.getColumns().add(column);
        }
        table.setFixedCellSize(ROW_HEIGHT_PX);
        // As tall as its rows (up to twenty), no empty rows below.
        table.prefHeightProperty().bind(Bindings.size(model.rows()).add(1.6).multiply(ROW_HEIGHT_PX)
                .map(h -> Math.min(h.doubleValue(), 21.6 * ROW_HEIGHT_PX)));
        table.minHeightProperty().bind(table.prefHeightProperty());
        return table;
    }

    private static String fileName(String file) {
        Path name = Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }

    private void analyseArgument(String argument) {
        if (argument.isBlank()) {
            return;
        }
        String[] parts = argument.split(File.pathSeparator);
        if (model.runningProperty().get()) {
            return; // one analysis at a time: Escape cancels the running one
        }
        if (parts.length == 1 && Files.isDirectory(Path.of(parts[0]))) {
            model.analyseFiles(List.of(Path.of(parts[0])));
            return;
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
            if (done && (board.getFiles().size() > 2 || board.getFiles().stream().anyMatch(File::isDirectory))) {
                model.analyseFiles(board.getFiles().stream().map(File::toPath).toList());
            } else if (done) {
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

    private void chooseSeveral() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the files to analyse together");
        chooser.getExtensionFilters().addAll(AudioFileFilter.audioFiles(), new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> chosen = chooser.showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null && !chosen.isEmpty()) {
            model.analyseFiles(chosen.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a folder of audio files to analyse together");
        File chosen = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            model.analyseFiles(List.of(chosen.toPath()));
        }
    }

    private static VBox panel(String heading, LinePlot plot) {
        plot.setPrefHeight(170);
        return Parts.panel(heading, plot);
    }

    private static void showFigures(FlowPane pane, List<AnalyzeViewModel.Figure> figures) {
        pane.getChildren().clear();
        for (AnalyzeViewModel.Figure f : figures) {
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
            pane.getChildren().add(box);
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
