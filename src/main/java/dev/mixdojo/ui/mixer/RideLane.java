package dev.mixdojo.ui.mixer;

import dev.mixdojo.dsp.automation.Param;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A channel's ride drawn small under its fader: the fader's level over the whole song (a flat line without a
 * ride) from {@value #BOTTOM_DB} to {@value #TOP_DB} dB, a faint 0 dB line, and the playhead.
 */
final class RideLane extends Canvas {
    static final double TOP_DB = 12;
    static final double BOTTOM_DB = -24;
    private final TrackModel track;
    private final ObservableDoubleValue positionS;
    private final ObservableDoubleValue lengthS;
    /** Redraws on the screen's playhead and length, which outlive the lane: held here, listened to weakly. */
    private final ChangeListener<Number> redraw = (obs, was, now) -> draw();

    RideLane(TrackModel track, ObservableDoubleValue positionS, ObservableDoubleValue lengthS, double widthPx, double heightPx) {
        super(widthPx, heightPx);
        this.track = track;
        this.positionS = positionS;
        this.lengthS = lengthS;
        setId("ride-lane-" + track.stem());
        setAccessibleText("Ride of " + track.stem() + ": its fader's level over the song, with the playhead");
        track.rideProperty().addListener((obs, was, now) -> draw());
        track.faderDbProperty().addListener((obs, was, now) -> draw());
        // The Mixer's playhead and length belong to its model, which outlives the strips of every challenge opened.
        positionS.addListener(new WeakChangeListener<>(redraw));
        lengthS.addListener(new WeakChangeListener<>(redraw));
        draw();
    }

    /** The y of a level in dB (clamped to the lane). */
    double y(double db) {
        double clamped = Math.max(BOTTOM_DB, Math.min(TOP_DB, db));
        return (TOP_DB - clamped) / (TOP_DB - BOTTOM_DB) * (getHeight() - 2) + 1;
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        g.setFill(Color.gray(0.5, 0.12));
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.gray(0.5, 0.5));
        g.setLineWidth(0.5);
        g.strokeLine(0, y(0), w, y(0));
        double length = lengthS.get();
        if (length <= 0) {
            return;
        }
        g.setStroke(track.rideProperty().get().isEmpty() ? Color.gray(0.45) : Color.DODGERBLUE);
        g.setLineWidth(1.5);
        g.beginPath();
        Param gain = track.playedFaderDb();
        for (int x = 0; x <= (int) w; x++) {
            double db = gain.valueAt(x / w * length);
            if (x == 0) {
                g.moveTo(x, y(db));
            } else {
                g.lineTo(x, y(db));
            }
        }
        g.stroke();
        double at = Math.min(1, positionS.get() / length) * w;
        g.setStroke(Color.ORANGERED);
        g.setLineWidth(1);
        g.strokeLine(at, 0, at, h);
    }
}
