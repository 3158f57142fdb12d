package dev.mixdojo.ui.chart;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javafx.scene.AccessibleRole;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import javafx.scene.text.Text;

/**
 * A small line plot drawn with shapes, so the theme's CSS colours it: up to three series, a
 * linear or logarithmic (frequency) x axis, tick labels and a legend. Gaps (NaN, ±∞) break a line.
 * Redrawn on resize. JavaFX thread only.
 */
public final class LinePlot extends Pane {
    private static final double LEFT_PX = 52;
    private static final double RIGHT_PX = 14;
    private static final double TOP_PX = 36;
    private static final double BOTTOM_PX = 34;
    /** Series with at most this many points have each point marked. */
    private static final int MARKED_POINTS = 60;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final double[] LOG_TICKS_HZ = {20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000};

    /** One line: its name in the legend and its points. */
    public record Series(String name, double[] x, double[] y) {
        /** Checks that x and y pair up. */
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("x and y need the same length");
            }
        }
    }

    private final String xLabel;
    private final String yLabel;
    private final XAxis xAxis;
    private List<Series> series = List.of();
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;

    /** How the x axis runs and is labelled. */
    public enum XAxis {
        /** Plain numbers. */
        LINEAR,
        /** Frequencies on a log scale, ticks at 20, 50, 100 … 20k. */
        LOG_HZ,
        /** Calendar days: x is the epoch day; ticks fall on whole days, written "7 Dec". */
        DAYS
    }

    /** A plot named {@code title} for screen readers, with axis labels (units in brackets) and the x scale. */
    public LinePlot(String title, String xLabel, String yLabel, XAxis xAxis) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xAxis = xAxis;
        getStyleClass().add("line-plot");
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText(title);
        setMinHeight(160);
        setPrefHeight(220);
    }

    /** Shows these series; {@code yMin}/{@code yMax} fix the y range (NaN: from the data). */
    public void show(List<Series> shown, double yMinFixed, double yMaxFixed) {
        this.series = List.copyOf(shown);
        this.yMin = yMinFixed;
        this.yMax = yMaxFixed;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        getChildren().clear();
        double w = getWidth() - LEFT_PX - RIGHT_PX;
        double h = getHeight() - TOP_PX - BOTTOM_PX;
        if (w <= 10 || h <= 10) {
            return;
        }
        double[] xRange = range(true);
        double[] yRange = range(false);
        if (!Double.isNaN(yMin)) {
            yRange[0] = yMin;
        }
        if (!Double.isNaN(yMax)) {
            yRange[1] = yMax;
        }
        if (!(xRange[1] > xRange[0]) || !(yRange[1] > yRange[0])) {
            return;
        }
        double x0 = xRange[0];
        double x1 = xRange[1];
        double y0 = yRange[0];
        double y1 = yRange[1];
        DoubleUnaryOperator px = v -> LEFT_PX + (scaleX(v) - scaleX(x0)) / (scaleX(x1) - scaleX(x0)) * w;
        DoubleUnaryOperator py = v -> TOP_PX + (1 - (v - y0) / (y1 - y0)) * h;

        List<Double> xTicks = switch (xAxis) {
            case LOG_HZ -> logTicks(x0, x1);
            case DAYS -> dayTicks(x0, x1);
            case LINEAR -> niceTicks(x0, x1);
        };
        for (double tick : xTicks) {
            double x = px.applyAsDouble(tick);
            add(new Line(x, TOP_PX, x, TOP_PX + h), "plot-grid");
            Text label = text(switch (xAxis) {
                case LOG_HZ -> hertz(tick);
                case DAYS -> LocalDate.ofEpochDay(Math.round(tick)).format(DAY);
                case LINEAR -> number(tick);
            });
            label.setX(x - label.getLayoutBounds().getWidth() / 2);
            label.setY(TOP_PX + h + 14);
            getChildren().add(label);
        }
        for (double tick : niceTicks(y0, y1)) {
            double y = py.applyAsDouble(tick);
            add(new Line(LEFT_PX, y, LEFT_PX + w, y), "plot-grid");
            Text label = text(number(tick));
            label.setX(LEFT_PX - 6 - label.getLayoutBounds().getWidth());
            label.setY(y + 4);
            getChildren().add(label);
        }
        add(new Line(LEFT_PX, TOP_PX + h, LEFT_PX + w, TOP_PX + h), "plot-axis");
        add(new Line(LEFT_PX, TOP_PX, LEFT_PX, TOP_PX + h), "plot-axis");
        Text xName = text(xLabel);
        xName.setX(LEFT_PX + w - xName.getLayoutBounds().getWidth());
        xName.setY(TOP_PX + h + 30);
        Text yName = text(yLabel);
        yName.setX(4);
        yName.setY(12);
        getChildren().addAll(xName, yName);

        double legendX = LEFT_PX + w;
        for (int s = series.size() - 1; s >= 0; s--) {
            Series one = series.get(s);
            Text name = text("— " + one.name());
            name.getStyleClass().setAll("plot-text", "legend-" + s);
            legendX -= name.getLayoutBounds().getWidth() + 12;
            name.setX(legendX);
            name.setY(TOP_PX - 12);
            getChildren().add(name);
            for (Polyline line : lines(one, px, py, x0, x1, y0, y1)) {
                line.getStyleClass().addAll("plot-line", "series-" + s);
                getChildren().add(line);
                // Few points are each marked, so that a single one (one day) is seen too.
                if (one.x().length <= MARKED_POINTS) {
                    for (int i = 0; i + 1 < line.getPoints().size(); i += 2) {
                        Circle point = new Circle(line.getPoints().get(i), line.getPoints().get(i + 1), 3.5);
                        point.getStyleClass().addAll("plot-marker", "series-" + s);
                        getChildren().add(point);
                    }
                }
            }
        }
    }

    private List<Polyline> lines(Series one, DoubleUnaryOperator px, DoubleUnaryOperator py,
            double x0, double x1, double y0, double y1) {
        List<Polyline> lines = new ArrayList<>();
        Polyline current = null;
        for (int i = 0; i < one.x().length; i++) {
            double x = one.x()[i];
            double y = one.y()[i];
            if (!Double.isFinite(x) || !Double.isFinite(y) || x < x0 || x > x1) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new Polyline();
                lines.add(current);
            }
            double clamped = Math.max(y0, Math.min(y1, y));
            current.getPoints().addAll(px.applyAsDouble(x), py.applyAsDouble(clamped));
        }
        return lines;
    }

    private double[] range(boolean x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series one : series) {
            double[] values = x ? one.x() : one.y();
            double[] other = x ? one.y() : one.x();
            for (int i = 0; i < values.length; i++) {
                if (Double.isFinite(values[i]) && Double.isFinite(other[i]) && (!x || xAxis != XAxis.LOG_HZ || values[i] > 0)) {
                    min = Math.min(min, values[i]);
                    max = Math.max(max, values[i]);
                }
            }
        }
        if (x && xAxis == XAxis.DAYS && Double.isFinite(min)) {
            return new double[] {min - 0.5, max + 0.5}; // each day's point sits within its day
        }
        if (min == max && Double.isFinite(min)) {
            return new double[] {min - 1, max + 1};
        }
        return new double[] {min, max};
    }

    private double scaleX(double v) {
        return xAxis == XAxis.LOG_HZ ? Math.log10(v) : v;
    }

    private void add(Line line, String styleClass) {
        line.getStyleClass().add(styleClass);
        getChildren().add(line);
    }

    private static Text text(String content) {
        Text text = new Text(content);
        text.getStyleClass().add("plot-text");
        return text;
    }

    private static List<Double> logTicks(double min, double max) {
        List<Double> ticks = new ArrayList<>();
        for (double t : LOG_TICKS_HZ) {
            if (t >= min && t <= max) {
                ticks.add(t);
            }
        }
        return ticks;
    }

    /** Whole days between {@code min} and {@code max} (epoch days), every day or every 2, 7, 14 or 28 days, at most eight. */
    static List<Double> dayTicks(double min, double max) {
        long first = (long) Math.ceil(min);
        long last = (long) Math.floor(max);
        long step = 1;
        for (long s : new long[] {1, 2, 7, 14, 28}) {
            step = s;
            if ((last - first) / s < 8) {
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        for (long day = last; day >= first; day -= step) {
            ticks.add(0, (double) day); // counted back from the newest day, so today is always labelled
        }
        return ticks;
    }

    /** Ticks at 1, 2 or 5 times a power of ten, about five over the range (Heckbert's "nice numbers"). */
    static List<Double> niceTicks(double min, double max) {
        double raw = (max - min) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double step = (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10) * magnitude;
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    private static String number(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-9 ? String.valueOf((long) Math.rint(value))
                : String.format(Locale.ROOT, "%.2g", value);
    }

    private static String hertz(double hz) {
        return hz >= 1000 ? number(hz / 1000) + "k" : number(hz);
    }
}
