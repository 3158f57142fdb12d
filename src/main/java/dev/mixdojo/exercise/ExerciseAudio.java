package dev.mixdojo.exercise;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.lesson.MaterialRef;
import dev.mixdojo.material.CatalogEntry;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.material.Multitrack;
import dev.mixdojo.material.Role;
import dev.mixdojo.material.SongTempo;
import dev.mixdojo.material.RoughMix;
import dev.mixdojo.material.Stem;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * The audio drills are made of: the material a lesson names ({@code noise/pink}, {@code song/NAME},
 * {@code song/NAME/STEM}, {@code song/NAME/drums} for the drum bus) taken from the material library (rendered once, then cached), cut to
 * an excerpt chosen by the question's random source. Not thread-safe.
 */
public final class ExerciseAudio {
    private final MaterialLibrary library;
    /** The multitrack loaded last: a round of questions draws on the same material again and again. */
    private String lastName = "";
    private Multitrack lastLoaded;
    /** How many excerpt starts are tried before a quiet one is accepted. */
    private static final int EXCERPT_DRAWS = 8;

    /** Exercise audio from {@code library}'s songs, signals and imports. */
    public ExerciseAudio(MaterialLibrary library) {
        this.library = library;
    }

    /** Exercise audio over the same library for another thread to use (this one is not thread-safe). */
    public ExerciseAudio forAnotherThread() {
        return new ExerciseAudio(library);
    }

    /** Whether the material exists (a known noise, song, or song stem). */
    public boolean exists(MaterialRef ref) {
        Optional<String> name = libraryName(ref);
        if (name.isEmpty() || !library.names().contains(name.get())) {
            return false;
        }
        return ref.stem().isEmpty() || library.catalogEntry(name.get()).stems().stream()
                .anyMatch(s -> s.name().equals(ref.stem().get()) || s.role().fileName().equals(ref.stem().get())
                        || ref.stem().get().equals(DRUM_BUS) && DRUM_ROLES.contains(s.role()));
    }

    /** The catalog entry of the material (roles, duration, energy per band). */
    public CatalogEntry catalog(MaterialRef ref) {
        return library.catalogEntry(libraryName(ref).orElseThrow(() -> unknown(ref)));
    }

    /** The tempo and bar lines of the material's song (as {@link MaterialLibrary#tempo}); empty for noises, tones and multitracks. */
    public Optional<SongTempo> tempo(MaterialRef ref) {
        return library.tempo(libraryName(ref).orElseThrow(() -> unknown(ref)));
    }

    /** The whole multitrack of a song (for level and pan drills on stems). */
    public Multitrack multitrack(MaterialRef ref) {
        return multitrack(ref, share -> { });
    }

    /**
     * The whole multitrack of the material, telling {@code progress} how much of its render is done
     * (0…1; 1 at once when it is loaded or cached): a drill opening on a song not rendered yet shows it.
     */
    public Multitrack multitrack(MaterialRef ref, DoubleConsumer progress) {
        String name = libraryName(ref).orElseThrow(() -> unknown(ref));
        if (!name.equals(lastName)) {
            lastLoaded = library.load(name, Optional.empty(), new Warnings(), progress);
            lastName = name;
        }
        progress.accept(1);
        return lastLoaded;
    }

    /**
     * An excerpt of {@code durationS} seconds of the material, starting where {@code random} says.
     * A stem can be silent for long stretches (a vocal in the intro), and a question about silence
     * is unfair: up to {@value #EXCERPT_DRAWS} starts are drawn, and the first whose mean square is
     * within 10 dB of the whole material's is taken.
     */
    public AudioBuffer excerpt(MaterialRef ref, double durationS, SplittableRandom random) {
        return cut(ref, durationS, random).audio();
    }

    /** An excerpt and where in its material it starts (seconds), for plans that place a change on the music's beats. */
    public record Cut(AudioBuffer audio, double startS) {
    }

