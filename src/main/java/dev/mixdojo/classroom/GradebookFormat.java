package dev.mixdojo.classroom;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The ways a gradebook can be written; the layouts are described in docs/classroom.md. */
public enum GradebookFormat {
    /** A plain-text table that fits 80 columns, for the terminal. */
    TEXT("text", GradebookText::render),
    /** Comma-separated values for a spreadsheet: students, then the class summary, sections split by blank rows. */
    CSV("csv", GradebookCsv::render),
    /** JSON, for other programs. */
    JSON("json", GradebookJson::render),
    /** One self-contained HTML page (styles inline, nothing fetched). */
    HTML("html", GradebookHtml::render);

    private final String key;
    private final Function<Gradebook, String> renderer;

    GradebookFormat(String key, Function<Gradebook, String> renderer) {
        this.key = key;
        this.renderer = renderer;
    }

    /** The word used on the command line. */
    public String key() {
        return key;
    }

    /** The gradebook written in this format. */
    public String render(Gradebook gradebook) {
        return renderer.apply(gradebook);
    }

    /** Every key, for messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(GradebookFormat::key).toList();
    }

    /** The format with the given key. */
    public static Optional<GradebookFormat> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equalsIgnoreCase(key)).findFirst();
    }

    /** A percentage with one decimal, e.g. {@code 62.5}. */
    public static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A time spent as {@code m:ss} or {@code h:mm:ss}. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** {@code pass} or {@code fail}. */
    public static String passWord(StudentRow row) {
        return row.passed() ? "pass" : "fail";
    }

    /**
     * What the gradebook's checks are worth, in plain sentences: with the pack, signatures prove a file
     * was made with the pack's key, which every student holding the pack has, so they catch edits, not
     * forgeries; without it, nothing about a file's origin is checked.
     */
    public static List<String> trustSentences(Gradebook g) {
        if (g.signaturesChecked()) {
            return List.of("Signatures checked with the assignment pack.",
                    "Each file's pack hash and answers were compared with it too.",
                    "A valid signature shows the file was made with this pack's key, which every student holding the"
                            + " pack has: it catches edited files, not a student who forges results (docs/classroom.md).");
        }
        return List.of("Signatures NOT checked: pass --assignment FILE to check them.",
                "Without the pack no file's signature, pack or answers can be checked, so every row is flagged"
                        + " unverified and an edited score would look right.");
    }
}
