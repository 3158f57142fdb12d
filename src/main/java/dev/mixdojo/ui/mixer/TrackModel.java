package dev.mixdojo.ui.mixer;

import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.mix.ChannelStrip;
import dev.mixdojo.mix.LiveMix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

/**
 * One mixer channel as the screen edits it: fader, pan, mute, solo, EQ bands and a compressor, each a
 * property; {@link #strip()} turns them back into a {@link ChannelStrip}. JavaFX thread only.
 *
 * <p>The fader may carry a ride (gain over time). With the ride armed, moving the fader while the song plays
 * writes a pass: what is heard is the fader itself, and when the pass ends (playback stops, the ride is disarmed,
 * or the playhead jumps back) the fader's levels over the pass's span replace the ride there, and the fader
 * returns to the level it had before. Outside the passes the ride keeps what it had (or the fader's level); moving
 * the fader while not writing moves the whole ride with it (a trim).
 */
public final class TrackModel {
    /** Where the song is, for writing a ride. */
    public interface Playhead {
        /** Whether the song plays. */
        boolean playing();

        /** The playhead in seconds from the song's start. */
        double positionS();
    }

    /** The time a written move takes to reach its level: the engine's fader glide, in seconds. */
    static final double RIDE_GLIDE_S = LiveMix.GLIDE_MS / 1000;

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
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(false);
    private final Playhead playhead;
    private final BooleanProperty rideArmed = new SimpleBooleanProperty();
    /** The ride's points in dB (empty: no ride), as written against the fader at {@link #rideBaseDb}. */
    private final ReadOnlyObjectWrapper<List<Breakpoint>> ride = new ReadOnlyObjectWrapper<>(List.of());
    private Curve rideCurve = Curve.LINEAR;
    private double rideBaseDb;
    /** The pass being written (its first point the level heard when it began), or null. */
    private List<Breakpoint> pass;
    private double passBeforeDb;
    /** Whether the fader is being set back after a pass (not a move to write). */
    private boolean returning;

    TrackModel(ChannelStrip strip, Runnable onChange, Playhead playhead) {
        this.original = strip;
        this.playhead = playhead;
        faderDb.set(Math.max(FADER_MIN_DB, Math.min(FADER_MAX_DB, strip.faderDb().initial())));
        if (strip.faderDb() instanceof Param.Automated automated) {
            ride.set(automated.envelope().points());
            rideCurve = automated.envelope().curve();
            rideBaseDb = faderDb.get();
        }
        // Written before the session hears the move: during a pass the fader itself is heard.
        faderDb.addListener((obs, old, now) -> {
            if (!returning && rideArmed.get() && playhead.playing()) {
                write(playhead.positionS(), old.doubleValue(), now.doubleValue());
            }
        });
        rideArmed.addListener((obs, was, armed) -> {
            if (!armed) {
                finishRide(playhead.positionS());
            }
        });
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
        ride.addListener(changed);
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

    /** Whether the channel's stem is still being rendered (it plays silence, and joins the mix when ready). */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    void showPending(boolean waiting) {
        pending.set(waiting);
    }

    void showVerdict(String words) {
        verdict.set(words);
    }

    void showMeter(double channelPeakDb, double reductionDb) {
        peakDb.set(channelPeakDb);
        gainReductionDb.set(reductionDb);
    }

    /** Whether moving the fader while the song plays writes a ride. */
    public BooleanProperty rideArmedProperty() {
        return rideArmed;
    }

    /** The ride's points (seconds, dB) as they play now (empty: no ride; while a pass is written, the ride before it). */
    public ReadOnlyObjectProperty<List<Breakpoint>> rideProperty() {
        return ride.getReadOnlyProperty();
    }

    /** The fader as it plays: the ride (trimmed by the fader), the fader itself while a pass is written, or its level. */
    public Param playedFaderDb() {
        return fader();
    }

    /** Takes the ride off: the fader's level holds over the whole song. */
    public void clearRide() {
        pass = null;
        ride.set(List.of());
    }

    /** A fader move from {@code oldDb} to {@code newDb} at {@code seconds} while the ride is armed and the song plays. */
    private void write(double seconds, double oldDb, double newDb) {
        if (pass != null && seconds < pass.get(pass.size() - 1).timeS() - RIDE_GLIDE_S) {
            finishRide(pass.get(pass.size() - 1).timeS()); // the playhead jumped back: that pass ends, a new one begins
        }
        if (pass == null) {
            pass = new ArrayList<>();
            passBeforeDb = oldDb;
            pass.add(new Breakpoint(seconds, rideOrFader(oldDb).valueAt(seconds)));
        }
        double at = Math.max(seconds, pass.get(0).timeS() + RIDE_GLIDE_S);
        Breakpoint last = pass.get(pass.size() - 1);
        if (pass.size() > 1 && at <= last.timeS()) {
            pass.set(pass.size() - 1, new Breakpoint(last.timeS(), newDb));
        } else {
            pass.add(new Breakpoint(at, newDb));
        }
    }

    /**
     * Ends the pass being written (if any) at {@code seconds}: the ride takes the pass's levels from its start to
     * {@code seconds} (the last level held), glides back to what it had after, and the fader returns to its level before.
     */
    public void finishRide(double seconds) {
        if (pass == null) {
            return;
        }
        List<Breakpoint> written = pass;
        pass = null;
        Param before = rideOrFader(passBeforeDb);
        Breakpoint last = written.get(written.size() - 1);
        double endS = Math.max(seconds, last.timeS());
        double backS = endS + RIDE_GLIDE_S;
        List<Breakpoint> points = new ArrayList<>();
        double startS = written.get(0).timeS();
        for (Breakpoint p : shifted(passBeforeDb)) {
            if (p.timeS() < startS) {
                points.add(p);
            }
        }
        points.addAll(written);
        if (endS > last.timeS()) {
            points.add(new Breakpoint(endS, last.value()));
        }
        points.add(new Breakpoint(backS, before.valueAt(backS)));
        for (Breakpoint p : shifted(passBeforeDb)) {
            if (p.timeS() > backS) {
                points.add(p);
            }
        }
        if (ride.get().isEmpty()) {
            rideCurve = Curve.LINEAR;
        }
        rideBaseDb = passBeforeDb;
        returning = true;
        try {
            faderDb.set(passBeforeDb);
        } finally {
            returning = false;
        }
        ride.set(List.copyOf(points));
    }

    /** The ride's points moved by how far the fader stands from where they were written, with the fader at {@code faderAtDb}. */
    private List<Breakpoint> shifted(double faderAtDb) {
        double trim = faderAtDb - rideBaseDb;
        return trim == 0 ? ride.get() : ride.get().stream().map(p -> new Breakpoint(p.timeS(), p.value() + trim)).toList();
    }

    /** The ride with the fader at {@code faderAtDb}, or that fixed level without a ride. */
    private Param rideOrFader(double faderAtDb) {
        return ride.get().isEmpty() ? Param.of(faderAtDb) : new Param.Automated(new Envelope(shifted(faderAtDb), rideCurve));
    }

    /** What the fader plays: during a pass the fader itself; else the ride trimmed by the fader, or the fader. */
    private Param fader() {
        return pass != null ? Param.of(faderDb.get()) : rideOrFader(faderDb.get());
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

    /** The channel strip these controls describe, its fader with its ride. */
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
        return original.withFader(fader()).withPan(pan.get()).withMute(mute.get()).withSolo(solo.get())
                .withEq(eq.get()).withCompressor(compressor).withSends(reverb, delay);
    }
}
