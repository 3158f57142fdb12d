package dev.mixdojo.ui.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/**
 * A value answer on its axis: a frequency picker on a log axis, a dB slider, a pan slider from
 * L to R, a time line. Click or drag to set the value; the arrow keys nudge it (Shift: larger
 * steps, handled by the pane). Ticks carry the units engineers use (100 Hz, 1 kHz, +6 dB, 50 L).
 * Once the truth shows, a second marker below the axis marks the true value.
 */
final class ValuePicker extends Region {
    private static final double TRACK_Y = 34;

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final DrillPaneModel model;
    private final int index;
    private final Dial dial;
    private final ValueScale scale;
    private final Line track = new Line();
    private final Polygon marker = new Polygon(0, 0, -8, -14, 8, -14);
    private final Label valueLabel = new Label();
    private final Polygon truthMarker = new Polygon(0, 0, -8, 14, 8, 14);
    private final Label truthLabel = new Label();
    /** Held here so the weak listener on the (longer-lived) model lives as long as this picker. */
    private final InvalidationListener onReveal = obs -> update();
    private final InvalidationListener onSelect = obs -> markSelected();
    private final List<Line> tickLines = new ArrayList<>();
    private final List<Label> tickLabels = new ArrayList<>();
    private final List<Double> ticks;
    private final double sidePadding;

    /** A picker for dial {@code index} of the model's answer; {@code sidePadding} in pixels keeps end labels inside. */
    ValuePicker(DrillPaneModel model, int index, double sidePadding) {
        this.model = model;
        this.index = index;
        this.dial = model.dials().get(index);
        this.scale = dial.scale();
        this.sidePadding = sidePadding;
        this.ticks = scale.ticks();
        getStyleClass().add("value-picker");
        setId(index == 0 ? "drill-value" : "drill-value-" + (index + 1));
        track.getStyleClass().add("value-track");
        marker.getStyleClass().add("value-marker");
        valueLabel.getStyleClass().add("value-label");
        valueLabel.setId(index == 0 ? "drill-value-label" : "drill-value-label-" + (index + 1));
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
        truthMarker.getStyleClass().addAll("value-marker", "truth");
        truthLabel.getStyleClass().addAll("value-label", "truth");
        truthLabel.setId(index == 0 ? "drill-truth-label" : "drill-truth-label-" + (index + 1));
        getChildren().addAll(marker, valueLabel, truthMarker, truthLabel);
        getChildren().forEach(child -> child.setManaged(false));
        setMinHeight(72);
        setPrefHeight(72);
        setFocusTraversable(true);
        dial.valueProperty().addListener(obs -> update());
        // Among several settings, the one the arrow keys adjust is marked. A picker is made per question,
        // the model lives on: its listeners are weak, held by this picker.
        model.selectedDialProperty().addListener(new WeakInvalidationListener(onSelect));
        model.revealedProperty().addListener(new WeakInvalidationListener(onReveal));
        markSelected();
        setOnMousePressed(e -> {
            requestFocus();
            model.setDial(index, valueAtX(e.getX()));
        });
        setOnMouseDragged(e -> model.setDial(index, valueAtX(e.getX())));
        update();
    }

    private void markSelected() {
        pseudoClassStateChanged(SELECTED, model.dials().size() > 1 && model.selectedDialProperty().get() == index);
    }

    private void update() {
        OptionalDouble truth = index == 0 && model.truthShown() ? model.truthValue() : OptionalDouble.empty();
        truthMarker.setVisible(truth.isPresent());
        truthLabel.setVisible(truth.isPresent());
        truthLabel.setText(truth.isPresent() ? "truth: " + scale.format(truth.getAsDouble()) : "");
        String shown = scale.format(dial.value());
        valueLabel.setText(dial.name().isEmpty() ? shown : dial.name() + ": " + shown);
        setAccessibleText((dial.name().isEmpty() ? scale.quantity().name().toLowerCase().replace('_', ' ') : dial.name())
                + " answer: " + shown + ". Left and right arrows move it, Shift for bigger steps; Enter answers");
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double left = sidePadding;
        double right = getWidth() - sidePadding;
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
        double x = xOf(dial.value());
        marker.setLayoutX(x);
        marker.setLayoutY(TRACK_Y);
        valueLabel.autosize();
        double labelX = Math.max(0, Math.min(getWidth() - valueLabel.getWidth(), x - valueLabel.getWidth() / 2));
        valueLabel.relocate(labelX, 0);
        OptionalDouble truth = index == 0 && model.truthShown() ? model.truthValue() : OptionalDouble.empty();
        if (truth.isPresent()) {
            double truthX = xOf(truth.getAsDouble());
            truthMarker.setLayoutX(truthX);
            truthMarker.setLayoutY(TRACK_Y);
            truthLabel.autosize();
            double truthLabelX = Math.max(0, Math.min(getWidth() - truthLabel.getWidth(), truthX - truthLabel.getWidth() / 2));
            // Beside the answer's label rather than over it when the two are close.
            if (truthLabelX < labelX + valueLabel.getWidth() + 8 && truthLabelX + truthLabel.getWidth() + 8 > labelX) {
                truthLabelX = truthX >= x ? labelX + valueLabel.getWidth() + 12 : labelX - truthLabel.getWidth() - 12;
            }
            truthLabel.relocate(Math.max(0, Math.min(getWidth() - truthLabel.getWidth(), truthLabelX)), 0);
        }
    }

    private double xOf(double value) {
        return sidePadding + scale.fraction(value) * (getWidth() - 2 * sidePadding);
    }

    private double valueAtX(double x) {
        return scale.valueAt((x - sidePadding) / Math.max(1, getWidth() - 2 * sidePadding));
    }
}
