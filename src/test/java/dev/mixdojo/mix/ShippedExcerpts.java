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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mix challenges shipped in lessons/ and the real stems of their songs, cut to their first
 * {@value #SECONDS} s (verse into chorus): rendered once per test JVM into a temporary cache and shared by
 * every test that needs them, so that each song renders once however many tests open its challenges.
 */
public final class ShippedExcerpts {
    /** The length of the excerpts: scoring does not depend on the length, and 20 s keeps the tests quick. */
    public static final int SECONDS = 20;
    private static final Map<String, Map<String, AudioBuffer>> BY_MATERIAL = new ConcurrentHashMap<>();
    private static MaterialLibrary library;

    private ShippedExcerpts() {
    }

    /** Every mix challenge of the shipped lessons, in lesson order. */
    public static List<MixChallenge> challenges() {
        LessonLibrary lessons = LessonLibrary.load(Path.of("lessons"), LessonLibrary.STRUCTURE_ONLY, new Problems()).orElseThrow();
        return lessons.lessons().stream().flatMap(l -> l.challenges().stream()).toList();
    }

    /** The stems of {@code session}'s material (every one, in the material's order), cut to the excerpt. */
    public static Map<String, AudioBuffer> stems(MixSession session) {
        return BY_MATERIAL.computeIfAbsent(session.material() + "#" + session.seed(), key -> {
            Map<String, AudioBuffer> cut = new LinkedHashMap<>();
            SessionStems.load(library(), session, new Warnings()).forEach((name, audio) -> cut.put(name, opening(audio)));
            return cut;
        });
    }

    /** The challenge opened over the excerpt of its song's stems: its target rendered, its start made. */
    public static ChallengeSetup setup(MixChallenge challenge) {
        MixSession target = MixSessionReader.read(challenge.targetSession().orElseThrow());
        return ChallengeSetup.of(challenge, stems(target), target);
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

    private static AudioBuffer opening(AudioBuffer audio) {
        int frames = Math.min(audio.frames(), SECONDS * audio.sampleRateHz());
        float[][] out = new float[audio.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = Arrays.copyOf(audio.channel(c), frames);
        }
        return new AudioBuffer(out, audio.sampleRateHz());
    }
}
