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
 * bars with their numbers, and a third-octave spectrum (after the answer, of A and B side by side,
 * band by band, with a key). Blank ("—") until there is a reading. Styled by CSS (both themes).
 */
public final class LiveMetersView extends VBox {
    /** Lowest level the loudness and peak bars and the spectrum show, in dB. */
    static final double FLOOR_DB = -60;
    /** Lowest band level the spectrum shows, in dBFS. */
    static final double SPECTRUM_FLOOR_DB = -90;

    private final Bar momentary = new Bar("momentary", "M", "Momentary loudness");
    private final Bar shortTerm = new Bar("short-term", "S", "Short-term loudness");
    private final Bar peak = new Bar("peak", "Pk", "Peak");
    private final Bar correlation = new Bar("correlation", "Cor", "Correlation");
    private final HBox spectrum = new HBox(1);
    private final Label key = new Label();
    /** The spectrum's bars: per version drawn, one bar per band. */
    private final List<List<Region>> bars = new ArrayList<>();

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
        key.setId("live-spectrum-key");
        key.getStyleClass().add("spectrum-key");
        key.setWrapText(true);
        key.visibleProperty().bind(key.textProperty().isNotEmpty());
        key.managedProperty().bind(key.visibleProperty());
        getChildren().addAll(bars, spectrum, key);
        model.displayProperty().addListener((obs, old, display) -> show(display));
        show(model.displayProperty().get());
    }

    private void show(Optional<LiveMetersModel.Display> display) {
        if (display.isEmpty()) {
            for (Bar bar : List.of(momentary, shortTerm, peak, correlation)) {
                bar.set(0, "—");
            }
            showSpectra(List.of());
            return;
        }
        MeterReading r = display.get().shown();
        momentary.set(dbFraction(r.momentaryLufs()), lufs(r.momentaryLufs()));
        shortTerm.set(dbFraction(r.shortTermLufs()), lufs(r.shortTermLufs()));
        peak.set(dbFraction(r.peakDbfs()), peakText(r.peakDbfs()));
        correlation.set(Double.isNaN(r.correlation()) ? 0 : (r.correlation() + 1) / 2, correlationText(r.correlation()));
        showSpectra(List.copyOf(display.get().spectra().values()));
        List<String> versions = List.copyOf(display.get().spectra().keySet());
        key.setText(versions.size() < 2 ? "" : "Spectrum: left bar " + versions.get(0) + ", right bar " + versions.get(1)
                + " in each band");
    }

    /** One bar per band for each reading (side by side, band by band); none without readings. */
    private void showSpectra(List<MeterReading> readings) {
        int bandCount = readings.isEmpty() ? 0 : readings.get(0).bandLevelsDb().length;
        if (bars.size() != readings.size() || !bars.isEmpty() && bars.get(0).size() != bandCount) {
            bars.clear();
            spectrum.getChildren().clear();
            for (int v = 0; v < readings.size(); v++) {
                bars.add(new ArrayList<>());
            }
            for (int i = 0; i < bandCount; i++) {
                for (int v = 0; v < readings.size(); v++) {
                    Region band = new Region();
                    band.getStyleClass().addAll("spectrum-band", "spectrum-band-" + (char) ('a' + v));
                    band.setPrefWidth(readings.size() == 1 ? 6 : 3);
                    band.setMinWidth(1);
                    bars.get(v).add(band);
                    spectrum.getChildren().add(band);
                }
            }
        }
        for (int v = 0; v < readings.size(); v++) {
            double[] levels = readings.get(v).bandLevelsDb();
            for (int i = 0; i < levels.length; i++) {
                double fraction = Double.isFinite(levels[i]) ? (levels[i] - SPECTRUM_FLOOR_DB) / -SPECTRUM_FLOOR_DB : 0;
                double height = Math.max(1, Math.min(1, fraction) * spectrum.getPrefHeight());
                bars.get(v).get(i).setMinHeight(height);
                bars.get(v).get(i).setMaxHeight(height);
            }
        }
    }

    /** The peak as the meter writes it, e.g. {@code -3.2 dBFS}; a peak that rounds to 0 is {@code 0.0}, never {@code -0.0}. */
    static String peakText(double peakDbfs) {
        return Double.isFinite(peakDbfs) ? withoutMinusZero(String.format(Locale.ROOT, "%.1f", peakDbfs)) + " dBFS" : "silent";
    }

    /** The correlation as the meter writes it, e.g. {@code +0.85}; one that rounds to 0 is {@code 0.00}, never {@code -0.00}. */
    static String correlationText(double correlation) {
        return Double.isNaN(correlation) ? "mono" : withoutMinusZero(String.format(Locale.ROOT, "%+.2f", correlation));
    }

    /** A number as written with its sign, unsigned when every digit is zero ("-0.00" and "+0.00" are "0.00"). */
    private static String withoutMinusZero(String number) {
        return number.matches("[-+][0.]+") ? number.substring(1) : number;
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

        Bar(String id, String shortName, String spoken) {
            this.spoken = spoken;
            value.setId("meter-" + id);
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
