package dev.mixdojo.dsp.time;

import dev.mixdojo.base.BadInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A musical note length such as {@code "1/4"}, {@code "1/8."} (dotted: ×1.5) or {@code "1/8t"}
 * (triplet: ×2/3), with denominators 1, 2, 4, 8, 16, 32 or 64.
 */
public record NoteValue(String text, int denominator, double multiplier) {
    private static final Pattern FORMAT = Pattern.compile("1/(1|2|4|8|16|32|64)([.t]?)");

    /** Parses the note text; a bad one gives a sentence naming the delay note. */
    public static NoteValue parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new BadInputException("delay note must look like 1/4, 1/8. (dotted) or 1/8t (triplet), got " + text);
        }
        String modifier = m.group(2);
        double multiplier = ".".equals(modifier) ? 1.5 : "t".equals(modifier) ? 2.0 / 3 : 1;
        return new NoteValue(text.trim(), Integer.parseInt(m.group(1)), multiplier);
    }

    /** The note's length in milliseconds at {@code bpm} quarter notes per minute. */
    public double lengthMs(double bpm) {
        double wholeNoteMs = 4 * 60000 / bpm;
        return wholeNoteMs / denominator * multiplier;
    }
}
