package dev.mixdojo.ui.mixer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/** The return fader of the reverb or the delay bus on the mixer: its level in dB and the last score's word on it. */
public final class ReturnModel {
    private final String bus;
    private final DoubleProperty faderDb = new SimpleDoubleProperty();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");

    /** The return of {@code bus} ("reverb" or "delay") at {@code gainDb}; {@code onChange} runs after every move. */
    ReturnModel(String bus, double gainDb, Runnable onChange) {
        this.bus = bus;
        faderDb.set(Math.max(TrackModel.FADER_MIN_DB, Math.min(TrackModel.FADER_MAX_DB, gainDb)));
        faderDb.addListener((obs, old, now) -> onChange.run());
    }

    /** The bus's name: reverb or delay. */
    public String bus() {
        return bus;
    }

    /** The subject of the score items that judge this return, e.g. "reverb return". */
    public String subject() {
        return bus + " return";
    }

    /** The return fader's level in dB. */
    public DoubleProperty faderDbProperty() {
        return faderDb;
    }

    /** The last score's word on this return ("reverb −3.9 dB, outside"), "✓ within", or empty. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    void showVerdict(String words) {
        verdict.set(words);
    }
}
