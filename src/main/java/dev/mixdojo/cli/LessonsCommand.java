package dev.mixdojo.cli;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.yaml.Problem;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.mix.MixSession;
import dev.mixdojo.mix.MixSessionReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixdojo lessons list|validate [DIR]}: the curriculum, and a check of lesson files. */
@Command(name = "lessons", mixinStandardHelpOptions = true, description = "List or validate lessons.",
        subcommands = {LessonsCommand.ListLessons.class, LessonsCommand.Validate.class})
final class LessonsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Loads and checks the lessons of a folder, and each mix challenge's target session (it reads, mixes the
     * challenge's material, and has one track per stem of its song); every problem goes to {@code problems}.
     */
    static Optional<LessonLibrary> load(Path folder, UserFolderOptions folders, Problems problems) {
        MaterialLibrary materials = folders.materialLibrary();
        Optional<LessonLibrary> library = LessonLibrary.load(folder, new QuestionKinds().checks(new ExerciseAudio(materials)), problems);
        library.ifPresent(l -> l.lessons().stream().flatMap(lesson -> lesson.challenges().stream())
                .forEach(challenge -> checkTarget(challenge, materials, problems)));
        return library;
    }

    private static void checkTarget(MixChallenge challenge, MaterialLibrary materials, Problems problems) {
        Optional<Path> goal = challenge.targetSession();
        if (goal.isEmpty()) {
            return;
        }
        try {
            MixSession target = MixSessionReader.read(goal.get());
            if (!target.material().equals(challenge.material().toString())) {
                problems.add(challenge.location(), "the target session " + goal.get() + " mixes " + target.material()
                        + ", not the challenge's material " + challenge.material());
                return;
            }
            materials.songStemNames(target.materialName())
                    .filter(stems -> !Set.copyOf(stems).equals(Set.copyOf(target.stems())))
                    .ifPresent(stems -> problems.add(challenge.location(), "the target session " + goal.get()
                            + " has tracks for " + String.join(", ", target.stems()) + ", but " + target.material()
                            + " has the stems " + String.join(", ", stems)));
        } catch (BadInputException e) {
            problems.add(challenge.location(), e.getMessage());
        }
    }

    /** Loads the lessons, or throws one BadInputException listing every problem. */
    static LessonLibrary loadOrFail(Path folder, UserFolderOptions folders) {
        Problems problems = new Problems();
        Optional<LessonLibrary> library = load(folder, folders, problems);
        problems.throwIfAny();
        return library.orElseThrow(() -> new BadInputException(folder, "has no usable lessons."));
    }

    /** {@code mixdojo lessons list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the lessons in curriculum order.")
    static final class ListLessons implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The lesson folder (default: lessons/).")
        Path folder;

        @Mixin
        UserFolderOptions folders;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LessonLibrary library = loadOrFail(folder != null ? folder : folders.lessons(), folders);
            PrintWriter out = spec.commandLine().getOut();
            for (LessonLibrary.Unit unit : library.units()) {
                out.println(unit.title());
                for (Lesson lesson : unit.lessons()) {
                    out.printf("  %-36s %s (%d drill%s)%n", lesson.id(), lesson.title(), lesson.drills().size(),
                            lesson.drills().size() == 1 ? "" : "s");
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code mixdojo lessons validate}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check every lesson file and the curriculum; print each problem as file:line:column: problem.")
    static final class Validate implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The lesson folder (default: lessons/).")
        Path folder;

        @Mixin
        UserFolderOptions folders;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path dir = folder != null ? folder : folders.lessons();
            Problems problems = new Problems();
            Optional<LessonLibrary> library = load(dir, folders, problems);
            if (!problems.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                problems.all().stream().map(Problem::toString).forEach(err::println);
                err.printf("%d problem%s in %s.%n", problems.all().size(), problems.all().size() == 1 ? "" : "s", dir);
                err.flush();
                return Main.EXIT_BAD_INPUT;
            }
            PrintWriter out = spec.commandLine().getOut();
            int lessons = library.map(l -> l.lessons().size()).orElse(0);
            out.printf("%s: %d lessons, no problems.%n", dir, lessons);
            out.flush();
            return 0;
        }
    }
}
