package dev.mixdojo.grading;

import dev.mixdojo.dsp.ProcessorSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * One move a mix engineer would make on one stem of the learner's mix to bring it to the target, found by
 * {@link Diagnosis}; immutable.
 *
 * @param stem        the stem's name
 * @param aspect      what the move changes
 * @param error       the difference it corrects, mix minus target, in the aspect's unit (positive: the mix has more)
 * @param uncertainty the standard error of {@code error}, from fits on stretches of the song apart
 * @param fix         the move in the chain vocabulary, read as a setting of the stem's channel strip (see
 *                    {@code mix.ChannelStrip#withSuggestion}); empty where the vocabulary has no step for it
 * @param advice      one sentence for the learner
 */
public record Move(String stem, Aspect aspect, double error, double uncertainty, Optional<ProcessorSettings> fix,
        String advice) {

    /** Checks the values. */
    public Move {
        Objects.requireNonNull(stem, "stem");
        Objects.requireNonNull(aspect, "aspect");
        if (!Double.isFinite(error) || !(uncertainty >= 0) || advice == null || advice.isBlank()) {
            throw new IllegalArgumentException("a move needs a finite error, an uncertainty ≥ 0 and advice");
        }
    }
}