    /** The excerpt {@link #excerpt} gives, with where it starts. */
    public Cut cut(MaterialRef ref, double durationS, SplittableRandom random) {
        Multitrack multitrack = multitrack(ref);
        AudioBuffer whole = ref.stem().map(stem -> stemAudio(multitrack, stem, ref)).orElse(multitrack.mix());
        double wholeMeanSquare = library.meanSquare(whole);
        Cut cut = cut(whole, durationS, random);
        for (int draw = 1; draw < EXCERPT_DRAWS && cut.audio().meanSquare() < wholeMeanSquare / 10; draw++) {
            cut = cut(whole, durationS, random);
        }
        return cut;
    }

    /**
     * The same stretch of {@code durationS} seconds of every stem of a song ({@code song/NAME}), at
     * the stems' default balances, starting where {@code random} says (as {@link #excerpt} would).
     */
    public List<Stem> stemExcerpts(MaterialRef ref, double durationS, SplittableRandom random) {
        if (ref.stem().isPresent()) {
            throw new BadInputException("the material '" + ref + "' is one stem; balance drills need a whole song (song/"
                    + ref.name() + ")");
        }
        List<Stem> stems = multitrack(ref).stems();
        List<AudioBuffer> cut = cutTogether(stems.stream().map(Stem::audio).toList(), durationS, random);
        return java.util.stream.IntStream.range(0, stems.size())
                .mapToObj(i -> new Stem(stems.get(i).name(), stems.get(i).role(), cut.get(i), stems.get(i).gainDb(), stems.get(i).pan()))
                .toList();
    }

    /** The same stretch of several buffers of equal length, chosen by {@code random}. */
    public static List<AudioBuffer> cutTogether(List<AudioBuffer> whole, double durationS, SplittableRandom random) {
        AudioBuffer first = whole.get(0);
        int frames = frames(first, durationS);
        int start = start(first, frames, random);
        return whole.stream().map(buffer -> slice(buffer, start, frames)).toList();
    }

    /** {@code durationS} of {@code whole} from a random start (all of it when shorter), drawn as {@link #cutTogether} draws. */
    static Cut cut(AudioBuffer whole, double durationS, SplittableRandom random) {
        int frames = frames(whole, durationS);
        int start = start(whole, frames, random);
        return new Cut(slice(whole, start, frames), start / (double) whole.sampleRateHz());
    }

    private static int frames(AudioBuffer whole, double durationS) {
        return (int) Math.min(whole.frames(), Math.round(durationS * whole.sampleRateHz()));
    }

    private static int start(AudioBuffer whole, int frames, SplittableRandom random) {
        return whole.frames() > frames ? random.nextInt(whole.frames() - frames + 1) : 0;
    }

    private static AudioBuffer slice(AudioBuffer buffer, int start, int frames) {
        float[][] channels = new float[buffer.channelCount()][];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = Arrays.copyOfRange(buffer.channel(c), start, start + frames);
        }
        return new AudioBuffer(channels, buffer.sampleRateHz());
    }

    /**
     * The name of the drum bus, {@code song/NAME/drums} (when the song has no stem of that name): the
     * drum stems (kick, snare, hi-hat, toms, room, percussion) at their balances, summed to stereo,
     * as a mixer's drum group would carry them to a bus compressor.
     */
    public static final String DRUM_BUS = "drums";

    private static final Set<Role> DRUM_ROLES = EnumSet.of(Role.KICK, Role.SNARE, Role.HIHAT, Role.TOMS, Role.ROOM,
            Role.PERCUSSION);

    private static boolean isDrumBus(Multitrack multitrack, String stem) {
        return stem.equals(DRUM_BUS) && multitrack.stems().stream().noneMatch(s -> s.name().equals(DRUM_BUS))
                && multitrack.stems().stream().anyMatch(s -> DRUM_ROLES.contains(s.role()));
    }

    private static AudioBuffer stemAudio(Multitrack multitrack, String stem, MaterialRef ref) {
        if (isDrumBus(multitrack, stem)) {
            return RoughMix.sum(multitrack.stems().stream().filter(s -> DRUM_ROLES.contains(s.role())).toList());
        }
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
