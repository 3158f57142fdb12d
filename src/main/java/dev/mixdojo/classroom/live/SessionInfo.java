package dev.mixdojo.classroom.live;

import dev.mixdojo.classroom.AssignmentMode;
import java.util.Objects;

/**
 * What every student's page knows of the session it joined: the assignment's title and mode, how it is
 * played, how many questions it has, and whether there is a homework mix to hand in. Never the join code.
 *
 * @param title          the assignment's title
 * @param mode           room or own headphones
 * @param assignmentMode practice (outcomes after each answer) or exam (answers recorded, no grades)
 * @param questionCount  how many questions the plan has
 * @param homework       whether a homework mix can be handed in
 */
public record SessionInfo(String title, SessionMode mode, AssignmentMode assignmentMode, int questionCount,
        Homework homework) {
    /** Whether the assignment asks for a homework mix. */
    public enum Homework {
        /** No mix to hand in. */
        NONE,
        /** Students hand in their bounced mix. */
        MIX
    }

    public SessionInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(assignmentMode, "assignmentMode");
        Objects.requireNonNull(homework, "homework");
    }
}
