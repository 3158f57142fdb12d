package dev.mixdojo.dsp.dynamics;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.Limits;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A compressor, limiter, expander or gate in the chain vocabulary. Ranges: thresholdDb −80…0,
 * ratio 1…100 (compressor, expander), kneeDb 0…24, attackMs 0.01…500, releaseMs 1…5000,
 * makeupDb −24…24 or automatic, rangeDb 0…120 (expander, gate), rmsMs 1…300, link 0…1 (stereo
 * link: 1 = one gain for all channels), sidechainHpHz 0 (off) or 20…500. Immutable.
 */
public record DynamicsSettings(DynamicsMode mode, Param thresholdDb, Param ratio, Param kneeDb, Param attackMs,
        Param releaseMs, Param makeupDb, MakeUp makeUp, Detector detector, double rmsMs, double link,
        double sidechainHpHz, Param rangeDb) implements ProcessorSettings {

    /** Validates every value, with a sentence naming the processor, parameter and range. */
    public DynamicsSettings {
        String name = mode.vocabularyName();
        thresholdDb.checkBetween(name, "thresholdDb", -80, 0);
        if (mode == DynamicsMode.COMPRESSOR || mode == DynamicsMode.EXPANDER) {
            ratio.checkAtLeast(name, "ratio", 1).checkBetween(name, "ratio", 1, 100);
        }
        kneeDb.checkBetween(name, "kneeDb", 0, 24);
        attackMs.checkBetween(name, "attackMs", 0.01, 500);
        releaseMs.checkBetween(name, "releaseMs", 1, 5000);
        makeupDb.checkBetween(name, "makeupDb", -24, 24);
        rangeDb.checkBetween(name, "rangeDb", 0, 120);
        if (detector == null) {
            throw new BadInputException(name + " detector must be peak or rms");
        }
        Limits.between(name, "rmsMs", rmsMs, 1, 300);
        Limits.between(name, "link", link, 0, 1);
        if (sidechainHpHz != 0) {
            Limits.between(name, "sidechainHpHz", sidechainHpHz, 20, 500);
        }
    }

    /** A compressor with fixed settings, peak detection, full stereo link and no side-chain filter. */
    public static DynamicsSettings compressor(double thresholdDb, double ratio, double kneeDb, double attackMs,
            double releaseMs, double makeupDb) {
        return new DynamicsSettings(DynamicsMode.COMPRESSOR, Param.of(thresholdDb), Param.of(ratio), Param.of(kneeDb),
                Param.of(attackMs), Param.of(releaseMs), Param.of(makeupDb), MakeUp.MANUAL, Detector.PEAK, 10, 1, 0,
                Param.of(120));
    }

    /** These settings for another kind of dynamics processor (a limiter, expander or gate). */
    public DynamicsSettings withMode(DynamicsMode newMode) {
        return edited(e -> e.mode = newMode);
    }

    /** These settings with another detector ({@code newRmsMs}: the RMS window, 1…300 ms). */
    public DynamicsSettings withDetector(Detector newDetector, double newRmsMs) {
        return edited(e -> {
            e.detector = newDetector;
            e.rmsMs = newRmsMs;
        });
    }

    /** These settings with the make-up gain that brings a full-scale signal back to full scale. */
    public DynamicsSettings withAutoMakeup() {
        return edited(e -> {
            e.makeupDb = Param.of(0);
            e.makeUp = MakeUp.AUTO;
        });
    }

    /** These settings with another stereo link (0 each channel alone … 1 one gain for all). */
    public DynamicsSettings withLink(double newLink) {
        return edited(e -> e.link = newLink);
    }

    /** These settings with a 12 dB/octave high-pass at {@code hz} (20…500, or 0 for none) on the side-chain. */
    public DynamicsSettings withSidechainHighPassHz(double hz) {
        return edited(e -> e.sidechainHpHz = hz);
    }

    /** These settings with another range: how far an expander or gate turns down at most (dB). */
    public DynamicsSettings withRangeDb(double newRangeDb) {
        return edited(e -> e.rangeDb = Param.of(newRangeDb));
    }

    private DynamicsSettings edited(Consumer<Editable> change) {
        Editable e = new Editable(this);
        change.accept(e);
        return new DynamicsSettings(e.mode, thresholdDb, ratio, kneeDb, attackMs, releaseMs, e.makeupDb, e.makeUp,
                e.detector, e.rmsMs, e.link, e.sidechainHpHz, e.rangeDb);
    }

    /** The components a {@code with…} method may change, copied from the settings it starts from. */
    private static final class Editable {
        DynamicsMode mode;
        Param makeupDb;
        MakeUp makeUp;
        Detector detector;
        double rmsMs;
        double link;
        double sidechainHpHz;
        Param rangeDb;

        Editable(DynamicsSettings from) {
            mode = from.mode;
            makeupDb = from.makeupDb;
            makeUp = from.makeUp;
            detector = from.detector;
            rmsMs = from.rmsMs;
            link = from.link;
            sidechainHpHz = from.sidechainHpHz;
            rangeDb = from.rangeDb;
        }
    }

    /**
     * Whether {@code other} differs from these settings only in numbers a running processor can glide to
     * ({@link Dynamics#set}): the same mode, detector, RMS window, stereo link, side-chain filter and make-up choice.
     */
    public boolean sameShape(DynamicsSettings other) {
        return other.mode == mode && other.detector == detector && other.rmsMs == rmsMs && other.link == link
                && other.sidechainHpHz == sidechainHpHz && other.makeUp == makeUp;
    }

    /** The ratio the gain computer uses: infinite for a limiter, very steep for a gate. */
    public double effectiveRatio(double value) {
        return switch (mode) {
            case LIMITER -> Double.POSITIVE_INFINITY;
            case GATE -> DynamicsMode.GATE_RATIO;
            default -> value;
        };
    }

    @Override
    public String kind() {
        return mode.vocabularyName();
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("thresholdDb", thresholdDb);
        if (mode == DynamicsMode.COMPRESSOR || mode == DynamicsMode.EXPANDER) {
            map.put("ratio", ratio);
        }
        map.put("kneeDb", kneeDb);
        map.put("attackMs", attackMs);
        map.put("releaseMs", releaseMs);
        if (mode.expands()) {
            map.put("rangeDb", rangeDb);
        } else {
            map.put("makeupDb", makeUp == MakeUp.AUTO ? "auto" : makeupDb);
        }
        map.put("detector", detector.vocabularyName());
        if (detector == Detector.RMS) {
            map.put("rmsMs", rmsMs);
        }
        map.put("link", link);
        if (sidechainHpHz != 0) {
            map.put("sidechainHpHz", sidechainHpHz);
        }
        return map;
    }

    @Override
    public Processor create() {
        return new Dynamics(this);
    }
}
