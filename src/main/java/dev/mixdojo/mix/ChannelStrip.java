package dev.mixdojo.mix;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.dynamics.DynamicsMode;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.spatial.BalanceSettings;
import dev.mixdojo.dsp.spatial.GainSettings;
import dev.mixdojo.dsp.spatial.PanLaw;
import dev.mixdojo.dsp.spatial.PanSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One track of a mix session: which stem it plays and its channel strip, in signal order — EQ bands,
 * an optional compressor, the fader, the pan (constant-power for a mono stem, balance for a stereo
 * one), then post-fader sends to the reverb and delay buses. Immutable.
 *
 * @param stem          the stem's name in the session's material (or the file name without extension)
 * @param faderDb       fader gain in dB, −120…24; may be automated (a ride)
 * @param pan           position −1 (left) … +1 (right)
 * @param eq            EQ bands, applied in order before the compressor
 * @param compressor    the compressor after the EQ, if any (mode compressor)
 * @param reverbSendDb  post-fader send level to the reverb bus in dB, −120…24, or {@link #OFF}
 * @param delaySendDb   post-fader send level to the delay bus in dB, −120…24, or {@link #OFF}
 * @param mute          whether the track is silenced (sends too)
 * @param solo          whether the track is soloed (when any track is, only soloed tracks sound)
 */
public record ChannelStrip(String stem, Param faderDb, double pan, List<EqSettings> eq,
        Optional<DynamicsSettings> compressor, double reverbSendDb, double delaySendDb, boolean mute, boolean solo) {
    /** A send that is switched off. */
    public static final double OFF = Double.NEGATIVE_INFINITY;

    /** Validates the ranges with one sentence naming the track and the value. */
    public ChannelStrip {
        if (stem == null || stem.isBlank()) {
            throw new BadInputException("a track needs the name of its stem");
        }
        faderDb.checkBetween("track " + stem, "faderDb", -120, 24);
        if (!(pan >= -1 && pan <= 1)) {
            throw new BadInputException("track " + stem + " pan must be between -1 and 1, got " + pan);
        }
        eq = List.copyOf(eq);
        compressor.filter(c -> c.mode() != DynamicsMode.COMPRESSOR).ifPresent(c -> {
            throw new BadInputException("track " + stem + " takes a compressor, not a " + c.kind());
        });
        checkSend(stem, "reverb", reverbSendDb);
        checkSend(stem, "delay", delaySendDb);
    }

    /** A track at unity gain, centred, with no processing and no sends. */
    public static ChannelStrip of(String stem) {
        return new ChannelStrip(stem, Param.of(0), 0, List.of(), Optional.empty(), OFF, OFF, false, false);
    }

    private static void checkSend(String stem, String bus, double sendDb) {
        if (sendDb != OFF && !(sendDb >= -120 && sendDb <= 24)) {
            throw new BadInputException("track " + stem + " " + bus + " send must be between -120 and 24 dB, got " + sendDb);
        }
    }

    /** The same strip with a fixed fader level in dB. */
    public ChannelStrip withFaderDb(double gainDb) {
        return new ChannelStrip(stem, Param.of(gainDb), pan, eq, compressor, reverbSendDb, delaySendDb, mute, solo);
    }

    /** The same strip with another fader (fixed or automated). */
    public ChannelStrip withFader(Param gainDb) {
        return new ChannelStrip(stem, gainDb, pan, eq, compressor, reverbSendDb, delaySendDb, mute, solo);
    }

    /** The same strip at another pan position. */
    public ChannelStrip withPan(double position) {
        return new ChannelStrip(stem, faderDb, position, eq, compressor, reverbSendDb, delaySendDb, mute, solo);
    }

    /** The same strip with other EQ bands. */
    public ChannelStrip withEq(List<EqSettings> bands) {
        return new ChannelStrip(stem, faderDb, pan, bands, compressor, reverbSendDb, delaySendDb, mute, solo);
    }

    /** The same strip with another compressor (empty: none). */
    public ChannelStrip withCompressor(Optional<DynamicsSettings> settings) {
        return new ChannelStrip(stem, faderDb, pan, eq, settings, reverbSendDb, delaySendDb, mute, solo);
    }

    /** The same strip with other send levels in dB ({@link #OFF} for none). */
    public ChannelStrip withSends(double reverbDb, double delayDb) {
        return new ChannelStrip(stem, faderDb, pan, eq, compressor, reverbDb, delayDb, mute, solo);
    }

    /** The same strip muted or not. */
    public ChannelStrip withMute(boolean muted) {
        return new ChannelStrip(stem, faderDb, pan, eq, compressor, reverbSendDb, delaySendDb, muted, solo);
    }

    /** The same strip soloed or not. */
    public ChannelStrip withSolo(boolean soloed) {
        return new ChannelStrip(stem, faderDb, pan, eq, compressor, reverbSendDb, delaySendDb, mute, soloed);
    }

    /**
     * The strip with suggested moves applied, each step of {@code moves} read as a setting of the strip (as
     * {@code grading.MixScore#suggestions} emits them): an {@code eq} band is added after the strip's own; a
     * {@code compressor} replaces the strip's (a ratio of 1 removes it); a {@code gain} adds to the fader (an
     * automated gain is a ride, added point by point); a {@code pan} (mono stems) or {@code balance} (stereo
     * stems) sets the position. Any other step is refused with a sentence.
     */
    public ChannelStrip withSuggestion(ChainDescription moves) {
        ChannelStrip strip = this;
        for (ProcessorSettings step : moves.steps()) {
            if (step instanceof EqSettings band) {
                List<EqSettings> bands = new ArrayList<>(strip.eq);
                bands.add(band);
                strip = strip.withEq(bands);
            } else if (step instanceof DynamicsSettings dynamics && dynamics.mode() == DynamicsMode.COMPRESSOR) {
                boolean off = dynamics.ratio().min() == 1 && dynamics.ratio().max() == 1;
                strip = strip.withCompressor(off ? Optional.empty() : Optional.of(dynamics));
            } else if (step instanceof GainSettings gain) {
                strip = strip.withFader(sum(strip.faderDb, gain.gainDb()));
            } else if (step instanceof PanSettings pan) {
                strip = strip.withPan(pan.position().initial());
            } else if (step instanceof BalanceSettings balance) {
                strip = strip.withPan(balance.position().initial());
            } else {
                throw new BadInputException("track " + stem + " cannot take a suggested " + step.kind()
                        + ": a strip takes eq, compressor, gain, pan and balance moves");
            }
        }
        return strip;
    }

    /** Two gains in dB added: fixed if both are, else an automation with the points of both (exact for linear curves). */
    private static Param sum(Param a, Param b) {
        if (a instanceof Param.Fixed && b instanceof Param.Fixed) {
            return Param.of(a.initial() + b.initial());
        }
        TreeSet<Double> times = new TreeSet<>();
        for (Param p : List.of(a, b)) {
            if (p instanceof Param.Automated automated) {
                automated.envelope().points().forEach(point -> times.add(point.timeS()));
            }
        }
        List<Breakpoint> points = new ArrayList<>();
        for (double t : times) {
            points.add(new Breakpoint(t, a.valueAt(t) + b.valueAt(t)));
        }
        Curve curve = a instanceof Param.Automated automated ? automated.envelope().curve() : Curve.LINEAR;
        return new Param.Automated(new Envelope(points, curve));
    }

    /** The inserts before the fader: the EQ bands, then the compressor. */
    public ChainDescription inserts() {
        List<ProcessorSettings> steps = new ArrayList<>(eq);
        compressor.ifPresent(steps::add);
        return new ChainDescription(steps);
    }

    /** The fader and the pan (constant-power for mono, balance for stereo), as a chain. */
    ChainDescription faderAndPan(boolean stereoStem) {
        ProcessorSettings position = stereoStem ? new BalanceSettings(Param.of(pan))
                : new PanSettings(Param.of(pan), PanLaw.CONSTANT_POWER);
        return new ChainDescription(List.of(new GainSettings(faderDb), position));
    }
}
