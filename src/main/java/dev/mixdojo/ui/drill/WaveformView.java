package dev.mixdojo.ui.drill;

import dev.mixdojo.audio.AudioBuffer;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

/**
 * The waveform of the version the pane shows (the original until the answer, so its shape never
 * tells A from B; then the one heard), with the playhead and the loop region. A click seeks,
 * a drag loops the dragged region, a double click plays the whole length again. Drawn with
 * shapes styled by CSS, so both themes colour it.
 */
final class WaveformView extends Region {
    /** Columns of the envelope; the polygon is stretched to the view's width. */
    static final int COLUMNS = 480;

    private final DrillPaneModel model;
    private final Polygon envelope = new Polygon();
    private final Rectangle loopArea = new Rectangle();
    private final Line playhead = new Line();
    private final Line centre = new Line();
    private float[] peaks = new float[0];
    private double dragStartS = -1;

    WaveformView(DrillPaneModel model) {
        this.model = model;
        getStyleClass().add("waveform");
        envelope.getStyleClass().add("waveform-shape");
        loopArea.getStyleClass().add("waveform-loop");
        playhead.getStyleClass().add("waveform-playhead");
        centre.getStyleClass().add("waveform-centre");
        envelope.setManaged(false);
        loopArea.setManaged(false);
        playhead.setManaged(false);
        centre.setManaged(false);
        getChildren().addAll(centre, envelope, loopArea, playhead);
        setMinHeight(90);
        setPrefHeight(110);
        setAccessibleText("Waveform: click to move the playhead, drag to loop a region, double-click to stop looping; "
                + "[ and ] set the loop from the keyboard, L clears it");

        InvalidationListener redraw = obs -> requestLayout();
        InvalidationListener reshape = obs -> {
            peaks = envelopeOf(model.sourcesProperty().get().get(model.shownVersionProperty().get()));
            requestLayout();
        };
        model.shownVersionProperty().addListener(reshape);
        model.questionProperty().addListener(reshape);
        model.positionSProperty().addListener(redraw);
        model.loopProperty().addListener(redraw);

        setOnMousePressed(e -> dragStartS = timeAt(e.getX()));
        setOnMouseDragged(e -> {
            if (dragStartS >= 0) {
                showLoop(Optional.of(new DrillPaneModel.Loop(Math.min(dragStartS, timeAt(e.getX())),
                        Math.max(dragStartS, timeAt(e.getX()) + 1e-9))));
            }
        });
        setOnMouseReleased(e -> {
            if (e.getClickCount() >= 2) {
                model.clearLoop();
            } else if (dragStartS >= 0) {
                model.setLoop(dragStartS, timeAt(e.getX()));
            }
            dragStartS = -1;
            requestLayout();
        });
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double mid = h / 2;
        centre.setStartX(0);
        centre.setEndX(w);
        centre.setStartY(mid);
        centre.setEndY(mid);
        int columns = peaks.length / 2;
        Double[] points = new Double[columns * 4];
        for (int i = 0; i < columns; i++) {
            double x = columns == 1 ? 0 : w * i / (columns - 1);
            points[2 * i] = x;
            points[2 * i + 1] = mid - peaks[2 * i + 1] * mid * 0.95;
            int back = columns * 4 - 2 - 2 * i;
            points[back] = x;
            points[back + 1] = mid - peaks[2 * i] * mid * 0.95;
        }
        envelope.getPoints().setAll(points);
        double x = xAt(model.positionSProperty().get());
        playhead.setStartX(x);
        playhead.setEndX(x);
        playhead.setStartY(0);
        playhead.setEndY(h);
        if (dragStartS < 0) {
            showLoop(model.loopProperty().get());
        }
    }

    private void showLoop(Optional<DrillPaneModel.Loop> loop) {
        loopArea.setVisible(loop.isPresent());
        loop.ifPresent(l -> {
            loopArea.setX(xAt(l.startS()));
            loopArea.setY(0);
            loopArea.setWidth(Math.max(1, xAt(l.endS()) - xAt(l.startS())));
            loopArea.setHeight(getHeight());
        });
    }

    private double xAt(double seconds) {
        double duration = model.durationSProperty().get();
        return duration > 0 ? getWidth() * seconds / duration : 0;
    }

    private double timeAt(double x) {
        return Math.max(0, Math.min(1, x / Math.max(1, getWidth()))) * model.durationSProperty().get();
    }

    /** Per column the lowest and highest sample over all channels (min, max pairs), −1…1. */
    static float[] envelopeOf(AudioBuffer audio) {
        if (audio == null || audio.frames() == 0) {
            return new float[0];
        }
        int columns = Math.min(COLUMNS, audio.frames());
        float[] out = new float[2 * columns];
        for (int i = 0; i < columns; i++) {
            int from = (int) ((long) audio.frames() * i / columns);
            int to = (int) ((long) audio.frames() * (i + 1) / columns);
            float low = 0;
            float high = 0;
            for (float[] channel : audio.channels()) {
                for (int f = from; f < to; f++) {
                    low = Math.min(low, channel[f]);
                    high = Math.max(high, channel[f]);
                }
            }
            out[2 * i] = Math.max(-1, low);
            out[2 * i + 1] = Math.min(1, high);
        }
        return out;
    }
}
