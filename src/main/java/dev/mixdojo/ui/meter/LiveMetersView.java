package dev.mixdojo.ui.meter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The live meters beside the waveform: momentary and short-term loudness, peak and correlation as
 * bars with their numbers, and a third-octave spectrum. Styled by CSS (both themes).
 */
public final class LiveMetersView extends VBox {
    /** Lowest level the loudness and peak bars and the spectrum show, in dB. */
    static final double FLOOR_DB = -60;
    /** Lowest band level the spectrum shows, in dBFS. */
    static final double SPECTRUM_FLOOR_DB = -90;

    private final Bar momentary = new Bar("M", "Momentary loudness");
    private final Bar shortTerm = new Bar("S", "Short-term loudness");
    private final Bar peak = new Bar("Pk", "Peak");
    private final Bar correlation = new Bar("Cor", "Correlation");
    private final HBox spectrum = new HBox(1);
    private final List<Region> bands = new ArrayList<>();

    /** Meters showing {@code model}'s readings. */
    public LiveMetersView(LiveMetersModel model) {
        getStyleClass().add("live-meters");
        setId("live-meters");
        setSpacing(6);
        setPrefWidth(260);
        setMinWidth(220);
        GridPane bars = new GridPane();
        bars.getStyleClass().add("meter-bars");
        bars.setHgap(6);
        bars.setVgap(3);
        int row = 0;
        for (Bar bar : List.of(momentary, shortTerm, peak, correlation)) {
            bars.addRow(row++, bar.name, bar.track, bar.value);
        }
        spectrum.getStyleClass().add("spectrum");
        spectrum.setId("live-spectrum");
        spectrum.setAlignment(Pos.BOTTOM_LEFT);
        spectrum.setMinHeight(56);
        spectrum.setPrefHeight(56);
        spectrum.setAccessibleText("Spectrum of what is playing, third-octave bands from 20 Hz to 20 kHz");
        getChildren().addAll(bars, spectrum);
        model.readingProperty().addListener((obs, old, reading) -> show(reading));
        show(model.readingProperty().get());
    }

    private void show(Optional<MeterReading> reading) {
        if (reading.isEmpty()) {
            for (Bar bar : List.of(momentary, shortTerm, peak, correlation)) {
                bar.set(0, "—");
            }
            return;
        }
        MeterReading r = reading.get();
        momentary.set(dbFraction(r.momentaryLufs()), lufs(r.momentaryLufs()));
        shortTerm.set(dbFraction(r.shortTermLufs()), lufs(r.shortTermLufs()));
        peak.set(dbFraction(r.peakDbfs()), Double.isFinite(r.peakDbfs())
                ? String.format(Locale.ROOT, "%.1f dBFS", r.peakDbfs()) : "silent");
        correlation.set(Double.isNaN(r.correlation()) ? 0 : (r.correlation() + 1) / 2,
                Double.isNaN(r.correlation()) ? "mono" : String.format(Locale.ROOT, "%+.2f", r.correlation()));
        double[] levels = r.bandLevelsDb();
        if (bands.size() != levels.length) {
            bands.clear();
            spectrum.getChildren().clear();
            for (int i = 0; i < levels.length; i++) {
                Region band = new Region();
                band.getStyleClass().add("spectrum-band");
                band.setPrefWidth(6);
                band.setMinWidth(2);
                bands.add(band);
                spectrum.getChildren().add(band);
            }
        }
        for (int i = 0; i < levels.length; i++) {
            double fraction = Double.isFinite(levels[i]) ? (levels[i] - SPECTRUM_FLOOR_DB) / -SPECTRUM_FLOOR_DB : 0;
            double height = Math.max(1, Math.min(1, fraction) * spectrum.getPrefHeight());
            bands.get(i).setMinHeight(height);
            bands.get(i).setMaxHeight(height);
        }
    }

    private static double dbFraction(double db) {
        return Double.isFinite(db) ? Math.max(0, Math.min(1, (db - FLOOR_DB) / -FLOOR_DB)) : 0;
    }

    private static String lufs(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f LUFS", value) : "—";
    }

    /** One meter: its short name, a bar filled to a fraction, and its number. */
    private static final class Bar {
        final Label name;
        final StackPane track = new StackPane();
        final Region fill = new Region();
        final Label value = new Label("—");
        private final String spoken;

        Bar(String shortName, String spoken) {
            this.spoken = spoken;
            name = new Label(shortName);
            name.getStyleClass().add("meter-name");
            track.getStyleClass().add("meter-track");
            fill.getStyleClass().add("meter-fill");
            track.setPrefSize(120, 10);
            track.setAlignment(Pos.CENTER_LEFT);
            track.getChildren().add(fill);
            value.getStyleClass().add("meter-value");
            value.setMinWidth(76);
        }

        void set(double fraction, String text) {
            fill.setMaxWidth(fraction * track.getPrefWidth());
            fill.setPrefWidth(fraction * track.getPrefWidth());
            value.setText(text);
            track.setAccessibleText(spoken + ": " + text);
            value.setAccessibleText(spoken + ": " + text);
        }
    }
}
