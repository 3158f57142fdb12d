package dev.mixdojo.ui.drill;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/**
 * A value answer on its axis: a frequency picker on a log axis, a dB slider, a pan slider from
 * L to R, a time line. Click or drag to set the value; the arrow keys nudge it (Shift: larger
 * steps, handled by the pane). Ticks carry the units engineers use (100 Hz, 1 kHz, +6 dB, 50 L).
 */
final class ValuePicker extends Region {
    private static final double TRACK_Y = 34;
    private static final double SIDE_PADDING = 24;

    private final DrillPaneModel model;
    private final ValueScale scale;
    private final Line track = new Line();
    private final Polygon marker = new Polygon(0, 0, -8, -14, 8, -14);
    private final Label valueLabel = new Label();
    private final List<Line> tickLines = new ArrayList<>();
    private final List<Label> tickLabels = new ArrayList<>();
    private final List<Double> ticks;

    ValuePicker(DrillPaneModel model, ValueScale scale) {
        this.model = model;
        this.scale = scale;
        this.ticks = scale.ticks();
        getStyleClass().add("value-picker");
        setId("drill-value");
        track.getStyleClass().add("value-track");
        marker.getStyleClass().add("value-marker");
        valueLabel.getStyleClass().add("value-label");
        valueLabel.setId("drill-value-label");
        for (Double tick : ticks) {
            Line line = new Line();
            line.getStyleClass().add("value-tick");
            Label label = new Label(scale.tickLabel(tick));
            label.getStyleClass().add("value-tick-label");
            tickLines.add(line);
            tickLabels.add(label);
        }
        getChildren().add(track);
        getChildren().addAll(tickLines);
        getChildren().addAll(tickLabels);
        getChildren().addAll(marker, valueLabel);
        getChildren().forEach(child -> child.setManaged(false));
        setMinHeight(72);
        setPrefHeight(72);
        setFocusTraversable(true);
        model.valueProperty().addListener(obs -> update());
        setOnMousePressed(e -> {
            requestFocus();
            model.setValue(valueAtX(e.getX()));
        });
        setOnMouseDragged(e -> model.setValue(valueAtX(e.getX())));
        update();
    }

    private void update() {
        String shown = scale.format(model.valueProperty().get());
        valueLabel.setText(shown);
        setAccessibleText(scale.quantity().name().toLowerCase().replace('_', ' ') + " answer: " + shown
                + ". Left and right arrows move it, Shift for bigger steps; Enter answers");
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double left = SIDE_PADDING;
        double right = getWidth() - SIDE_PADDING;
        track.setStartX(left);
        track.setEndX(right);
        track.setStartY(TRACK_Y);
        track.setEndY(TRACK_Y);
        for (int i = 0; i < ticks.size(); i++) {
            double x = xOf(ticks.get(i));
            Line line = tickLines.get(i);
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(TRACK_Y - 5);
            line.setEndY(TRACK_Y + 5);
            Label label = tickLabels.get(i);
            label.autosize();
            label.relocate(x - label.getWidth() / 2, TRACK_Y + 8);
        }
        double x = xOf(model.valueProperty().get());
        marker.setLayoutX(x);
        marker.setLayoutY(TRACK_Y);
        valueLabel.autosize();
        double labelX = Math.max(0, Math.min(getWidth() - valueLabel.getWidth(), x - valueLabel.getWidth() / 2));
        valueLabel.relocate(labelX, 0);
    }

    private double xOf(double value) {
        return SIDE_PADDING + scale.fraction(value) * (getWidth() - 2 * SIDE_PADDING);
    }

    private double valueAtX(double x) {
        return scale.valueAt((x - SIDE_PADDING) / Math.max(1, getWidth() - 2 * SIDE_PADDING));
    }
}
