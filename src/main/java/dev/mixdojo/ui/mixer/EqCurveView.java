package dev.mixdojo.ui.mixer;

import dev.mixdojo.dsp.eq.EqSettings;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;

/**
 * The selected track's EQ curve (the bands' summed response, {@code magnitudeDbAt}) on a log-frequency
 * axis, with a point per band: drag a point to move its frequency and gain, double-click to add a band.
 * Keyboard: A adds a band at 1 kHz, [ and ] pick a band, arrows move it (a sixth of an octave, half a
 * dB), Delete removes it.
 */
final class EqCurveView extends Canvas {
    private static final double LOW_HZ = 20;
    private static final double HIGH_HZ = 20000;
    private static final double RANGE_DB = 24;
    private static final double POINT_RADIUS = 6;
    private final MixerViewModel model;
    private TrackModel track;
    private int chosen = -1;
    private final InvalidationListener redraw = obs -> draw();

    EqCurveView(MixerViewModel model) {
        super(460, 170);
        this.model = model;
        setId("mixer-eq");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.NODE);
        setAccessibleText("EQ curve. A adds a band, [ and ] choose a band, arrows move it, Delete removes it");
        setOnMousePressed(e -> {
            requestFocus();
            if (track == null) {
                return;
            }
            chosen = nearestBand(e.getX(), e.getY());
            if (chosen < 0 && e.getClickCount() == 2) {
                chosen = track.addPeakBand(frequencyAt(e.getX()));
            }
            draw();
        });
        setOnMouseDragged(e -> {
            if (track != null && chosen >= 0) {
                track.moveBand(chosen, frequencyAt(e.getX()), gainAt(e.getY()));
            }
        });
        setOnKeyPressed(e -> {
            if (track == null) {
                return;
            }
            List<EqSettings> bands = track.eqProperty().get();
            KeyCode code = e.getCode();
            if (code == KeyCode.A) {
                chosen = track.addPeakBand(1000);
            } else if (!bands.isEmpty() && (code == KeyCode.CLOSE_BRACKET || code == KeyCode.OPEN_BRACKET)) {
                chosen = Math.floorMod(chosen + (code == KeyCode.CLOSE_BRACKET ? 1 : -1), bands.size());
            } else if (chosen >= 0 && chosen < bands.size() && isArrow(code)) {
                EqSettings band = bands.get(chosen);
                double octaves = code == KeyCode.RIGHT ? 1 / 6.0 : code == KeyCode.LEFT ? -1 / 6.0 : 0;
                double db = code == KeyCode.UP ? 0.5 : code == KeyCode.DOWN ? -0.5 : 0;
                track.moveBand(chosen, band.frequencyHz().initial() * Math.pow(2, octaves), band.gainDb().initial() + db);
            } else if (chosen >= 0 && chosen < bands.size() && (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE)) {
                track.removeBand(chosen);
                chosen = -1;
            } else {
                return;
            }
            e.consume();
            draw();
        });
    }

    private static boolean isArrow(KeyCode code) {
        return code == KeyCode.LEFT || code == KeyCode.RIGHT || code == KeyCode.UP || code == KeyCode.DOWN;
    }

    /** Shows another track's EQ. */
    void show(TrackModel shown) {
        if (track != null) {
            track.eqProperty().removeListener(redraw);
        }
        track = shown;
        chosen = -1;
        if (track != null) {
            track.eqProperty().addListener(redraw);
        }
        draw();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.web("#f4f4f6"));
        g.fillRect(0, 0, w, h);
        g.setLineWidth(1);
        // A log frequency grid (2 and 5 of each decade faint) and a dB grid every 6 dB, labelled every 12.
        g.setStroke(Color.web("#e2e2e8"));
        for (double f : new double[] {50, 200, 500, 2000, 5000}) {
            g.strokeLine(xOf(f), 0, xOf(f), h);
        }
        for (double db = -RANGE_DB; db <= RANGE_DB; db += 6) {
            g.strokeLine(0, yOf(db), w, yOf(db));
        }
        g.setStroke(Color.web("#c8c8d0"));
        for (double f : new double[] {100, 1000, 10000}) {
            g.strokeLine(xOf(f), 0, xOf(f), h);
        }
        g.strokeLine(0, yOf(0), w, yOf(0));
        g.setFill(Color.web("#666"));
        g.fillText("100 Hz", xOf(100) + 3, h - 4);
        g.fillText("1 kHz", xOf(1000) + 3, h - 4);
        g.fillText("10 kHz", xOf(10000) + 3, h - 4);
        for (double db = -12; db <= 12; db += 12) {
            g.fillText(db == 0 ? "0 dB" : String.format(Locale.ROOT, "%+.0f dB", db), 3, yOf(db) - 3);
        }
        if (track == null) {
            return;
        }
        g.setStroke(Color.web("#2d6cdf"));
        g.setLineWidth(2);
        double rateHz = model.sampleRateHz();
        double previousY = yOf(track.eqCurveDb(LOW_HZ, rateHz));
        for (int px = 1; px <= (int) w; px++) {
            double y = yOf(track.eqCurveDb(frequencyAt(px), rateHz));
            g.strokeLine(px - 1, previousY, px, y);
            previousY = y;
        }
        List<EqSettings> bands = track.eqProperty().get();
        for (int b = 0; b < bands.size(); b++) {
            EqSettings band = bands.get(b);
            double x = xOf(band.frequencyHz().initial());
            double y = yOf(band.gainDb().initial());
            g.setFill(b == chosen ? Color.web("#d9480f") : Color.web("#2d6cdf"));
            g.fillOval(x - POINT_RADIUS, y - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
        }
        setAccessibleHelp(describe(bands));
    }

    /** The bands in words, for a screen reader. */
    static String describe(List<EqSettings> bands) {
        if (bands.isEmpty()) {
            return "No EQ bands";
        }
        StringBuilder text = new StringBuilder();
        for (EqSettings b : bands) {
            text.append(String.format(Locale.ROOT, "%s %.0f Hz %+.1f dB; ", b.type().vocabularyName(),
                    b.frequencyHz().initial(), b.gainDb().initial()));
        }
        return text.toString().strip();
    }

    private int nearestBand(double x, double y) {
        List<EqSettings> bands = track.eqProperty().get();
        int best = -1;
        double bestDistance = 2 * POINT_RADIUS;
        for (int b = 0; b < bands.size(); b++) {
            double d = Math.hypot(x - xOf(bands.get(b).frequencyHz().initial()), y - yOf(bands.get(b).gainDb().initial()));
            if (d <= bestDistance) {
                bestDistance = d;
                best = b;
            }
        }
        return best;
    }

    private double xOf(double frequencyHz) {
        return getWidth() * Math.log(frequencyHz / LOW_HZ) / Math.log(HIGH_HZ / LOW_HZ);
    }

    private double frequencyAt(double x) {
        return LOW_HZ * Math.pow(HIGH_HZ / LOW_HZ, Math.max(0, Math.min(1, x / getWidth())));
    }

    private double yOf(double db) {
        return getHeight() / 2 - db / RANGE_DB * (getHeight() / 2 - POINT_RADIUS);
    }

    private double gainAt(double y) {
        return (getHeight() / 2 - y) / (getHeight() / 2 - POINT_RADIUS) * RANGE_DB;
    }
}
