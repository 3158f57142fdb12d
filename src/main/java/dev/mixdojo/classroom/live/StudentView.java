package dev.mixdojo.classroom.live;

import dev.mixdojo.classroom.StudentQuestion;
import java.util.Objects;
import java.util.Optional;

/**
 * What one student's page shows now. Made fresh from the session for every change, so a page that reloads
 * or joins late gets the same view as one that was there all along.
 *
 * @param name     the student's name as typed
 * @param phase    where the student is
 * @param asked    the question to answer (or, in the room, the one asked last), with the student's answer
 *                 and its outcome when they may be shown
 * @param last     own headphones: the question answered last, with its outcome (practice, once stored)
 * @param handedIn the file name of the homework mix handed in, if any
 * @param message  a sentence about something that went wrong, or empty
 */
public record StudentView(String name, Phase phase, Optional<Asked> asked, Optional<Asked> last,
        Optional<String> handedIn, String message) {

    /** Where a student is in the session. */
    public enum Phase {
        /** Room: no question is open yet. */
        WAITING,
        /** The question is being made. */
        PREPARING,
        /** A question waits for this student's answer. */
        ANSWERING,
        /** Room: answered; waiting for the reveal. */
        ANSWERED,
        /** Room: the teacher revealed the answer. */
        REVEALED,
        /** Every question is answered, or the session has ended. */
        FINISHED,
        /** The teacher removed this device from the session. */
        REMOVED
    }

    /**
     * A question with what the student answered and, when allowed, the outcome.
     *
     * @param question   the question
     * @param yourAnswer the answer as recorded, in words
     * @param outcome    the right answer and the grade, once it may be shown
     */
    public record Asked(StudentQuestion question, Optional<String> yourAnswer, Optional<Outcome> outcome) {
    }

    /**
     * The right answer and, when the student answered, how their answer did.
     *
     * @param truth    the right answer as the choices or values read, e.g. {@code 1 kHz}
     * @param correct  whether the student's answer counts as right
     * @param feedback one sentence (e.g. "1 octave high"), or "You did not answer this one."
     */
    public record Outcome(String truth, boolean correct, String feedback) {
    }

    public StudentView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(handedIn, "handedIn");
        Objects.requireNonNull(message, "message");
    }
}
