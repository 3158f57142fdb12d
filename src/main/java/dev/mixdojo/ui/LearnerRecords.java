package dev.mixdojo.ui;

import dev.mixdojo.base.InstallFolders;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.AttemptLog;
import java.nio.file.Path;
import java.util.List;

/**
 * The learner's curriculum and answers, read together for Home and Progress. Loading reads files,
 * so it runs on a worker thread.
 *
 * @param library  the checked lessons and curriculum
 * @param attempts every readable attempt of the progress log, oldest first
 * @param warnings sentences about damaged log lines that were skipped
 */
public record LearnerRecords(LessonLibrary library, List<Attempt> attempts, List<String> warnings) {
    /** Copies the lists. */
    public LearnerRecords {
        attempts = List.copyOf(attempts);
        warnings = List.copyOf(warnings);
    }

    /** The lesson folder of this installation ({@code MIXDOJO_LESSONS}, else {@code lessons/}). */
    public static Path lessonsFolder() {
        return InstallFolders.locate("lessons", "MIXDOJO_LESSONS");
    }

    /**
     * Reads the lessons and the log in {@code directories}; a bad lesson folder throws one
     * BadInputException. The lessons' material is not checked here: the map of lessons does not
     * need it, and the lesson screen reports missing material when a drill runs.
     */
    public static LearnerRecords load(Path lessonsFolder, UserDirectories directories) {
        Problems problems = new Problems();
        LessonLibrary library = LessonLibrary.load(lessonsFolder, new QuestionKinds().checksWithoutMaterial(), problems)
                .orElse(null);
        problems.throwIfAny();
        Warnings warnings = new Warnings();
        List<Attempt> attempts = AttemptLog.inDataDirectory(directories.data()).readAll(warnings);
        return new LearnerRecords(library, attempts, warnings.all());
    }
}
