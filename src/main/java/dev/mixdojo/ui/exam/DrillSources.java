package dev.mixdojo.ui.exam;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.InstallFolders;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.material.MaterialLibrary;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What assignment and projector questions are made from: the lessons, the question kinds and the
 * exercise audio over the user's material library. Loading reads and checks every lesson; do it
 * off the JavaFX thread.
 *
 * @param lessons the lesson library
 * @param kinds   the question kinds
 * @param audio   the exercise audio
 */
public record DrillSources(LessonLibrary lessons, QuestionKinds kinds, ExerciseAudio audio) {

    /** The installed lessons ({@code lessons/}, or {@code MIXDOJO_LESSONS}) over the user's materials. */
    public static DrillSources installed(UserDirectories directories) {
        return load(InstallFolders.locate("lessons", "MIXDOJO_LESSONS"), directories);
    }

    /** {@link #installed} loaded on first use and kept (a failed load is tried again next time). */
    public static Supplier<DrillSources> lazily(UserDirectories directories) {
        AtomicReference<DrillSources> loaded = new AtomicReference<>();
        return () -> {
            synchronized (loaded) {
                if (loaded.get() == null) {
                    loaded.set(installed(directories));
                }
                return loaded.get();
            }
        };
    }

    /** The lessons in {@code lessonsFolder} over the user's materials; problems are one BadInputException. */
    public static DrillSources load(Path lessonsFolder, UserDirectories directories) {
        ExerciseAudio audio = new ExerciseAudio(new MaterialLibrary(MaterialLibrary.locateBuiltIns(),
                directories.data().resolve("materials"), directories.cache()));
        QuestionKinds kinds = new QuestionKinds();
        Problems problems = new Problems();
        LessonLibrary lessons = LessonLibrary.load(lessonsFolder, kinds.checks(audio), problems).orElse(null);
        problems.throwIfAny();
        if (lessons == null) {
            throw new BadInputException(lessonsFolder, "holds no lessons.");
        }
        return new DrillSources(lessons, kinds, audio);
    }
}
