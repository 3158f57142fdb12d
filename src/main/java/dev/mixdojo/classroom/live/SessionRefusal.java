package dev.mixdojo.classroom.live;

import java.util.Objects;

/** What a live session refuses, with one sentence for the student (or the teacher) who asked. */
public final class SessionRefusal extends RuntimeException {
    /** Why a request was refused; the web server maps each to an HTTP status. */
    public enum Reason {
        /** The join code is not this session's. */
        WRONG_CODE,
        /** The name is blank, too long or has control characters. */
        BAD_NAME,
        /** Another device answers under this name now. */
        NAME_TAKEN,
        /** The session has as many participants as it takes. */
        FULL,
        /** The token is not a participant's (never was, or the teacher removed it). */
        UNKNOWN_TOKEN,
        /** The question is not open for this student (not yet asked, already revealed, or another than theirs). */
        NOT_OPEN,
        /** This student has answered the question already. */
        ALREADY_ANSWERED,
        /** The answer does not fit the question's form. */
        BAD_ANSWER,
        /** The session has ended. */
        ENDED,
        /** The assignment has no homework mix, or the handed-in file is not one. */
        BAD_MIX
    }

    private final Reason reason;

    /** A refusal for {@code reason}, explained by {@code sentence}. */
    public SessionRefusal(Reason reason, String sentence) {
        super(sentence);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the request was refused. */
    public Reason reason() {
        return reason;
    }
}
