package dev.mixdojo.material;

import dev.mixdojo.material.synth.InstrumentModel;
import dev.mixdojo.material.synth.Note;
import dev.mixdojo.material.synth.SynthMath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Turns a song's step patterns into notes: pitches from the chords and the key, velocities from
 * the step letters, the beat and the section level, and a human feel (timing and velocity
 * variation) from the seed. Lead and voice melodies are composed from the seed once per section
 * name, so a chorus sings the same tune each time it comes round. Deterministic: the same song and
 * seed give the same notes.
 */
final class Arranger {
    private Arranger() {
    }

    /** The step letters a pattern for this instrument may use ('.' rest, '-' hold the previous note). */
    static String allowedSteps(InstrumentModel model) {
        return switch (model) {
            case KICK, SNARE -> "Xxg.";
            case HIHAT -> "XxgOo.";
            case BASS -> "xX13578-.";
            case KEYS, PAD, LEAD, VOICE -> "xX-.";
            case PLUCK -> "xX123456-.";
            case ROOM -> "";
        };
    }

    /** A seed for one purpose of one stem, independent of other stems (SplitMix64 finaliser). */
    static long seedFor(long songSeed, String stem, String purpose) {
        long z = songSeed * 0x9E3779B97F4A7C15L + stem.hashCode() * 0xBF58476D1CE4E5B9L + purpose.hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The notes of every track that plays notes (rooms excluded), by stem, in track order. */
    static Map<String, List<Note>> arrange(Song song, long seed) {
        Map<String, List<Note>> result = new LinkedHashMap<>();
        for (Song.Track track : song.tracks()) {
            if (track.sound().model() != InstrumentModel.ROOM) {
                result.put(track.stem(), notes(song, track, seed));
            }
        }
        return result;
    }

    private static List<Note> notes(Song song, Song.Track track, long seed) {
        InstrumentModel model = track.sound().model();
        SplittableRandom feel = new SplittableRandom(seedFor(seed, track.stem(), "feel"));
        Map<String, Melody> melodies = new TreeMap<>();
        List<Note> notes = new ArrayList<>();
        int stepsPerBar = song.stepsPerBar();
        double stepS = song.stepS();
        long stepOffset = 0;
        for (Song.Section section : song.form()) {
            int sectionSteps = section.bars() * stepsPerBar;
            String pattern = track.partFor(section.name());
            if (pattern != null) {
                double sectionGain = SynthMath.dbToGain(section.levelDb());
                Melody melody = null;
                if (model == InstrumentModel.LEAD || model == InstrumentModel.VOICE) {
                    melody = melodies.computeIfAbsent(section.name(),
                            name -> Melody.compose(song, section, pattern, track, seedFor(seed, track.stem(), "melody:" + name)));
                }
                int onset = 0;
                for (int s = 0; s < sectionSteps; s++) {
                    char step = pattern.charAt(s % pattern.length());
                    if (step == '.' || step == '-') {
                        continue;
                    }
                    int hold = 1;
                    while (s + hold < sectionSteps && pattern.charAt((s + hold) % pattern.length()) == '-') {
                        hold++;
                    }
                    Harmony.Chord chord = section.chords().get((s / stepsPerBar) % section.chords().size());
                    double timeS = (stepOffset + s) * stepS + swingS(song, s) + jitterS(feel, track.humanize());
                    double velocity = velocity(step, s, song.stepsPerBeat(), sectionGain, feel, track.humanize());
                    double lengthS = hold * stepS;
                    switch (model) {
                        case KICK, SNARE -> add(notes, timeS, lengthS, 0, velocity, 0);
                        case HIHAT -> add(notes, timeS, lengthS, 0, velocity, step == 'o' || step == 'O' ? 1 : 0);
                        case BASS -> add(notes, timeS, lengthS * 0.92, bassPitch(chord, step, track), velocity, 0);
                        case KEYS, PAD -> {
                            List<Integer> voicing = voicing(chord, octave(track));
                            for (int v = 0; v < voicing.size(); v++) {
                                // A player's chord is never perfectly together: a few ms per finger.
                                double spreadS = model == InstrumentModel.KEYS ? v * 0.004 : 0;
                                add(notes, timeS + spreadS, lengthS, voicing.get(v), velocity * (v == 0 ? 1 : 0.85), 0);
                            }
                        }
                        case PLUCK -> {
                            List<Integer> voicing = voicing(chord, octave(track));
                            if (step == 'x' || step == 'X') {
                                for (int v = 0; v < voicing.size(); v++) {
                                    add(notes, timeS + v * 0.012, lengthS, voicing.get(v), velocity * 0.8, 0);
                                }
                            } else {
                                int index = step - '1';
                                int pitch = voicing.get(index % voicing.size()) + 12 * (index / voicing.size());
                                add(notes, timeS, lengthS, pitch, velocity, 0);
                            }
                        }
                        case LEAD, VOICE -> {
                            add(notes, timeS, lengthS * 0.97, melody.pitches.get(onset), velocity, melody.vowels.get(onset));
                            onset++;
                        }
                        case ROOM -> throw new IllegalStateException("rooms have no notes");
                    }
                }
            }
            stepOffset += sectionSteps;
        }
        notes.sort(Comparator.comparingLong(Note::startFrame));
        return notes;
    }

    private static void add(List<Note> notes, double timeS, double lengthS, double pitch, double velocity, int variant) {
        long start = Math.max(0, StrictMath.round(timeS * SynthMath.SAMPLE_RATE_HZ));
        int length = Math.max(1, SynthMath.frames(lengthS));
        notes.add(new Note(start, length, pitch, Math.max(0.05, Math.min(1.0, velocity)), variant));
    }

    /** Swing delays every second step by up to a third of a step (1.0 = triplet feel). */
    private static double swingS(Song song, int step) {
        return step % 2 == 1 ? song.swing() * song.stepS() / 3 : 0;
    }

    /** Onset jitter: an approximately normal deviate (sum of four uniforms), clipped at ±2.5 σ. */
    private static double jitterS(SplittableRandom feel, Song.Humanize humanize) {
        double sum = feel.nextDouble() + feel.nextDouble() + feel.nextDouble() + feel.nextDouble() - 2;
        double deviate = Math.max(-2.5, Math.min(2.5, sum * StrictMath.sqrt(3)));
        return deviate * humanize.timingMs() / 1000;
    }

    private static double velocity(char step, int position, int stepsPerBeat, double sectionGain, SplittableRandom feel,
                                   Song.Humanize humanize) {
        double base = switch (step) {
            case 'X', 'O' -> 1.0;
            case 'g' -> 0.4;
            default -> 0.8;
        };
        double metric = position % (stepsPerBeat * 2) == 0 ? 1.0 : position % stepsPerBeat == 0 ? 0.93
                : position % 2 == 0 ? 0.86 : 0.8;
        double variation = 1 + (feel.nextDouble() * 2 - 1) * humanize.velocity();
        return base * metric * sectionGain * variation;
    }

    private static int octave(Song.Track track) {
        return (int) track.sound().get("octave");
    }

    /** Bass notes sit from E to D# of their octave (octave 1: 41–78 Hz), as on a bass guitar's lowest string. */
    private static double bassPitch(Harmony.Chord chord, char step, Song.Track track) {
        int root = 12 * (octave(track) + 1) + 4 + Math.floorMod(chord.root() - 4, 12);
        return switch (step) {
            case '3' -> root + chord.intervals().get(Math.min(1, chord.intervals().size() - 1));
            case '5' -> root + 7;
            case '7' -> root + (chord.intervals().size() > 3 ? chord.intervals().get(3) : 10);
            case '8' -> root + 12;
            default -> root;
        };
    }

    /** A close voicing of the chord with its root between F and E of the given octave. */
    static List<Integer> voicing(Harmony.Chord chord, int octave) {
        int root = 12 * (octave + 1) + 5 + Math.floorMod(chord.root() - 5, 12) - 12;
        List<Integer> pitches = new ArrayList<>();
        for (int interval : chord.intervals()) {
            pitches.add(root + interval);
        }
        return pitches;
    }

    /** The pitches (MIDI) and vowels of one section's onsets for a lead or voice. */
    record Melody(List<Double> pitches, List<Integer> vowels) {

        static Melody compose(Song song, Song.Section section, String pattern, Song.Track track, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int stepsPerBar = song.stepsPerBar();
            int centre = 12 * (octave(track) + 1) + song.key().tonic() + 7;
            List<Integer> scale = new ArrayList<>();
            for (int p = centre - 10; p <= centre + 10; p++) {
                if (song.key().contains(p)) {
                    scale.add(p);
                }
            }
            List<Double> pitches = new ArrayList<>();
            List<Integer> vowels = new ArrayList<>();
            int current = scale.size() / 2;
            int sectionSteps = section.bars() * stepsPerBar;
            char previous = '.';
            for (int s = 0; s < sectionSteps; s++) {
                char step = pattern.charAt(s % pattern.length());
                if (step == '.' || step == '-') {
                    previous = step;
                    continue;
                }
                Harmony.Chord chord = section.chords().get((s / stepsPerBar) % section.chords().size());
                boolean strong = s % (song.stepsPerBeat() * 2) == 0 || previous == '.';
                if (strong) {
                    current = nearestChordTone(scale, current, chord, random);
                } else {
                    int move = switch (random.nextInt(6)) {
                        case 0, 1 -> 1;
                        case 2, 3 -> -1;
                        case 4 -> 2;
                        default -> -2;
                    };
                    int next = current + move;
                    current = next < 0 || next >= scale.size() ? current - move : next;
                }
                pitches.add((double) scale.get(current));
                vowels.add(random.nextInt(5));
                previous = step;
            }
            return new Melody(pitches, vowels);
        }

        /** The index in {@code scale} of a chord tone near {@code current}: the nearest, sometimes the second nearest. */
        private static int nearestChordTone(List<Integer> scale, int current, Harmony.Chord chord, SplittableRandom random) {
            int best = -1;
            int second = -1;
            for (int i = 0; i < scale.size(); i++) {
                int pitchClass = Math.floorMod(scale.get(i) - chord.root(), 12);
                if (!chord.intervals().contains(pitchClass) && !chord.intervals().contains(pitchClass + 12)) {
                    continue;
                }
                if (best < 0 || Math.abs(i - current) < Math.abs(best - current)) {
                    second = best;
                    best = i;
                } else if (second < 0 || Math.abs(i - current) < Math.abs(second - current)) {
                    second = i;
                }
            }
            if (best < 0) {
                return current;
            }
            return second >= 0 && random.nextInt(10) < 3 ? second : best;
        }
    }
}
