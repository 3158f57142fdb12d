package dev.mixdojo.ui.mixer;

import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.mix.ChannelStrip;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

/**
 * One mixer channel as the screen edits it: fader, pan, mute, solo, EQ bands and a compressor, each a
 * property; {@link #strip()} turns them back into a {@link ChannelStrip}. JavaFX thread only.
 */
public final class TrackModel {
    /** Fader range in dB. */
    public static final double FADER_MIN_DB = -48;
    /** Fader range in dB. */
    public static final double FADER_MAX_DB = 12;
    /** The lowest send level in dB a send control sets; at it (or below) the send is off. */
    public static final double SEND_MIN_DB = -60;
    /** The highest send level in dB. */
    public static final double SEND_MAX_DB = 6;

    private final ChannelStrip original;
    private final DoubleProperty faderDb = new SimpleDoubleProperty();
    private final DoubleProperty pan = new SimpleDoubleProperty();
    private final DoubleProperty reverbSendDb = new SimpleDoubleProperty();
    private final DoubleProperty delaySendDb = new SimpleDoubleProperty();
    private final BooleanProperty mute = new SimpleBooleanProperty();
    private final BooleanProperty solo = new SimpleBooleanProperty();
    private final ObjectProperty<List<EqSettings>> eq = new SimpleObjectProperty<>(List.of());
    private final BooleanProperty compressorOn = new SimpleBooleanProperty();
    private final DoubleProperty thresholdDb = new SimpleDoubleProperty(-20);
    private final DoubleProperty ratio = new SimpleDoubleProperty(4);
    private final ReadOnlyDoubleWrapper gainReductionDb = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper peakDb = new ReadOnlyDoubleWrapper(Double.NEGATIVE_INFINITY);
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");

    TrackModel(ChannelStrip strip, Runnable onChange) {
        this.original = strip;
        faderDb.set(Math.max(FADER_MIN_DB, Math.min(FADER_MAX_DB, strip.faderDb().initial())));
        pan.set(strip.pan());
        reverbSendDb.set(sendControl(strip.reverbSendDb()));
        delaySendDb.set(sendControl(strip.delaySendDb()));
        mute.set(strip.mute());
        solo.set(strip.solo());
        eq.set(strip.eq());
        strip.compressor().ifPresent(c -> {
            compressorOn.set(true);
            thresholdDb.set(c.thresholdDb().initial());
            ratio.set(c.ratio().initial());
        });
        ChangeListener<Object> changed = (obs, old, now) -> onChange.run();
        faderDb.addListener(changed);
        pan.addListener(changed);
        reverbSendDb.addListener(changed);
        delaySendDb.addListener(changed);
        mute.addListener(changed);
        solo.addListener(changed);
        eq.addListener(changed);
        compressorOn.addListener(changed);
        thresholdDb.addListener(changed);
        ratio.addListener(changed);
    }

    /** The stem's name. */
    public String stem() {
        return original.stem();
    }

    /** Fader in dB, {@link #FADER_MIN_DB}…{@link #FADER_MAX_DB}. */
    public DoubleProperty faderDbProperty() {
        return faderDb;
    }

    /** Pan −1 (left) … +1 (right). */
    public DoubleProperty panProperty() {
        return pan;
    }

    /** Post-fader send to the reverb bus in dB, {@link #SEND_MIN_DB} (off) … {@link #SEND_MAX_DB}. */
    public DoubleProperty reverbSendDbProperty() {
        return reverbSendDb;
    }

    /** Post-fader send to the delay bus in dB, {@link #SEND_MIN_DB} (off) … {@link #SEND_MAX_DB}. */
    public DoubleProperty delaySendDbProperty() {
        return delaySendDb;
    }

    /** A session's send level as a control shows it: clamped to the control's range, off at its bottom. */
    private static double sendControl(double sendDb) {
        return Math.max(SEND_MIN_DB, Math.min(SEND_MAX_DB, sendDb));
    }

    /** A control's send level as the session takes it: {@link ChannelStrip#OFF} at the control's bottom. */
    static double sendDb(double controlDb) {
        return controlDb <= SEND_MIN_DB ? ChannelStrip.OFF : Math.min(SEND_MAX_DB, controlDb);
    }

    /** Whether the track is muted (its sends too). */
    public BooleanProperty muteProperty() {
        return mute;
    }

    /** Whether the track is soloed. */
    public BooleanProperty soloProperty() {
        return solo;
    }

