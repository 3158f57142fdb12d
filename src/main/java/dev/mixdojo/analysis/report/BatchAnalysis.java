package dev.mixdojo.analysis.report;

import java.util.List;
import java.util.Optional;

/**
 * The analyses of several files, in the order they were given, with what they measure together
 * (an album's loudness, the spread of PLR and tonal balance); a file that could not be read keeps
 * its place with the sentence saying why. Immutable.
 *
 * @param entries one per file, in the order given
 * @param album the album measures of the files that were measured, when there are two or more
 */
public record BatchAnalysis(List<Entry> entries, Optional<AlbumAnalysis> album) {
    /** One file of a batch: measured, or unreadable with its sentence. */
    public sealed interface Entry permits Measured, Unreadable {
        /** The file as the user named it. */
        String file();
    }

    /** A file that was measured. */
    public record Measured(ProgrammeAnalysis analysis) implements Entry {
        @Override
        public String file() {
            return analysis.file();
        }
    }

    /** A file that could not be read, with one sentence naming it and the problem. */
    public record Unreadable(String file, String problem) implements Entry {
    }

    /** Copies the entries. */
    public BatchAnalysis {
        entries = List.copyOf(entries);
    }

    /** The batch of these entries, with the album measures of the measured ones. */
    public static BatchAnalysis of(List<Entry> entries) {
        return new BatchAnalysis(entries, AlbumAnalysis.of(measured(entries)));
    }

    /** The analyses of the files that were measured, in order. */
    public List<ProgrammeAnalysis> measured() {
        return measured(entries);
    }

    private static List<ProgrammeAnalysis> measured(List<Entry> entries) {
        return entries.stream().filter(Measured.class::isInstance).map(e -> ((Measured) e).analysis()).toList();
    }

    /** Whether some file could not be read. */
    public boolean anyUnreadable() {
        return entries.stream().anyMatch(Unreadable.class::isInstance);
    }

    /** This batch with every measured file compared with {@code reference} (see {@link ProgrammeAnalysis#comparedWith}). */
    public BatchAnalysis comparedWith(ProgrammeAnalysis reference) {
        return new BatchAnalysis(entries.stream().map(e -> e instanceof Measured m
                ? (Entry) new Measured(m.analysis().comparedWith(reference)) : e).toList(), album);
    }
}
