package dev.mixdojo.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The learner's choices that screens share: how far drills rove the playback level, and the large
 * scale for projectors. JavaFX thread only; they last for the session.
 */
public final class LearnerSettings {
    /** The largest level rove offered, in dB (the drill kinds accept up to ±3 dB). */
    public static final double MAX_LEVEL_ROVE_DB = 3;

    private final DoubleProperty levelRoveDb = new SimpleDoubleProperty(0);
    private final BooleanProperty largeScale = new SimpleBooleanProperty(false);

    /**
     * Random level offset of both A and B per question, up to ± this many dB (0…3; 0 keeps what the
     * lesson sets). Roving by 1–2 dB stops loudness alone from giving the answer away.
     */
    public DoubleProperty levelRoveDbProperty() {
        return levelRoveDb;
    }

    /** Whether text and controls are drawn large enough to read on a projector. */
    public BooleanProperty largeScaleProperty() {
        return largeScale;
    }
}
