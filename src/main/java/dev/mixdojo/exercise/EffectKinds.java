package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Scale;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import dev.mixdojo.dsp.time.DelaySettings;
import dev.mixdojo.dsp.time.NoteValue;
import dev.mixdojo.dsp.time.ReverbSettings;
import dev.mixdojo.dsp.tone.SaturationSettings;
import dev.mixdojo.dsp.tone.Shape;
import dev.mixdojo.exercise.NumericGrading.Sign;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** Question kinds about reverb, delay and saturation. */
final class EffectKinds {
    private EffectKinds() {
    }

    /** The kinds of this area, in the order lessons list them. */
    static List<QuestionKind> all() {
        return List.of(reverbDecay(), reverbPredelay(), reverbWet(), delayTime(), delayNote(), delayFeedback(),
                saturationHarmonics(), saturationDrive());
    }

    /**
     * How long is the reverb's decay (RT60)? The choices are {@code shortestS} times powers of the
     * level, so the level is the ratio between neighbouring choices (2: 0.5, 1, 2, 4 s).
     */
    static QuestionKind reverbDecay() {
        return new ChangeKind("reverb-decay", "reverb.decay", "ratio between neighbouring decay times",
                (options, level, random, excerpt) -> {
                    double shortestS = options.number("shortestS", 0.1, 5, 0.5);
                    int count = (int) options.number("choices", 2, 6, 4);
                    double mix = options.number("mix", 0.05, 1, 0.3);
                    double predelayMs = options.number("predelayMs", 0, 200, 10);
                    if (level <= 1.05) {
                        throw new IllegalArgumentException("neighbouring decay times must differ by more than 5 %");
                    }
                    List<AnswerForm.Option> choices = new ArrayList<>();
                    for (int k = 0; k < count; k++) {
                        double decayS = Rounding.toHundredths(shortestS * Math.pow(level, k));
                        choices.add(new AnswerForm.Option(Quantity.DECAY_S.format(decayS), decayS));
                    }
                    if (choices.get(count - 1).value() > 20) {
                        throw new IllegalArgumentException("the longest decay would exceed 20 s; lower shortestS, choices or the easiest level");
                    }
                    AnswerForm.Option truth = choices.get(random.nextInt(count));
                    ChainDescription chain = reverb(truth.value(), predelayMs, mix);
                    double halfStepOctaves = Math.log(level) / Math.log(2) / 2;
                    return new ChangeKind.Hidden(chain, truth.value(), truth.label())
                            .asking("How long is the reverb's decay?",
                                    new AnswerForm.Choice(choices),
                                    new Grading.ByValue(new NumericGrading(Quantity.DECAY_S, halfStepOctaves, 4 * halfStepOctaves, Sign.IGNORED)));
                });
    }

