package dev.mixdojo.material;

import java.util.List;
import java.util.Locale;

/** Keys and chords of the song files: parsing names like "A minor" and "F#m7" into pitch classes. */
final class Harmony {
    private static final String[] LETTERS = {"C", "D", "E", "F", "G", "A", "B"};
    private static final int[] LETTER_PITCH = {0, 2, 4, 5, 7, 9, 11};

    private Harmony() {
    }

    /** Modes a song's key may use, with their scale steps in semitones above the tonic. */
    enum Mode {
        MAJOR(0, 2, 4, 5, 7, 9, 11),
        MINOR(0, 2, 3, 5, 7, 8, 10),
        DORIAN(0, 2, 3, 5, 7, 9, 10),
        MIXOLYDIAN(0, 2, 4, 5, 7, 9, 10);

        final List<Integer> steps;

        Mode(Integer... steps) {
            this.steps = List.of(steps);
        }
    }

    /** A key: tonic pitch class (0 = C … 11 = B) and mode. */
    record Key(int tonic, Mode mode) {
        Key {
            if (tonic < 0 || tonic > 11) {
                throw new IllegalArgumentException("tonic must be a pitch class 0…11, got " + tonic);
            }
        }

        /** True when the pitch class (any octave) belongs to the scale. */
        boolean contains(int midiPitch) {
            return mode.steps.contains(Math.floorMod(midiPitch - tonic, 12));
        }
    }

    /** A chord: root pitch class and intervals in semitones above the root (root included as 0). */
    record Chord(String symbol, int root, List<Integer> intervals) {
        Chord {
            intervals = List.copyOf(intervals);
        }
    }

    /** Parses "C major", "F# minor", "D dorian"; null when the text is not a key. */
    static Key parseKey(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            return null;
        }
        int[] consumed = new int[1];
        Integer tonic = pitchClass(parts[0], consumed);
        if (tonic == null || consumed[0] != parts[0].length()) {
            return null;
        }
        try {
            return new Key(tonic, Mode.valueOf(parts[1].toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknownMode) {
            return null;
        }
    }

    /** Parses a chord symbol: root (C, F#, Bb) and quality ("", m, 7, maj7, m7, sus2, sus4, dim, 5, add9); null when unknown. */
    static Chord parseChord(String symbol) {
        int[] consumed = new int[1];
        Integer root = pitchClass(symbol, consumed);
        if (root == null) {
            return null;
        }
        List<Integer> intervals = switch (symbol.substring(consumed[0])) {
            case "" -> List.of(0, 4, 7);
            case "m" -> List.of(0, 3, 7);
            case "7" -> List.of(0, 4, 7, 10);
            case "maj7" -> List.of(0, 4, 7, 11);
            case "m7" -> List.of(0, 3, 7, 10);
            case "m9" -> List.of(0, 3, 7, 10, 14);
            case "sus2" -> List.of(0, 2, 7);
            case "sus4" -> List.of(0, 5, 7);
            case "dim" -> List.of(0, 3, 6);
            case "5" -> List.of(0, 7);
            case "add9" -> List.of(0, 4, 7, 14);
            default -> null;
        };
        return intervals == null ? null : new Chord(symbol, root, intervals);
    }

    private static Integer pitchClass(String text, int[] consumed) {
        if (text.isEmpty()) {
            return null;
        }
        for (int i = 0; i < LETTERS.length; i++) {
            if (text.startsWith(LETTERS[i])) {
                int pitch = LETTER_PITCH[i];
                consumed[0] = 1;
                if (text.length() > 1 && (text.charAt(1) == '#' || text.charAt(1) == 'b')) {
                    pitch += text.charAt(1) == '#' ? 1 : -1;
                    consumed[0] = 2;
                }
                return Math.floorMod(pitch, 12);
            }
        }
        return null;
    }
}
