package dev.mixdojo.ui.progress;

import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.progress.ProgressStatistics;
import dev.mixdojo.ui.Notices;
import dev.mixdojo.ui.Parts;
import dev.mixdojo.ui.WhileShown;
import dev.mixdojo.ui.Work;
import dev.mixdojo.ui.chart.LinePlot;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * Progress: one row per practised skill with its threshold and 95 % interval on the skill's
 * scale (choosing a row shows that skill), then the skill's accuracy per day, a heat map of
 * which answer was given for which truth, and the direction bias per truth.
 */
public final class ProgressView extends ScrollPane {
    private static final double BAR_WIDTH_PX = 200;

    private final ProgressViewModel model;
    private final VBox skillRows = new VBox();
    private final ToggleGroup skillGroup = new ToggleGroup();
    private final LinePlot accuracy = new LinePlot("Accuracy per day of the chosen skill", "day", "% right",
            LinePlot.XAxis.DAYS);
    private final GridPane heatMap = new GridPane();
    private final VBox biasRows = new VBox();
    private final VBox details = new VBox();

    public ProgressView(ProgressViewModel model) {
        this.model = model;
        getStyleClass().addAll("progress-screen", "screen-scroll");
        setFitToWidth(true);
        VBox content = new VBox();
        content.getStyleClass().add("screen");
        Label title = new Label("Progress");
        title.getStyleClass().add("title");
        Label message = Notices.label("progress-message", model.messageProperty());

        skillRows.setId("progress-skills");
        skillRows.getStyleClass().add("panel");
        heatMap.setId("progress-confusion");
        heatMap.setAccessibleText("Confusion heat map: rows are the right answers, columns the answers given");
        biasRows.setId("progress-bias");
        biasRows.setSpacing(4);

        VBox accuracyPanel = Parts.panel("Accuracy per day", accuracy);
        VBox confusionPanel = Parts.panel("Which answers get mixed up (rows: truth, columns: your answer; "
                + "green: counted right)", heatMap);
        VBox biasPanel = Parts.panel("Direction bias (mean error per truth, ±95 % interval)", biasRows);
        // One above the other: beside the confusion map the days' plot was squeezed to a sliver with its dates on top of each other.
        details.getChildren().addAll(accuracyPanel, confusionPanel, biasPanel);
        details.setSpacing(16);
        details.visibleProperty().bind(model.selectedProperty().isNotNull());
        details.managedProperty().bind(details.visibleProperty());
        skillRows.visibleProperty().bind(model.selectedProperty().isNotNull());
        skillRows.managedProperty().bind(skillRows.visibleProperty());

        content.getChildren().addAll(title, message, skillRows, details);
        setContent(content);

        model.skills().addListener((ListChangeListener<ProgressViewModel.SkillRow>) c -> buildSkillRows());
        model.selectedProperty().addListener((obs, old, row) -> selectToggle(row));
        model.accuracyByDayProperty().addListener((obs, old, days) -> showAccuracy(days));
        model.confusionProperty().addListener((obs, old, matrix) -> showConfusion(matrix));
        model.biasesProperty().addListener((obs, old, list) -> showBiases(list));
        Work.markBusy(this, model.busyProperty());
        // The store changes when an answer is saved: the screen follows it while shown.
        WhileShown.follow(this, model.store().recordsProperty(), records -> model.refresh());
        WhileShown.follow(this, model.store().problemProperty(), problem -> model.refresh());
    }