    /**
     * How long is the delay (one repeat)? The choices are {@code shortestMs} plus multiples of the
     * level, so the level is the spacing between choices in ms.
     */
    static QuestionKind delayTime() {
        return new ChangeKind("delay-time", "delay.time", "spacing between the choices in ms", (options, level, random, excerpt) -> {
            double shortestMs = options.number("shortestMs", 20, 2000, 100);
            int count = (int) options.number("choices", 2, 8, 4);
            double mix = options.number("mix", 0.1, 0.9, 0.4);
            if (level < 1) {
                throw new IllegalArgumentException("the choices must be at least 1 ms apart");
            }
            List<AnswerForm.Option> choices = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                double timeMs = Math.round(shortestMs + k * level);
                choices.add(new AnswerForm.Option(Quantity.TIME_MS.format(timeMs), timeMs));
            }
            if (choices.get(count - 1).value() > 4000) {
                throw new IllegalArgumentException("the longest delay would exceed 4000 ms; lower shortestMs, choices or the easiest level");
            }
            AnswerForm.Option truth = choices.get(random.nextInt(count));
            ChainDescription chain = ChainDescription.of(DelaySettings.of(truth.value(), 0, mix));
            return new ChangeKind.Hidden(chain, truth.value(), truth.label())
                    .asking("How long is the delay before the repeat?",
                            new AnswerForm.Choice(choices),
                            new Grading.ByValue(new NumericGrading(Quantity.TIME_MS, level / 2, 2 * level, Sign.IGNORED)));
        });
    }

    /**
     * Is the saturation symmetric (tanh: odd harmonics only, tape-like) or asymmetric (biased tanh:
     * even harmonics too, tube-like)? The level is the drive in dB.
     */
    static QuestionKind saturationHarmonics() {
        return new ChangeKind("saturation-harmonics", "saturation.harmonics", "drive in dB", (options, level, random, excerpt) -> {
            if (level < 0 || level > 48) {
                throw new IllegalArgumentException("the drive must be between 0 and 48 dB");
            }
            boolean even = random.nextBoolean();
            ChainDescription chain = ChainDescription.of(SaturationSettings.of(even ? Shape.ASYMMETRIC : Shape.TANH, level, 1));
            return new ChangeKind.Hidden(chain, even ? 2 : 3, even ? "Even" : "Odd")
                    .asking("Does the saturation add even harmonics (asymmetric, tube-like) or only odd ones (symmetric, tape-like)?",
                            new AnswerForm.Choice(List.of(new AnswerForm.Option("Even", 2), new AnswerForm.Option("Odd", 3))),
                            new Grading.ByLabel());
        });
    }

    /**
     * How much predelay does the reverb have? The original is the same reverb without predelay, so
     * the gap is heard against a reference; the choices are {@code shortestMs} plus multiples of the
     * level (the spacing in ms).
     */
    static QuestionKind reverbPredelay() {
        return new ChangeKind("reverb-predelay", "reverb.predelay", "spacing between the choices in ms",
                (options, level, random, excerpt) -> {
                    double shortestMs = options.number("shortestMs", 0, 400, 0);
                    int count = options.integer("choices", 2, 6, 4);
                    double decayS = options.number("decayS", 0.2, 5, 1);
                    double mix = options.number("mix", 0.05, 1, 0.3);
                    List<AnswerForm.Option> choices = spaced(shortestMs, level, count, 500, Quantity.TIME_MS);
                    AnswerForm.Option truth = choices.get(random.nextInt(count));
                    DoubleFunction<ChainDescription> reverbWith = predelayMs -> reverb(decayS, predelayMs, mix);
                    return new ChangeKind.Hidden(reverbWith.apply(truth.value()), truth.value(), truth.label())
                            .asking("How much predelay does the processed version's reverb have? (The original's has none.)",
                                    new AnswerForm.Choice(choices),
                                    new Grading.ByValue(new NumericGrading(Quantity.TIME_MS, level / 2, 2 * level, Sign.IGNORED)))
                            .comparedWith(reverbWith.apply(0))
                            .hearingAnswersAs(reverbWith);
                });
    }

    /**
     * How wet is it: what share of the processed version's energy is reverb? A mix knob's value
     * means nothing apart from its reverb (a long decay is louder at the same setting), so the
     * question asks what is heard — the wet share — and solves the mix that gives it on the excerpt.
     * Choices are {@code driest} plus multiples of the level (the spacing as a share).
     */
    static QuestionKind reverbWet() {
        return new ChangeKind("reverb-wet", "reverb.wet", "spacing between the choices as a share",
                (options, level, random, excerpt) -> {
                    double driest = options.number("driest", 0.02, 0.9, 0.1);
                    int count = options.integer("choices", 2, 6, 4);
                    double decayS = options.number("decayS", 0.2, 5, 1.2);
                    List<AnswerForm.Option> choices = spaced(driest, level, count, 0.95, Quantity.SHARE);
                    AnswerForm.Option truth = choices.get(random.nextInt(count));
                    DoubleFunction<ChainDescription> wetShare = share -> reverb(decayS, 10, mixForWetShare(excerpt, decayS, share));
                    return new ChangeKind.Hidden(wetShare.apply(truth.value()), truth.value(), truth.label())
                            .asking("How much of the processed version is reverb (its share of the energy)?",
                                    new AnswerForm.Choice(choices),
                                    new Grading.ByValue(new NumericGrading(Quantity.SHARE, 100 * level / 2, 200 * level, Sign.IGNORED)))
                            .hearingAnswersAs(wetShare);
                });
    }

    /**
     * The reverb mix m that makes the wet part {@code share} of the energy: with E_w and E_d the
     * energies of the wet-only and dry renders (nearly uncorrelated), m²E_w / ((1 − m)²E_d + m²E_w)
     * = share, so m/(1 − m) = √(share·E_d / ((1 − share)·E_w)). The dry render (mix 0) is the excerpt
     * itself, channel for channel as the wet render has them ((1 − 0)·x + 0·wet = x exactly), so only
     * the wet one is rendered.
     */
    private static double mixForWetShare(ChangeKind.Excerpt excerpt, double decayS, double share) {
        double wetOverDry = excerpt.audio().map(audio -> {
            AudioBuffer wet = ChainRenderer.render(reverb(decayS, 10, 1), audio);
            float[][] dry = new float[wet.channelCount()][];
            for (int ch = 0; ch < dry.length; ch++) {
                dry[ch] = audio.channel(Math.min(ch, audio.channelCount() - 1));
            }
            return energy(wet.channels()) / energy(dry);
        }).orElse(1.0);
        double ratio = Math.sqrt(share / ((1 - share) * wetOverDry));
        return Math.round(1000 * Math.min(1, ratio / (1 + ratio))) / 1000.0;
    }

    private static double energy(float[][] channels) {
        double sum = 0;
        for (float[] channel : channels) {
            for (float x : channel) {
                sum += (double) x * x;
            }
        }
        return sum;
    }

    /**
     * Which note value is the delay at the song's tempo? The level is the smallest ratio between two
     * offered lengths: 2 offers straight notes only (1/4, 1/8, 1/16), below 2 dotted notes join them,
     * below 4/3 triplets too.
     */
    static QuestionKind delayNote() {
        return new ChangeKind("delay-note", "delay.note", "smallest ratio between two offered note lengths",
                (options, level, random, excerpt) -> {
                    double mix = options.number("mix", 0.1, 0.9, 0.4);
                    if (level <= 1) {
                        throw new IllegalArgumentException("the ratio between note lengths must be above 1");
                    }
                    if (excerpt.audio().isPresent() && excerpt.tempoBpm().isEmpty()) {
                        throw new BadInputException("delay-note needs a song with a tempo (song/NAME or song/NAME/STEM)");
                    }
                    double bpm = excerpt.tempoBpm().orElse(120);
                    List<String> notes = new ArrayList<>(List.of("1/4", "1/8", "1/16"));
                    if (level < 2) {
                        notes.addAll(List.of("1/8.", "1/16."));
                    }
                    if (level < 4.0 / 3) {
                        notes.addAll(List.of("1/4t", "1/8t", "1/16t"));
                    }
                    List<AnswerForm.Option> choices = notes.stream()
                            .map(note -> new AnswerForm.Option(note, Rounding.toHundredths(NoteValue.parse(note).lengthMs(bpm))))
                            .sorted(Comparator.comparingDouble(AnswerForm.Option::value).reversed()).toList();
                    AnswerForm.Option truth = choices.get(random.nextInt(choices.size()));
                    return new ChangeKind.Hidden(delayNoteChain(truth.label(), bpm, mix), truth.value(), truth.label())
                            .asking(String.format(Locale.ROOT, "Which note value is the delay at the song's %.0f BPM?", bpm),
                                    new AnswerForm.Choice(choices),
                                    new Grading.ByLabel())
                            .hearingAnswersAs(ms -> delayNoteChain(choices.stream().filter(o -> o.value() == ms)
                                    .findFirst().orElseThrow().label(), bpm, mix));
                });
    }

    private static ChainDescription delayNoteChain(String note, double bpm, double mix) {
        return ChainDescription.of(DelaySettings.onNote(NoteValue.parse(note), bpm, 0, mix));
    }

    /**
     * How much feedback does the delay have? Each choice also says how many repeats stay within
     * 30 dB of the first (1 + 30 / (−20·log₁₀ f)): what the learner counts. Choices are
     * {@code lowest} plus multiples of the level (the spacing as a share).
     */
    static QuestionKind delayFeedback() {
        return new ChangeKind("delay-feedback", "delay.feedback", "spacing between the choices as a share",
                (options, level, random, excerpt) -> {
                    double timeMs = options.number("timeMs", 50, 1000, 250);
                    double mix = options.number("mix", 0.1, 0.9, 0.4);
                    double lowest = options.number("lowest", 0.05, 0.9, 0.1);
                    int count = options.integer("choices", 2, 6, 4);
                    List<AnswerForm.Option> choices = spaced(lowest, level, count, 0.9, Quantity.SHARE).stream()
                            .map(o -> new AnswerForm.Option(o.label() + " (" + repeats(o.value()) + " repeats)", o.value())).toList();
                    AnswerForm.Option truth = choices.get(random.nextInt(count));
                    DoubleFunction<ChainDescription> feedbackOf =
                            feedback -> ChainDescription.of(DelaySettings.of(timeMs, feedback, mix));
                    return new ChangeKind.Hidden(feedbackOf.apply(truth.value()), truth.value(), truth.label())
                            .asking("How much feedback does the " + Quantity.TIME_MS.format(timeMs) + " delay have?",
                                    new AnswerForm.Choice(choices),
                                    new Grading.ByValue(new NumericGrading(Quantity.SHARE, 100 * level / 2, 200 * level, Sign.IGNORED)))
                            .hearingAnswersAs(feedbackOf);
                });
    }

    /** Repeats within 30 dB of the first: each repeat is 20·log₁₀ f dB below the one before. */
    static int repeats(double feedback) {
        return 1 + (int) Math.floor(30 / (-20 * Math.log10(feedback)));
    }

    /**
     * How many dB of drive into the saturation (tanh)? Drives between {@code smallestDb} and
     * {@code largestDb}, whole dB; the level is the tolerance in dB. Loudness-matched, so only the
     * added harmonics tell.
     */
    static QuestionKind saturationDrive() {
        return new ChangeKind("saturation-drive", "saturation.drive", "tolerance in dB", (options, level, random, excerpt) -> {
            double smallestDb = options.number("smallestDb", 0, 48, 0);
            double largestDb = options.number("largestDb", 0, 48, 24);
            if (smallestDb > largestDb) {
                throw new IllegalArgumentException("smallestDb must not exceed largestDb");
            }
            if (!(level > 0)) {
                throw new IllegalArgumentException("the tolerance must be above 0 dB");
            }
            double driveDb = Math.round(smallestDb + random.nextDouble() * (largestDb - smallestDb));
            DoubleFunction<ChainDescription> drivenBy = db -> ChainDescription.of(
                    SaturationSettings.of(Shape.TANH, Math.max(0, Math.min(48, db)), 1));
            return new ChangeKind.Hidden(drivenBy.apply(driveDb), driveDb, Quantity.AMOUNT_DB.format(driveDb))
                    .asking("How many dB of drive go into the saturation? (Both versions are equally loud.)",
                            new AnswerForm.Value(Quantity.AMOUNT_DB, 0, 48, Scale.LINEAR),
                            new Grading.ByValue(new NumericGrading(Quantity.AMOUNT_DB, level, level + 6, Sign.IGNORED)))
                    .hearingAnswersAs(drivenBy);
        });
    }

    /** {@code count} choices from {@code first} in steps of {@code step}, none above {@code highest}. */
    private static List<AnswerForm.Option> spaced(double first, double step, int count, double highest, Quantity quantity) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("the spacing between choices must be above 0");
        }
        List<AnswerForm.Option> choices = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double value = Rounding.toHundredths(first + k * step);
            choices.add(new AnswerForm.Option(quantity.format(value), value));
        }
        if (choices.get(count - 1).value() > highest) {
            throw new IllegalArgumentException("the largest choice would exceed " + quantity.format(highest)
                    + "; lower the first choice, the number of choices or the easiest level");
        }
        return choices;
    }

    /** The drills' reverb: {@code decayS}, {@code predelayMs} and {@code mix}, damping 0.3, a middling room. */
    private static ChainDescription reverb(double decayS, double predelayMs, double mix) {
        return ChainDescription.of(ReverbSettings.of(decayS, predelayMs, 0.3, 0.5, mix));
    }
}
