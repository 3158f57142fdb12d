package dev.mixdojo.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A line plot drawn as inline SVG (axes, grid, labelled ticks, several series); not thread-safe. */
final class SvgPlot {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 260;
    private static final int LEFT = 52;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 34;

    private final double xMin;
    private final double xMax;
    private final boolean logX;
    private final double yMin;
    private final double yMax;
    private final String xLabel;
    private final String yLabel;
    private final List<String> layers = new ArrayList<>();
    private final List<String> legend = new ArrayList<>();

    SvgPlot(double xMin, double xMax, boolean logX, double yMin, double yMax, String xLabel, String yLabel) {
        this.xMin = xMin;
        this.xMax = xMax;
        this.logX = logX;
        this.yMin = yMin;
        this.yMax = yMax;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    private double px(double x) {
        double t = logX ? Math.log(x / xMin) / Math.log(xMax / xMin) : (x - xMin) / (xMax - xMin);
        return LEFT + t * (WIDTH - LEFT - RIGHT);
    }

    private double py(double y) {
        double t = (Math.max(yMin, Math.min(yMax, y)) - yMin) / (yMax - yMin);
        return HEIGHT - BOTTOM - t * (HEIGHT - TOP - BOTTOM);
    }

    /** Adds a series; non-finite values break the line. */
    SvgPlot line(double[] xs, double[] ys, String colour, double strokeWidth, String name) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(ys[i]) || xs[i] < xMin || xs[i] > xMax) {
                pen = false;
                continue;
            }
            d.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", px(xs[i]), py(ys[i])));
            pen = true;
        }
        layers.add(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-linejoin=\"round\"/>",
                d.toString().trim(), colour, strokeWidth));
        if (name != null) {
            legend.add(String.format(Locale.ROOT, "<tspan fill=\"%s\">&#9632;</tspan> %s", colour, Html.escape(name)));
        }
        return this;
    }

    /** Adds a dashed horizontal line at {@code y}. */
    SvgPlot horizontal(double y, String colour, String name) {
        if (Double.isFinite(y)) {
            layers.add(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6 4\"/>",
                    LEFT, WIDTH - RIGHT, py(y), py(y), colour));
            if (name != null) {
                legend.add(String.format(Locale.ROOT, "<tspan fill=\"%s\">- -</tspan> %s", colour, Html.escape(name)));
            }
        }
        return this;
    }

    String render(String title) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" xmlns=\"http://www.w3.org/2000/svg\">",
                WIDTH, HEIGHT, Html.escape(title)));
        s.append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#fcfcfd\"/>");
        for (double y : ticks(yMin, yMax, 6)) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>", LEFT, WIDTH - RIGHT, py(y), py(y)));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>", LEFT - 6, py(y) + 4, format(y)));
        }
        for (double x : logX ? logTicks() : ticks(xMin, xMax, 8)) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" class=\"grid\"/>", px(x), px(x), TOP, HEIGHT - BOTTOM));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>",
                    px(x), HEIGHT - BOTTOM + 16, logX ? hz(x) : format(x)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">%s</text>",
                WIDTH - RIGHT, HEIGHT - 4, Html.escape(xLabel)));
        s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" class=\"axis\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>",
                HEIGHT / 2, HEIGHT / 2, Html.escape(yLabel)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>",
                LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        layers.forEach(s::append);
        if (!legend.isEmpty()) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>", LEFT + 8, TOP + 16,
                    String.join("  ", legend)));
        }
        return s.append("</svg>").toString();
    }

    private List<Double> logTicks() {
        List<Double> out = new ArrayList<>();
        for (double f : new double[] {20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000}) {
            if (f >= xMin && f <= xMax) {
                out.add(f);
            }
        }
        return out;
    }

    static List<Double> ticks(double min, double max, int target) {
        double raw = (max - min) / target;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) {
            out.add(Math.abs(v) < 1e-9 ? 0 : v);
        }
        return out;
    }

    private static String format(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String hz(double f) {
        return f >= 1000 ? String.format(Locale.ROOT, "%.0fk", f / 1000) : String.format(Locale.ROOT, "%.0f", f);
    }
}