    private void buildSkillRows() {
        skillRows.getChildren().clear();
        skillGroup.getToggles().clear();
        Label heading = new Label("Thresholds per skill (dot: threshold, bar: its 95 % confidence interval; "
                + "a ring: your level now, until a threshold is known; left is the hardest level, right the easiest)");
        heading.getStyleClass().add("panel-title");
        heading.setWrapText(true);
        skillRows.getChildren().add(heading);
        for (ProgressViewModel.SkillRow row : model.skills()) {
            Label name = new Label(row.title());
            name.getStyleClass().add("card-title");
            name.setMinWidth(230);
            name.setPrefWidth(230);
            Label numbers = new Label(numbers(row));
            numbers.getStyleClass().add("card-detail");
            HBox line = new HBox(name, thresholdBar(row), numbers);
            line.setSpacing(12);
            line.getStyleClass().add("row");
            ToggleButton toggle = new ToggleButton();
            toggle.setGraphic(line);
            toggle.setMinHeight(Region.USE_PREF_SIZE);
            toggle.setMaxWidth(Double.MAX_VALUE);
            toggle.getStyleClass().add("skill-row");
            toggle.setId("skill-" + row.skill().replace('.', '-'));
            toggle.setAccessibleText(row.describe());
            toggle.setToggleGroup(skillGroup);
            toggle.setUserData(row);
            toggle.setOnAction(e -> model.selectedProperty().set(row));
            skillRows.getChildren().add(toggle);
        }
        selectToggle(model.selectedProperty().get());
    }

    private void selectToggle(ProgressViewModel.SkillRow row) {
        skillGroup.getToggles().forEach(t -> t.setSelected(row != null && row.equals(t.getUserData())));
    }

    private static String numbers(ProgressViewModel.SkillRow row) {
        return String.format(Locale.ROOT, "%d answer%s · %d %% right · %s%n%s", row.attempts(), row.attempts() == 1 ? "" : "s",
                Math.round(100 * row.accuracy()), row.standing(), row.levelMeaning());
    }

    /**
     * The skill's scale from hardest (left) to easiest (right): the threshold as a dot with its
     * interval as a bar, or, until there is a threshold, the level now as a ring.
     */
    private static Pane thresholdBar(ProgressViewModel.SkillRow row) {
        Pane bar = new Pane();
        bar.setMinSize(BAR_WIDTH_PX, 18);
        bar.setPrefSize(BAR_WIDTH_PX, 18);
        bar.setMaxSize(BAR_WIDTH_PX, 18);
        bar.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        Line scale = new Line(0, 9, BAR_WIDTH_PX, 9);
        scale.getStyleClass().add("plot-axis");
        bar.getChildren().add(scale);
        row.threshold().ifPresent(t -> {
            double low = position(row, t.lower95());
            double high = position(row, t.upper95());
            Rectangle interval = new Rectangle(Math.min(low, high), 3, Math.max(2, Math.abs(high - low)), 12);
            interval.getStyleClass().add("plot-band");
            Circle dot = new Circle(position(row, t.value()), 9, 5);
            dot.getStyleClass().add("plot-point");
            dot.setId("threshold-" + row.skill().replace('.', '-'));
            bar.getChildren().addAll(interval, dot);
        });
        if (row.threshold().isEmpty()) {
            row.staircase().ifPresent(s -> {
                Circle ring = new Circle(position(row, s.level()), 9, 5);
                ring.getStyleClass().add("plot-point-open");
                ring.setId("level-" + row.skill().replace('.', '-'));
                bar.getChildren().add(ring);
            });
        }
        return bar;
    }

    /** Where a level sits on the bar: its share of the way from the hardest to the easiest level, on the staircase's scale. */
    private static double position(ProgressViewModel.SkillRow row, double level) {
        return BAR_WIDTH_PX * row.staircase().map(s -> PracticePlan.weakness(s.settings(), level)).orElse(0.0);
    }

    private void showAccuracy(List<ProgressStatistics.DailyAccuracy> days) {
        double[] x = new double[days.size()];
        double[] y = new double[days.size()];
        for (int i = 0; i < days.size(); i++) {
            x[i] = days.get(i).day().toEpochDay();
            y[i] = 100 * days.get(i).accuracy();
        }
        accuracy.show(List.of(new LinePlot.Series("% right", x, y)), 0, 100);
        accuracy.setAccessibleText(days.isEmpty() ? "Accuracy per day: no answers yet"
                : String.format(Locale.ROOT, "Accuracy per day over %d day%s from %s; on %s: %d %% right",
                        days.size(), days.size() == 1 ? "" : "s", days.get(0).day(), days.get(days.size() - 1).day(),
                        Math.round(100 * days.get(days.size() - 1).accuracy())));
    }

