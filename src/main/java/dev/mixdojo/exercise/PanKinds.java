package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Scale;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.spatial.PanSettings;
import dev.mixdojo.dsp.spatial.WidthSettings;
import dev.mixdojo.exercise.NumericGrading.Sign;
import dev.mixdojo.material.Stem;
import java.util.ArrayList;
import java.util.List;

/** Question kinds about panning and the stereo picture: where, which stem moved, how wide. */
final class PanKinds {
    private PanKinds() {
    }

    /** The kinds of this area, in the order lessons list them. */
    static List<QuestionKind> all() {
        return List.of(panPosition(), panStem(), panWidth());
    }

    /** Where is the sound panned? The level is the tolerance in % of the way to one side. */
    static QuestionKind panPosition() {
        return new ChangeKind("pan-position", "pan.position", "tolerance in % of the way to one side",
                (options, level, random, excerpt) -> {
                    double widest = options.number("widest", 0.1, 1, 1);
                    int steps = 10;
                    double position = Math.round((random.nextDouble() * 2 - 1) * widest * steps) / (double) steps;
                    return new ChangeKind.Hidden(panned(position), position, Quantity.PAN.format(position))
                            .asking("Where is the processed version panned? (The original is in the centre.)",
                                    new AnswerForm.Value(Quantity.PAN, -1, 1, Scale.LINEAR),
                                    new Grading.ByValue(new NumericGrading(Quantity.PAN, level, level + 40, Sign.MATTERS)))
                            .comparedWith(PAN_CENTRE)
                            .hearingAnswersAs(PanKinds::panned);
                });
    }

    /**
     * Which stem moved in the stereo picture? One stem of a song is moved from its place in the rough
     * mix by the level (in % of the way to one side) to the left or right, whichever side has room;
     * the versions are loudness-matched (constant-power panning changes loudness only slightly).
     */
    static QuestionKind panStem() {
        return new StemKind("pan-stem", "pan.stem", "how far the stem moved, % of the way to one side",
                (options, level, random, audible, weights) -> {
                    if (level < 1 || level > 100) {
                        throw new IllegalArgumentException("the move must be between 1 and 100 % of the way to one side");
                    }
                    Stem target = weights.pick(audible, Stem::name, random);
                    boolean right = random.nextBoolean();
                    double distance = level / 100;
                    StemKind.Change change = StemKind.panChange(target, moved(target.pan(), distance, right));
                    return new StemKind.Hidden(change, audible.indexOf(target), target.name())
                            .asking("Which stem moved in the stereo picture?",
                                    StemKind.stemChoice(audible),
                                    new Grading.ByLabel())
                            .hearingAnswers(answer -> StemKind.chosen(answer, audible)
                                    .map(stem -> StemKind.panChange(stem, moved(stem.pan(), distance, right))));
                });
    }

    /** A pan moved by {@code distance} toward the right (or left), or the other way when that side has no room. */
    static double moved(double pan, double distance, boolean right) {
        double toward = pan + (right ? distance : -distance);
        return Rounding.toHundredths(toward >= -1 && toward <= 1 ? toward : pan - (right ? distance : -distance));
    }

    /** Widths offered apart from 100 %: quarter steps, so answers read as round percentages. */
    static final double WIDTH_STEP = 0.25;
    /**
     * The least side-to-mid energy ratio a width question accepts (−20 dB): with less side, the
     * source is all but mono and widening has nothing to widen.
     */
    static final double LEAST_SIDE_RATIO = 0.01;

    /**
     * How wide is the processed version? Mid/side width: the side (L − R)/2 scaled by the width, the
     * mid kept (0 % mono, 100 % as it was, 200 % the side doubled). The level is the tolerance in
     * percentage points.
     */
    static QuestionKind panWidth() {
        return new ChangeKind("pan-width", "pan.width", "tolerance in percentage points of width", (options, level, random, excerpt) -> {
            double narrowest = options.number("narrowest", 0, 2, 0);
            double widest = options.number("widest", 0, 2, 2);
            List<Double> widths = new ArrayList<>();
            for (double w = Math.ceil(narrowest / WIDTH_STEP) * WIDTH_STEP; w <= widest + 1e-9; w += WIDTH_STEP) {
                if (Math.abs(w - 1) > 1e-9) {
                    widths.add(w);
                }
            }
            if (widths.isEmpty()) {
                throw new IllegalArgumentException("narrowest to widest must hold a width other than 100 %");
            }
            if (level <= 0 || level > 100) {
                throw new IllegalArgumentException("the tolerance must be above 0 and at most 100 percentage points");
            }
            excerpt.audio().ifPresent(audio -> {
                if (audio.channelCount() < 2 || sideToMid(audio) < LEAST_SIDE_RATIO) {
                    throw new BadInputException("the material is (nearly) mono; width drills need a stereo source");
                }
            });
            double width = widths.get(random.nextInt(widths.size()));
            return new ChangeKind.Hidden(widened(width), width, Quantity.SHARE.format(width))
                    .asking("How wide is the processed version? (The original is 100 %; 0 % is mono, 200 % doubles the side.)",
                            new AnswerForm.Value(Quantity.SHARE, 0, 2, Scale.LINEAR),
                            new Grading.ByValue(new NumericGrading(Quantity.SHARE, level, level + 50, Sign.IGNORED)))
                    .hearingAnswersAs(PanKinds::widened);
        });
    }

    /** Side energy over mid energy (M = (L + R)/2, S = (L − R)/2) of a stereo buffer. */
    static double sideToMid(AudioBuffer audio) {
        float[] left = audio.channel(0);
        float[] right = audio.channel(1);
        double mid = 0;
        double side = 0;
        for (int i = 0; i < left.length; i++) {
            double m = 0.5 * (left[i] + right[i]);
            double s = 0.5 * (left[i] - right[i]);
            mid += m * m;
            side += s * s;
        }
        return mid > 0 ? side / mid : 0;
    }

    /** A mid/side width of {@code amount} (0 mono … 2). */
    static ChainDescription widened(double amount) {
        return ChainDescription.of(WidthSettings.of(amount));
    }

    /** The reference for pan questions: the same source, mono, in the centre. */
    private static final ChainDescription PAN_CENTRE = panned(0);

    /** A constant-power pan to {@code position} (−1 left … 1 right). */
    static ChainDescription panned(double position) {
        return ChainDescription.of(PanSettings.constantPower(position));
    }
}
