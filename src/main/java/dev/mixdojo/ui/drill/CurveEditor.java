package dev.mixdojo.ui.drill;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

/**
 * Draw how a value moved over the excerpt (a fader ride, a filter sweep): a point every half
 * second, across the same width as the waveform above it. Drag across to draw; from the keyboard,
 * ← and → pick a point and ↑ and ↓ move it (Shift: bigger steps, handled by the pane).
 */
final class CurveEditor extends Region {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final double TOP = 8;
    private static final double BOTTOM = 22;

    private final DrillPaneModel model;
    private final List<Dial> points;
    private final ValueScale scale;
    private final Polyline curve = new Polyline();
    private final List<Circle> handles = new ArrayList<>();
    private final List<Line> gridLines = new ArrayList<>();
    private final List<Label> gridLabels = new ArrayList<>();
    private final List<Double> ticks;

    CurveEditor(DrillPaneModel model) {
        this.model = model;
        this.points = model.dials();
        this.scale = points.get(0).scale();
        this.ticks = scale.ticks();
        getStyleClass().add("curve-editor");
        setId("drill-curve");
        curve.getStyleClass().add("curve-line");
        for (Double tick : ticks) {
            Line line = new Line();
            line.getStyleClass().add("curve-grid");
            Label label = new Label(scale.tickLabel(tick));
            label.getStyleClass().add("value-tick-label");
            gridLines.add(line);
            gridLabels.add(label);
        }
        getChildren().addAll(gridLines);
        getChildren().addAll(gridLabels);
        getChildren().add(curve);
        for (Dial point : points) {
            Circle handle = new Circle(4);
            handle.getStyleClass().add("curve-point");
            handles.add(handle);
            point.valueProperty().addListener(obs -> requestLayout());
        }
        getChildren().addAll(handles);
        getChildren().forEach(child -> child.setManaged(false));
        setMinHeight(140);
        setPrefHeight(160);
        setFocusTraversable(true);
        model.selectedDialProperty().addListener(obs -> describe());
        setOnMousePressed(e -> {
            requestFocus();
            draw(e.getX(), e.getY());
        });
        setOnMouseDragged(e -> draw(e.getX(), e.getY()));
        describe();
    }

    private void draw(double x, double y) {
        int index = (int) Math.round(Math.max(0, Math.min(1, x / Math.max(1, getWidth()))) * (points.size() - 1));
        double fraction = 1 - (y - TOP) / Math.max(1, getHeight() - TOP - BOTTOM);
        model.setDial(index, scale.valueAt(fraction));
        describe();
    }

    private void describe() {
        int selected = Math.min(model.selectedDialProperty().get(), points.size() - 1);
        Dial point = points.get(selected);
        setAccessibleText(String.format(java.util.Locale.ROOT, "Drawn curve, point %d of %d at %.1f s: %s. "
                + "Left and right arrows pick a point, up and down move it; Enter answers",
                selected + 1, points.size(), point.timeS(), scale.format(point.value())));
        for (int i = 0; i < handles.size(); i++) {
            handles.get(i).pseudoClassStateChanged(SELECTED, i == selected);
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        for (int i = 0; i < ticks.size(); i++) {
            double y = yOf(ticks.get(i));
            gridLines.get(i).setStartX(0);
            gridLines.get(i).setEndX(w);
            gridLines.get(i).setStartY(y);
            gridLines.get(i).setEndY(y);
            Label label = gridLabels.get(i);
            label.autosize();
            label.relocate(2, y - label.getHeight());
        }
        Double[] xy = new Double[2 * points.size()];
        for (int i = 0; i < points.size(); i++) {
            double x = points.size() == 1 ? 0 : w * i / (points.size() - 1);
            double y = yOf(points.get(i).value());
            xy[2 * i] = x;
            xy[2 * i + 1] = y;
            handles.get(i).setCenterX(x);
            handles.get(i).setCenterY(y);
        }
        curve.getPoints().setAll(xy);
    }

    private double yOf(double value) {
        return TOP + (1 - scale.fraction(value)) * (getHeight() - TOP - BOTTOM);
    }
}