    private void showConfusion(ProgressViewModel.Confusion matrix) {
        heatMap.getChildren().clear();
        int most = 1;
        for (int[] row : matrix.counts()) {
            for (int n : row) {
                most = Math.max(most, n);
            }
        }
        for (int i = 0; i < matrix.labels().size(); i++) {
            Label top = new Label(matrix.labels().get(i));
            top.getStyleClass().add("heat-header");
            top.setMinWidth(Region.USE_PREF_SIZE);
            heatMap.add(top, i + 1, 0);
            Label side = new Label(matrix.labels().get(i));
            side.getStyleClass().add("heat-header");
            side.setMinWidth(Region.USE_PREF_SIZE);
            heatMap.add(side, 0, i + 1);
            for (int j = 0; j < matrix.labels().size(); j++) {
                int n = matrix.counts()[i][j];
                int right = matrix.right()[i][j];
                Region shade = new Region();
                // Green where the answers counted as right (within the tolerance on a free axis), orange where not.
                shade.getStyleClass().add(2 * right >= n ? "heat-right" : "heat-wrong");
                // Shade by the square root of the count so that rare confusions still show.
                shade.setOpacity(n == 0 ? 0 : 0.15 + 0.85 * Math.sqrt(n / (double) most));
                Label count = new Label(n == 0 ? "" : String.valueOf(n));
                count.getStyleClass().add("heat-cell");
                StackPane cell = new StackPane(shade, count);
                cell.setMinSize(44, 26);
                cell.setAccessibleText(matrix.labels().get(i) + " answered as " + matrix.labels().get(j) + ": " + n
                        + (n == 0 ? "" : ", " + right + " right"));
                heatMap.add(cell, j + 1, i + 1);
            }
        }
    }

    private void showBiases(List<ProgressStatistics.Bias> list) {
        biasRows.getChildren().clear();
        double largest = 1e-9;
        for (ProgressStatistics.Bias b : list) {
            largest = Math.max(largest, Math.abs(b.meanSignedError()) + 1.96 * b.standardError());
        }
        for (ProgressStatistics.Bias b : list) {
            Label name = new Label(b.truthLabel());
            name.setMinWidth(70);
            name.getStyleClass().add("heat-header");
            Pane bar = new Pane();
            double half = 110;
            bar.setMinSize(2 * half, 16);
            bar.setPrefSize(2 * half, 16);
            bar.setMaxSize(2 * half, 16);
            double end = half + half * b.meanSignedError() / largest;
            Rectangle mean = new Rectangle(Math.min(half, end), 3, Math.max(1, Math.abs(end - half)), 10);
            mean.getStyleClass().add("plot-point");
            double spread = half * 1.96 * b.standardError() / largest;
            Line whisker = new Line(end - spread, 8, end + spread, 8);
            whisker.getStyleClass().add("plot-axis");
            Line zero = new Line(half, 0, half, 16);
            zero.getStyleClass().add("plot-axis");
            bar.getChildren().addAll(mean, whisker, zero);
            String text = String.format(Locale.ROOT, "%+.2f %s (n = %d)", b.meanSignedError(), b.unit(), b.attempts());
            Label value = new Label(text);
            value.getStyleClass().add("card-detail");
            value.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(name, bar, value);
            row.setSpacing(8);
            row.getStyleClass().add("row");
            row.setAccessibleText(b.truthLabel() + ": mean error " + text);
            biasRows.getChildren().add(row);
        }
        if (list.isEmpty()) {
            Label none = new Label("Shown once a truth has been asked twice.");
            none.getStyleClass().add("hint");
            biasRows.getChildren().add(none);
        }
    }
}
