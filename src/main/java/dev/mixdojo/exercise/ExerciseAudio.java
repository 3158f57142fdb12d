package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.lesson.MaterialRef;
import dev.mixdojo.material.CatalogEntry;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.material.Multitrack;
import dev.mixdojo.material.Stem;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The audio drills are made of: the material a lesson names ({@code noise/pink}, {@code song/NAME},
 * {@code song/NAME/STEM}) taken from the material library (rendered once, then cached), cut to
 * an excerpt chosen by the question's random source. Not thread-safe.
 */
public final class ExerciseAudio {
    private final MaterialLibrary library;
    /** The multitrack loaded last: a round of questions draws on the same material again and again. */
    private String lastName = "";
    private Multitrack lastLoaded;
    /** Mean square of each material (and stem) drawn from, for {@link #excerpt}. */
    private final Map<String, Double> meanSquares = new HashMap<>();
    /** How many excerpt starts are tried before a quiet one is accepted. */
    private static final int EXCERPT_DRAWS = 8;

    public ExerciseAudio(MaterialLibrary library) {
        this.library = library;
    }

    /** Whether the material exists (a known noise, song, or song stem). */
    public boolean exists(MaterialRef ref) {
        Optional<String> name = libraryName(ref);
        if (name.isEmpty() || !library.names().contains(name.get())) {
            return false;
        }
        return ref.stem().isEmpty() || library.catalogEntry(name.get()).stems().stream()
                .anyMatch(s -> s.name().equals(ref.stem().get()) || s.role().fileName().equals(ref.stem().get()));
    }

    /** The catalog entry of the material (roles, duration, energy per band). */
    public CatalogEntry catalog(MaterialRef ref) {
        return library.catalogEntry(libraryName(ref).orElseThrow(() -> unknown(ref)));
    }

    /** The tempo of the material's song (quarter notes per minute); empty for noises, tones and imported material. */
    public OptionalDouble tempoBpm(MaterialRef ref) {
        return library.tempoBpm(libraryName(ref).orElseThrow(() -> unknown(ref)));
    }

    /** The whole multitrack of a song (for level and pan drills on stems). */
    public Multitrack multitrack(MaterialRef ref) {
        String name = libraryName(ref).orElseThrow(() -> unknown(ref));
        if (!name.equals(lastName)) {
            lastLoaded = library.load(name, Optional.empty(), new Warnings());
            lastName = name;
        }
        return lastLoaded;
    }

    /**
     * An excerpt of {@code durationS} seconds of the material, starting where {@code random} says.
     * A stem can be silent for long stretches (a vocal in the intro), and a question about silence
     * is unfair: up to {@value #EXCERPT_DRAWS} starts are drawn, and the first whose mean square is
     * within 10 dB of the whole material's is taken.
     */
    public AudioBuffer excerpt(MaterialRef ref, double durationS, SplittableRandom random) {
        Multitrack multitrack = multitrack(ref);
        AudioBuffer whole = ref.stem().map(stem -> stemAudio(multitrack, stem, ref)).orElse(multitrack.mix());
        double wholeMeanSquare = meanSquares.computeIfAbsent(ref.toString() + "@" + multitrack.name(), key -> meanSquare(whole));
        AudioBuffer excerpt = cut(whole, durationS, random);
        for (int draw = 1; draw < EXCERPT_DRAWS && meanSquare(excerpt) < wholeMeanSquare / 10; draw++) {
            excerpt = cut(whole, durationS, random);
        }
        return excerpt;
    }

    private static double meanSquare(AudioBuffer audio) {
        double sum = 0;
        for (float[] channel : audio.channels()) {
            for (float x : channel) {
                sum += (double) x * x;
            }
        }
        return sum / Math.max(1, (long) audio.frames() * audio.channelCount());
    }

    /** The same stretch of several buffers of equal length, chosen by {@code random}. */
    public static List<AudioBuffer> cutTogether(List<AudioBuffer> whole, double durationS, SplittableRandom random) {
        AudioBuffer first = whole.get(0);
        int frames = (int) Math.min(first.frames(), Math.round(durationS * first.sampleRateHz()));
        int start = first.frames() > frames ? random.nextInt(first.frames() - frames + 1) : 0;
        return whole.stream().map(buffer -> slice(buffer, start, frames)).toList();
    }

    static AudioBuffer cut(AudioBuffer whole, double durationS, SplittableRandom random) {
        return cutTogether(List.of(whole), durationS, random).get(0);
    }

    private static AudioBuffer slice(AudioBuffer buffer, int start, int frames) {
        float[][] channels = new float[buffer.channelCount()][];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = Arrays.copyOfRange(buffer.channel(c), start, start + frames);
        }
        return new AudioBuffer(channels, buffer.sampleRateHz());
    }

    private static AudioBuffer stemAudio(Multitrack multitrack, String stem, MaterialRef ref) {
        return multitrack.stems().stream()
                .filter(s -> s.name().equals(stem) || s.role().fileName().equals(stem))
                .map(Stem::audio)
                .findFirst()
                .orElseThrow(() -> unknown(ref));
    }

    private static Optional<String> libraryName(MaterialRef ref) {
        return switch (ref.source()) {
            case "noise" -> Optional.of(ref.name() + "-noise");
            case "song" -> Optional.of(ref.name());
            default -> Optional.empty();
        };
    }

    private static BadInputException unknown(MaterialRef ref) {
        return new BadInputException("the material '" + ref + "' does not exist; 'bin/mixdojo material list' shows what does");
    }
}
