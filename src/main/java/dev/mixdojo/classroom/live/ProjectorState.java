package dev.mixdojo.classroom.live;

import java.util.List;
import java.util.Optional;

/**
 * What the teacher's projector shows: the session, the join code, the counts (the question asked last, its phase,
 * who is connected and who answered), that question's prompt, who is there, the histogram once revealed, and
 * problems.
 *
 * @param info      the session as students know it
 * @param code      the join code
 * @param counts    the question, its phase and how many are connected and answered
 * @param prompt    room: the prompt of the question asked last, once made; else empty
 * @param seats     the devices in the session, in the order they joined
 * @param histogram room: the class's answers to the question, once revealed
 * @param problems  sentences about what went wrong (a question that could not be made, a full disk)
 */
public record ProjectorState(SessionInfo info, JoinCode code, Counts counts, String prompt, List<Seat> seats,
        Optional<Histogram> histogram, List<String> problems) {

    /**
     * What the projector counts, cheap to make while answers pour in.
     *
     * @param phase          room: where the open question is; own headphones: {@link RoomPhase#OPEN} until the end
     * @param questionNumber room: the question asked last (0 before the first); own headphones: 0
     * @param connected      how many pages are open now
     * @param answered       room: how many answered the question asked last; own headphones: all answers so far
     */
    public record Counts(RoomPhase phase, int questionNumber, int connected, int answered) {
    }

    /** Where the room's question is. */
    public enum RoomPhase {
        /** No question asked yet. */
        WAITING,
        /** The question is being made. */
        PREPARING,
        /** Students answer. */
        OPEN,
        /** The answer is shown; no more answers. */
        REVEALED,
        /** The question could not be made; the teacher goes on to the next. */
        FAILED,
        /** The session is over. */
        ENDED
    }

    /**
     * One device in the session.
     *
     * @param id         the participant's id (what the teacher removes by)
     * @param name       the student's name
     * @param connected  whether the page is open now
     * @param answers    how many questions the student has answered
     * @param answeredOpen room: whether the student answered the open question
     * @param handedIn   the homework mix's file name, if handed in
     */
    public record Seat(String id, String name, boolean connected, int answers, boolean answeredOpen,
            Optional<String> handedIn) {
    }

    public ProjectorState {
        seats = List.copyOf(seats);
        problems = List.copyOf(problems);
    }

    /** Where the question asked last is. */
    public RoomPhase phase() {
        return counts.phase();
    }

    /** The question asked last (0 before the first, and with own headphones). */
    public int questionNumber() {
        return counts.questionNumber();
    }

    /** How many pages are open now. */
    public int connectedCount() {
        return counts.connected();
    }

    /** Room: how many answered the question asked last; own headphones: all answers given so far. */
    public int answeredCount() {
        return counts.answered();
    }
}
