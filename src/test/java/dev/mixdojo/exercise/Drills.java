package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.base.yaml.Location;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlFiles;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.MaterialRef;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.progress.StaircaseSettings;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Drills and exercise audio for tests, as a lesson file would describe them. */
final class Drills {
    private Drills() {
    }

    /** A drill of {@code kind} on {@code material} with options written in YAML flow style, e.g. {@code "{bands: octave}"}. */
    static DrillSpec drill(String kind, String material, String optionsYaml, StaircaseSettings difficulty) {
        Path file = Path.of("test-lesson.yaml");
        Problems problems = new Problems();
        var options = YamlFiles.parse(file, optionsYaml, problems).orElseThrow();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.all().toString());
        }
        return new DrillSpec("d1", kind, kind, MaterialRef.parse(material).orElseThrow(), 10, options, difficulty,
                new Location(file, 1, 1));
    }

    /** The built-in material library of this checkout, caching renders in {@code cache}. */
    static ExerciseAudio audio(Path cache) {
        return new ExerciseAudio(new MaterialLibrary(Path.of("audio-exercises"), cache.resolve("imported"), cache));
    }

    /** Questions a machine listener answers per kind. */
    static final int MACHINE_LISTENER_QUESTIONS = 50;

    /**
     * Asserts that {@code solver}, which must use only a question's audio and the analysis package
     * (never its key), answers at least 48 of 50 seeded questions right at the easiest level.
     */
    static void assertSolved(ExerciseAudio audio, QuestionKind kind, String material, String options, double easiestLevel,
            Function<Question, Answer> solver) {
        DrillSpec drill = Drills.drill(kind.name(), material, options,
                StaircaseSettings.linear(easiestLevel, easiestLevel, easiestLevel / 4, easiestLevel / 8));
        long right = IntStream.range(0, MACHINE_LISTENER_QUESTIONS)
                .mapToObj(seed -> kind.generate("lesson", drill, easiestLevel, 1000 + seed, audio))
                .filter(question -> question.grade(solver.apply(question)).correct())
                .count();
        System.out.printf("machine listener, %s on %s: %d of %d right%n", kind.name(), material, right,
                MACHINE_LISTENER_QUESTIONS);
        assertThat(right).as("%s answered right out of %d", kind.name(), MACHINE_LISTENER_QUESTIONS).isGreaterThanOrEqualTo(48);
    }
}
