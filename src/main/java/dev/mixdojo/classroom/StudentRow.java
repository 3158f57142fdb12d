package dev.mixdojo.classroom;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One results file in the gradebook.
 *
 * @param student      the name as typed (or as far as it could be read from a damaged file)
 * @param file         the file's name in the folder
 * @param scorePercent the score, 0–100 %
 * @param passed       whether the score reached the pass mark
 * @param timeSpent    from start to finish
 * @param flags        what to look at: tampered, late, duplicate
 * @param notes        one sentence per flag, saying why
 * @param counted      whether the row's answers are in the class summary (not tampered, and the
 *                     latest of a student's files)
 * @param checks       what the gradebook checked in this file and found, one short phrase each
 *                     ("signature: valid for this pack's key (anyone with the pack can sign)"), including
 *                     what it could not check
 */
public record StudentRow(String student, String file, double scorePercent, boolean passed, Duration timeSpent,
        Set<GradebookFlag> flags, List<String> notes, boolean counted, List<String> checks) {
    public StudentRow {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        notes = List.copyOf(notes);
        checks = List.copyOf(checks);
    }

    /** The flags in their fixed order (tampered, late, duplicate, unverified), as words joined by ", ". */
    public String flagWords() {
        return flags.isEmpty() ? "" : String.join(", ", EnumSet.copyOf(flags).stream().map(GradebookFlag::word).toList());
    }
}
