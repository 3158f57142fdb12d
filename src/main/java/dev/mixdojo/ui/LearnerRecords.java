package dev.mixdojo.ui;

import dev.mixdojo.base.InstallFolders;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.AttemptLog;
import java.nio.file.Path;
import java.util.List;

/**
 * The learner's curriculum and answers, read together for Home and Progress. Loading reads files
 * (and may render material the lesson checks need), so it runs on a worker thread.
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

    /** Reads the lessons and the log in {@code directories}; a bad lesson folder throws one BadInputException. */
    public static LearnerRecords load(Path lessonsFolder, UserDirectories directories) {
        MaterialLibrary materials = new MaterialLibrary(MaterialLibrary.locateBuiltIns(),
                directories.data().resolve("materials"), directories.cache());
        Problems problems = new Problems();
        LessonLibrary library = LessonLibrary.load(lessonsFolder, new QuestionKinds().checks(new ExerciseAudio(materials)),
                problems).orElse(null);
        problems.throwIfAny();
        Warnings warnings = new Warnings();
        List<Attempt> attempts = AttemptLog.inDataDirectory(directories.data()).readAll(warnings);
        return new LearnerRecords(library, attempts, warnings.all());
    }
}
