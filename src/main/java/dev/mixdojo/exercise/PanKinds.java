package dev.mixdojo.exercise;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Question kinds about panning. */
final class PanKinds {
    private PanKinds() {
    }

    /** The kinds of this area, in the order lessons list them. */
    static List<QuestionKind> all() {
        return List.of(panPosition());
    }

    /** Where is the sound panned? The level is the tolerance in % of the way to one side. */
    static QuestionKind panPosition() {
        return new ChangeKind("pan-position", "pan.position", "tolerance in % of the way to one side",
                (options, level, random, excerpt) -> {
                    double widest = options.number("widest", 0.1, 1, 1);
                    int steps = 10;
                    double position = Math.round((random.nextDouble() * 2 - 1) * widest * steps) / (double) steps;
                    return new ChangeKind.Plan(position, Quantity.PAN.format(position), panned(position),
                            Optional.of(PAN_CENTRE), "Where is the processed version panned? (The original is in the centre.)",
                            new AnswerForm.Value(Quantity.PAN, -1, 1, false),
                            new Grading.ByValue(new NumericGrading(Quantity.PAN, level, level + 40, true)), true)
                            .hearingAnswersAs(PanKinds::panned);
                });
    }

    /** The reference for pan questions: the same source, mono, in the centre. */
    private static final String PAN_CENTRE = panned(0);

    /** A constant-power pan to {@code position} (−1 left … 1 right). */
    static String panned(double position) {
        return String.format(Locale.ROOT, "[{\"pan\": {\"position\": %s, \"law\": \"constant-power\"}}]", position);
    }
}
