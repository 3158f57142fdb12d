package dev.mixdojo.classroom;

import dev.mixdojo.grading.MixScore;
import java.util.Objects;
import java.util.Optional;

/**
 * One handed-in mix and its score, or the sentence saying why it has none; immutable.
 *
 * @param student the student, from the file or folder name
 * @param file    the mix file (or the student's folder when it holds no mix), relative to the submissions folder
 * @param score   the score against the assignment's target, when the mix could be scored
 * @param problem why there is no score (unreadable, silent, wrong sample rate, no mix), when there is none
 */
public record MixGrade(String student, String file, Optional<MixScore> score, Optional<String> problem) {

    /** Checks that there is exactly one of a score and a problem. */
    public MixGrade {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(file, "file");
        if (score.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("a mix grade has either a score or a problem");
        }
    }
}
