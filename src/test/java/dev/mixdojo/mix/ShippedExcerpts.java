package dev.mixdojo.mix;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.material.MaterialLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mix challenges shipped in lessons/ and the real stems of their songs: rendered once per test JVM into a
 * temporary cache and shared by every test that needs them, so that each song renders once however many tests
 * open its challenges. A challenge is opened over the stretch it scores ({@link MixChallenge#scoredUntilS}).
 */
public final class ShippedExcerpts {
    private static final Map<String, Map<String, AudioBuffer>> BY_MATERIAL = new ConcurrentHashMap<>();
    private static MaterialLibrary library;

    private ShippedExcerpts() {
    }

    /** Every mix challenge of the shipped lessons, in lesson order. */
    public static List<MixChallenge> challenges() {
        LessonLibrary lessons = LessonLibrary.load(Path.of("lessons"), LessonLibrary.STRUCTURE_ONLY, new Problems()).orElseThrow();
        return lessons.lessons().stream().flatMap(l -> l.challenges().stream()).toList();
    }

    /**
     * The stems of {@code session}'s material (every one, in the material's order) as far as the longest stretch a
     * shipped challenge scores: the rest is never heard by a test, and the whole songs, kept for the test JVM's life,
     * took gigabytes (a clean run's heap ran out).
     */
    private static Map<String, AudioBuffer> stems(MixSession session) {
        return BY_MATERIAL.computeIfAbsent(session.material() + "#" + session.seed(), key -> {
            double longestS = challenges().stream().mapToDouble(MixChallenge::scoredUntilS).max().orElse(Double.POSITIVE_INFINITY);
            Map<String, AudioBuffer> cut = new LinkedHashMap<>();
            SessionStems.load(library(), session, new Warnings()).forEach((name, audio) -> cut.put(name, audio.opening(longestS)));
            return cut;
        });
    }

    /** The stems of the challenge's song cut to the stretch it scores (every one, in the material's order). */
    public static Map<String, AudioBuffer> scoredStems(MixChallenge challenge) {
        Map<String, AudioBuffer> cut = new LinkedHashMap<>();
        stems(target(challenge)).forEach((name, audio) -> cut.put(name, audio.opening(challenge.scoredUntilS())));
        return cut;
    }

    /** The challenge's target session. */
    public static MixSession target(MixChallenge challenge) {
        return MixSessionReader.read(challenge.targetSession().orElseThrow());
    }

    /** The challenge opened over the stretch of its song it scores: its target rendered, its start made. */
    public static ChallengeSetup setup(MixChallenge challenge) {
        return ChallengeSetup.of(challenge, scoredStems(challenge), target(challenge));
    }

    private static synchronized MaterialLibrary library() {
        if (library == null) {
            try {
                Path work = Files.createTempDirectory("mixdojo-shipped-stems");
                work.toFile().deleteOnExit();
                library = new MaterialLibrary(MaterialLibrary.locateBuiltIns(), work.resolve("data"), work.resolve("cache"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return library;
    }
}
