package dev.mixdojo.ui.mixer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.DoubleProperty;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * A pan knob over a position −1 (left) … +1 (right), drawn as a dial whose pointer sweeps 135° either side of
 * the top, with an arc from the centre to the position. Left/Right (or Down/Up) move {@value #STEP} (Shift:
 * {@value #FINE_STEP}), Home centres; dragging up or right turns it {@value #DRAG_PER_PIXEL} a pixel (Shift: a
 * fifth of that); a double-click centres it. Its value is a property bound both ways to a track's pan.
 */
final class PanKnob extends Region {
    /** How far an arrow key turns the knob. */
    static final double STEP = 0.05;
    /** How far a Shift-arrow turns the knob. */
    static final double FINE_STEP = 0.01;
    /** How far a drag turns the knob per pixel (up and right turn it right). */
    static final double DRAG_PER_PIXEL = 0.01;
    /** Degrees the pointer sweeps either side of the top at full left or right. */
    private static final double SWEEP_DEG = 135;
    private static final double SIZE_PX = 36;

    private final DoubleProperty position;
    private final Arc amount = new Arc();
    private final Line pointer = new Line();

    PanKnob(String id, String stem, DoubleProperty position) {
        this.position = position;
        setId(id);
        getStyleClass().add("pan-knob");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.SLIDER);
        setAccessibleText("Pan of " + stem + ": arrows move 5 %, Shift-arrows 1 %, drag, double-click or Home to centre");
        setPrefSize(SIZE_PX, SIZE_PX);
        setMinSize(SIZE_PX, SIZE_PX);
        setMaxSize(SIZE_PX, SIZE_PX);
        double r = SIZE_PX / 2;
        Circle dial = new Circle(r, r, r - 2);
        dial.getStyleClass().add("pan-knob-dial");
        amount.setCenterX(r);
        amount.setCenterY(r);
        amount.setRadiusX(r - 2);
        amount.setRadiusY(r - 2);
        amount.setType(ArcType.ROUND);
        amount.getStyleClass().add("pan-knob-amount");
        pointer.getStyleClass().add("pan-knob-pointer");
        getChildren().addAll(dial, amount, pointer);
        position.addListener((obs, was, now) -> redraw());
        redraw();

        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            double step = e.isShiftDown() ? FINE_STEP : STEP;
            switch (e.getCode()) {
                case LEFT, DOWN -> set(position.get() - step);
                case RIGHT, UP -> set(position.get() + step);
                case HOME -> set(0);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        double[] grab = {0, 0, 0}; // screen x, screen y and position where the drag took hold
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            if (e.getClickCount() == 2) {
                set(0);
            }
            grab[0] = e.getScreenX();
            grab[1] = e.getScreenY();
            grab[2] = position.get();
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            double pixels = (e.getScreenX() - grab[0]) + (grab[1] - e.getScreenY());
            set(grab[2] + pixels * DRAG_PER_PIXEL * (e.isShiftDown() ? 0.2 : 1));
            e.consume();
        });
    }

    private void set(double pan) {
        // To a tenth of a percent: steps add up to the positions a person types, without binary rounding residue.
        position.set(Math.max(-1, Math.min(1, Math.round(pan * 1000) / 1000.0)));
    }

    private void redraw() {
        double pan = position.get();
        double r = SIZE_PX / 2;
        double angle = Math.toRadians(90 - pan * SWEEP_DEG); // 0 rad points right, counter-clockwise
        pointer.setStartX(r);
        pointer.setStartY(r);
        pointer.setEndX(r + (r - 3) * Math.cos(angle));
        pointer.setEndY(r - (r - 3) * Math.sin(angle));
        amount.setStartAngle(90);
        amount.setLength(-pan * SWEEP_DEG);
        notifyAccessibleAttributeChanged(AccessibleAttribute.VALUE);
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        return switch (attribute) {
            case VALUE -> position.get();
            case MIN_VALUE -> -1.0;
            case MAX_VALUE -> 1.0;
            default -> super.queryAccessibleAttribute(attribute, parameters);
        };
    }

    /** A position in words: "C", or "30% L" / "30% R". */
    static String words(double pan) {
        if (Math.abs(pan) < 0.005) {
            return "C";
        }
        return String.format(Locale.ROOT, "%.0f%% %s", Math.abs(pan) * 100, pan < 0 ? "L" : "R");
    }

    private static final Pattern TYPED = Pattern.compile("(?i)\\s*([+-−]?\\d+(?:\\.\\d+)?)\\s*%?\\s*([LR]?)\\s*");

    /**
     * A typed position: "C" (centre), a percentage with a side ("30 L", "30% R", "45R"), or a signed percentage
     * ("-30" is 30 % left); empty when it is none of these or beyond 100 %.
     */
    static Optional<Double> parse(String typed) {
        String text = typed.strip();
        if (text.equalsIgnoreCase("C") || text.equalsIgnoreCase("centre") || text.equalsIgnoreCase("center")) {
            return Optional.of(0.0);
        }
        Matcher m = TYPED.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        double percent = Double.parseDouble(m.group(1).replace('−', '-'));
        String side = m.group(2).toUpperCase(Locale.ROOT);
        if (!side.isEmpty() && percent < 0) {
            return Optional.empty(); // "-30 R" says two things
        }
        double pan = (side.equals("L") ? -percent : percent) / 100;
        return Math.abs(pan) <= 1 ? Optional.of(pan) : Optional.empty();
    }
}