    /** The EQ bands, in order (replace the list to change them). */
    public ObjectProperty<List<EqSettings>> eqProperty() {
        return eq;
    }

    /** Whether the track's compressor is in. */
    public BooleanProperty compressorOnProperty() {
        return compressorOn;
    }

    /** Compressor threshold in dB, −60…0. */
    public DoubleProperty thresholdDbProperty() {
        return thresholdDb;
    }

    /** Compressor ratio, 1…20. */
    public DoubleProperty ratioProperty() {
        return ratio;
    }

    /** The compressor's gain reduction at the playhead, dB ≥ 0 (0 when off or stopped). */
    public ReadOnlyDoubleProperty gainReductionDbProperty() {
        return gainReductionDb.getReadOnlyProperty();
    }

    /** The channel's peak meter, post-fader and pan, in dBFS (falls 20 dB in 1.5 s; −∞ at rest). */
    public ReadOnlyDoubleProperty peakDbProperty() {
        return peakDb.getReadOnlyProperty();
    }

    /** The last score's word on this track: its worst item ("level +2.3 dB, outside"), "✓ within" when all are, or empty. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    void showVerdict(String words) {
        verdict.set(words);
    }

    void showMeter(double channelPeakDb, double reductionDb) {
        peakDb.set(channelPeakDb);
        gainReductionDb.set(reductionDb);
    }

    /** The EQ's response at {@code frequencyHz} in dB (all bands summed), as it runs at {@code sampleRateHz}. */
    public double eqCurveDb(double frequencyHz, double sampleRateHz) {
        double db = 0;
        for (EqSettings band : eq.get()) {
            db += band.magnitudeDbAt(frequencyHz, sampleRateHz);
        }
        return db;
    }

    /** Adds a peak band (Q 1, 0 dB) at {@code frequencyHz}; returns its index. */
    public int addPeakBand(double frequencyHz) {
        List<EqSettings> bands = new ArrayList<>(eq.get());
        bands.add(EqSettings.of(FilterType.PEAK, clampHz(frequencyHz), 0, 1.0, 12));
        eq.set(List.copyOf(bands));
        return bands.size() - 1;
    }

    /** Moves band {@code index} to a frequency (10 Hz–20 kHz) and, for bands that have one, a gain (±24 dB). */
    public void moveBand(int index, double frequencyHz, double gainDb) {
        List<EqSettings> bands = new ArrayList<>(eq.get());
        EqSettings band = bands.get(index);
        double gain = band.type().hasGain() ? Math.max(-24, Math.min(24, gainDb)) : 0;
        bands.set(index, EqSettings.of(band.type(), clampHz(frequencyHz), gain, band.q().initial(), band.slopeDbPerOct()));
        eq.set(List.copyOf(bands));
    }

    /** Removes band {@code index}. */
    public void removeBand(int index) {
        List<EqSettings> bands = new ArrayList<>(eq.get());
        bands.remove(index);
        eq.set(List.copyOf(bands));
    }

    private static double clampHz(double frequencyHz) {
        return Math.max(20, Math.min(20000, frequencyHz));
    }

    /** The channel strip these controls describe (fader automation kept from the session). */
    public ChannelStrip strip() {
        Optional<DynamicsSettings> compressor = Optional.empty();
        Optional<DynamicsSettings> unchanged = original.compressor().filter(c -> c.thresholdDb().initial() == thresholdDb.get()
                && c.ratio().initial() == ratio.get());
        if (compressorOn.get() && unchanged.isPresent()) {
            compressor = unchanged;
        } else if (compressorOn.get()) {
            DynamicsSettings base = original.compressor().orElse(DynamicsSettings.compressor(-20, 4, 6, 10, 120, 0));
            compressor = Optional.of(DynamicsSettings.compressor(thresholdDb.get(), ratio.get(), base.kneeDb().initial(),
                    base.attackMs().initial(), base.releaseMs().initial(), base.makeupDb().initial()));
        }
        // A send left where the session had it keeps the session's exact level (a control shows it clamped).
        double reverb = reverbSendDb.get() == sendControl(original.reverbSendDb()) ? original.reverbSendDb() : sendDb(reverbSendDb.get());
        double delay = delaySendDb.get() == sendControl(original.delaySendDb()) ? original.delaySendDb() : sendDb(delaySendDb.get());
        return original.withFaderDb(faderDb.get()).withPan(pan.get()).withMute(mute.get()).withSolo(solo.get())
                .withEq(eq.get()).withCompressor(compressor).withSends(reverb, delay);
    }
}
