package dev.mixdojo.exercise;

import dev.mixdojo.base.yaml.Location;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlFiles;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.MaterialRef;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.progress.StaircaseSettings;
import java.nio.file.Path;

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
}
