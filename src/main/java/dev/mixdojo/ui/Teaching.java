package dev.mixdojo.ui;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.InstallFolders;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.material.RenderMemory;
import dev.mixdojo.progress.AttemptLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the learner's screens share: the lessons (from the lesson folder the command line uses:
 * {@code MIXDOJO_LESSONS}, else {@code lessons/} here or beside the program), the exercise material
 * and the learner's attempt log in their data folder. Reading the lessons reads files: call
 * {@link #lessons()} on a worker. Thread-safe.
 */
public final class Teaching {
    private final UserDirectories directories;
    private final Supplier<Path> lessonFolder;
    private final QuestionKinds kinds = new QuestionKinds();
    /** The songs loaded lately, shared by every drill and the Mixer: opening another drill on one decodes nothing. */
    private final RenderMemory renders = new RenderMemory();
    private LessonLibrary lessons;

    /** Teaching material for these folders; {@code lessonFolder} is asked once, when lessons are first needed. */
    public Teaching(UserDirectories directories, Supplier<Path> lessonFolder) {
        this.directories = directories;
        this.lessonFolder = lessonFolder;
    }

    /** The teaching material of the running app: the user's folders and the installed lessons. */
    public static Teaching installed(UserDirectories directories) {
        return new Teaching(directories, () -> InstallFolders.locate("lessons", "MIXDOJO_LESSONS"));
    }

    /**
     * The lessons, read and checked once; a BadInputException lists every problem with file, line and
     * column. Their material is not looked for here: that would render every song on a first start,
     * and a drill whose material is missing says so when it runs.
     */
    public synchronized LessonLibrary lessons() {
        if (lessons == null) {
            Path folder = lessonFolder.get();
            Problems problems = new Problems();
            LessonLibrary loaded = LessonLibrary.load(folder, kinds.checksWithoutMaterial(), problems).orElse(null);
            problems.throwIfAny();
            if (loaded == null) {
                throw new BadInputException(folder, "has no usable lessons.");
            }
            lessons = loaded;
        }
        return lessons;
    }

    /** The question kinds. */
    public QuestionKinds kinds() {
        return kinds;
    }

    /** A fresh exercise-audio source (not thread-safe: one per user). */
    public ExerciseAudio newExerciseAudio() {
        return new ExerciseAudio(materials());
    }

    /**
     * The built-in material and the learner's imported songs and multitracks (in the data folder), rendered into the
     * cache; the songs loaded lately stay in memory for the next drill or the Mixer.
     */
    public MaterialLibrary materials() {
        return new MaterialLibrary(MaterialLibrary.locateBuiltIns(),
                directories.data().resolve("materials"), directories.cache(), Optional.of(renders));
    }

    /** Waits up to {@code limit} for new renders still being written to the cache (when the app quits). */
    public void finishWrites(Duration limit) {
        renders.finishWrites(limit);
    }

    /** The learner's attempt log. */
    public AttemptLog log() {
        return AttemptLog.inDataDirectory(directories.data());
    }
}
