package dev.mixdojo.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** A lesson folder with the two pink-noise lessons only: loading it renders no song, which keeps UI tests quick. */
public final class TestLessons {
    private TestLessons() {
    }

    /** Copies {@code eq-octave-boosts-noise} and {@code eq-cuts} with a curriculum of the two into {@code folder}. */
    public static Path noiseLessons(Path folder) throws IOException {
        Path lessons = Files.createDirectories(folder);
        for (String id : List.of("eq-octave-boosts-noise", "eq-cuts")) {
            Files.copy(Path.of("lessons", id + ".yaml"), lessons.resolve(id + ".yaml"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(lessons.resolve("curriculum.yaml"),
                "units:\n  - title: EQ\n    lessons: [eq-octave-boosts-noise, eq-cuts]\n");
        return lessons;
    }
}
