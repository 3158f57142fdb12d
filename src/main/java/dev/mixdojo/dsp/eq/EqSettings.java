package dev.mixdojo.dsp.eq;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.Limits;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One EQ band in the chain vocabulary ({@code - eq: { type: peak, frequencyHz: 1000, gainDb: 6, q: 1 }}):
 * frequency 10–20000 Hz, gain ±30 dB (peak and shelves only), Q 0.1–20, slope 12/24/36/48 dB per
 * octave (low- and high-pass only). Immutable.
 */
public record EqSettings(FilterType type, Param frequencyHz, Param gainDb, Param q, int slopeDbPerOct)
        implements ProcessorSettings {

    /** Validates every value the parameters take, with a sentence naming the parameter and its range. */
    public EqSettings {
        if (type == null) {
            throw new BadInputException("eq needs a type: peak, lowshelf, highshelf, lowpass, highpass, notch or bandpass");
        }
        frequencyHz.checkBetween("eq", "frequencyHz", 10, 20000);
        q.checkBetween("eq", "q", 0.1, 20);
        if (type.hasGain()) {
            gainDb.checkBetween("eq", "gainDb", -30, 30);
        } else if (gainDb.min() != 0 || gainDb.max() != 0) {
            throw new BadInputException("eq gainDb does not apply to a " + type.vocabularyName() + " band");
        }
        if (type.hasSlope()) {
            if (slopeDbPerOct != 12 && slopeDbPerOct != 24 && slopeDbPerOct != 36 && slopeDbPerOct != 48) {
                throw new BadInputException("eq slopeDbPerOct must be 12, 24, 36 or 48, got " + slopeDbPerOct);
            }
        } else if (slopeDbPerOct != 12) {
            throw new BadInputException("eq slopeDbPerOct does not apply to a " + type.vocabularyName() + " band");
        }
    }

    /** A band with fixed parameters. */
    public static EqSettings of(FilterType type, double frequencyHz, double gainDb, double q, int slopeDbPerOct) {
        return new EqSettings(type, Param.of(frequencyHz), Param.of(gainDb), Param.of(q), slopeDbPerOct);
    }

    /** A bell of {@code gainDb} at {@code frequencyHz} with width {@code q}. */
    public static EqSettings peak(double frequencyHz, double gainDb, double q) {
        return of(FilterType.PEAK, frequencyHz, gainDb, q, 12);
    }

    /** A low or high shelf ({@code type}) of {@code gainDb} from its corner {@code frequencyHz}. */
    public static EqSettings shelf(FilterType type, double frequencyHz, double gainDb, double q) {
        if (type != FilterType.LOW_SHELF && type != FilterType.HIGH_SHELF) {
            throw new IllegalArgumentException("a shelf is a lowshelf or a highshelf, not a " + type.vocabularyName());
        }
        return of(type, frequencyHz, gainDb, q, 12);
    }

    /** A low- or high-pass ({@code type}) whose cutoff may move, {@code slopeDbPerOct} steep. */
    public static EqSettings filter(FilterType type, Param frequencyHz, double q, int slopeDbPerOct) {
        if (type != FilterType.LOW_PASS && type != FilterType.HIGH_PASS) {
            throw new IllegalArgumentException("a filter is a lowpass or a highpass, not a " + type.vocabularyName());
        }
        return new EqSettings(type, frequencyHz, Param.of(0), Param.of(q), slopeDbPerOct);
    }

    /**
     * Whether a running EQ band set to these settings can glide to {@code other} ({@link ParametricEq#setBand}):
     * the same filter type and as many sections (the slope).
     */
    public boolean sameShape(EqSettings other) {
        return other.type == type && BandDesign.sectionCount(other.type, other.slopeDbPerOct) == BandDesign.sectionCount(type,
                slopeDbPerOct);
    }

    @Override
    public String kind() {
        return "eq";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type.vocabularyName());
        map.put("frequencyHz", frequencyHz);
        if (type.hasGain()) {
            map.put("gainDb", gainDb);
        }
        map.put("q", q);
        if (type.hasSlope()) {
            map.put("slopeDbPerOct", slopeDbPerOct);
        }
        return map;
    }

    @Override
    public Processor create() {
        return new ParametricEq(List.of(this));
    }

    @Override
    public Optional<String> unusableAt(double sampleRateHz) {
        double nyquistHz = sampleRateHz / 2;
        if (frequencyHz.max() < nyquistHz) {
            return Optional.empty();
        }
        return Optional.of("eq frequencyHz " + Limits.format(frequencyHz.max()) + " Hz is at or above "
                + Limits.format(nyquistHz) + " Hz, the highest frequency a " + Limits.format(sampleRateHz)
                + " Hz file holds; use a frequency below " + Limits.format(nyquistHz) + " Hz or a higher sample rate.");
    }

    @Override
    public boolean channelsApart() {
        return true;
    }

    /** The band's sections at its starting values, for a given sample rate. */
    public List<BiquadCoefficients> sections(double sampleRateHz) {
        int count = BandDesign.sectionCount(type, slopeDbPerOct);
        double[] c = new double[5 * count];
        BandDesign.design(new MatchedDesign(sampleRateHz), type, count, frequencyHz.initial(), gainDb.initial(),
                q.initial(), c);
        List<BiquadCoefficients> list = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            list.add(BiquadCoefficients.of(c, 5 * k));
        }
        return list;
    }

    /** The band's gain in dB at {@code frequencyHz} at its starting values, as run at {@code sampleRateHz}. */
    public double magnitudeDbAt(double frequencyHz, double sampleRateHz) {
        double db = 0;
        for (BiquadCoefficients section : sections(sampleRateHz)) {
            db += section.magnitudeDbAt(frequencyHz, sampleRateHz);
        }
        return db;
    }

    @Override
    public String toString() {
        return "eq " + type.vocabularyName() + " " + Limits.format(frequencyHz.initial()) + " Hz";
    }
}
