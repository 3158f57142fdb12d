package dev.mixdojo.analysis.report;

import dev.mixdojo.analysis.report.BatchAnalysis.Entry;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.base.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Analyses many files in one process, several at a time: each worker thread takes the next file
 * (the largest first, so that no long file is left alone at the end) and analyses it on its own
 * thread; a file taken when fewer files are left than workers may use helper threads too, so the
 * last files still use every core. Results do not depend on the threads: each file's analysis
 * equals its analysis alone.
 */
public final class BatchAnalyzer {
    private BatchAnalyzer() {
    }

    /** What a batch tells as it goes; every call comes from a worker thread, one call at a time. */
    public interface Listener {
        /** Never cancels and ignores everything. */
        Listener NONE = new Listener() {
        };

        /** File {@code index} (in the order given) is done, measured or unreadable. */
        default void finished(int index, Entry entry) {
        }

        /** Share of the batch analysed so far, 0…1 (files weighted by their size). */
        default void progress(double fraction) {
        }

        /** Whether to stop: the batch then ends with a {@link CancellationException}. */
        default boolean cancelled() {
            return false;
        }
    }

    /**
     * Analyses the files with {@code workers} threads (at least 1). A file that cannot be read
     * becomes an {@link BatchAnalysis.Unreadable} entry with its sentence and the others are still
     * analysed; warnings are added to {@code warnings} in the files' order.
     */
    public static BatchAnalysis analyseFiles(List<Path> files, Set<ReportSection> sections, int workers, Warnings warnings,
            Listener listener) {
        int n = files.size();
        Entry[] entries = new Entry[n];
        Warnings[] fileWarnings = new Warnings[n];
        double[] weights = weights(files);
        double[] fractions = new double[n];
        // Largest first: the work is spread best when the small files come last.
        int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> -weights[i]))
                .mapToInt(Integer::intValue).toArray();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Object lock = new Object();
        int threads = Math.max(1, Math.min(workers, n));
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("mixdojo-batch"));
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                running.add(CompletableFuture.runAsync(() -> {
                    int taken;
                    while (!stop.get() && (taken = next.getAndIncrement()) < n) {
                        int index = order[taken];
                        boolean fewerLeftThanWorkers = n - taken - 1 < threads - 1;
                        ProgrammeAnalyzer.Threads lanes = fewerLeftThanWorkers
                                ? ProgrammeAnalyzer.Threads.WITH_HELPERS : ProgrammeAnalyzer.Threads.CALLER_ONLY;
                        fileWarnings[index] = new Warnings();
                        Entry entry = analyseOne(files.get(index), sections, fileWarnings[index], lanes, new ProgrammeAnalyzer.Monitor() {
                            @Override
                            public void progress(double fraction) {
                                synchronized (lock) {
                                    fractions[index] = fraction;
                                    listener.progress(weightedSum(weights, fractions));
                                }
                            }

                            @Override
                            public boolean cancelled() {
                                synchronized (lock) {
                                    return stop.get() || listener.cancelled();
                                }
                            }
                        });
                        synchronized (lock) {
                            entries[index] = entry;
                            fractions[index] = 1;
                            listener.finished(index, entry);
                            listener.progress(weightedSum(weights, fractions));
                        }
                    }
                }, pool));
            }
            try {
                running.forEach(DaemonThreads::join);
            } catch (RuntimeException e) {
                stop.set(true);  // a fault or a cancel: the other workers stop after their current block
                throw e;
            }
        } finally {
            pool.shutdown();
        }
        for (Warnings w : fileWarnings) {
            w.all().forEach(warnings::add);
        }
        return BatchAnalysis.of(List.of(entries));
    }

    /**
     * The files to analyse: each file as given, each folder replaced by the audio files directly
     * inside it, sorted by name; a folder without audio files is bad input.
     */
    public static List<Path> filesIn(List<Path> given) {
        List<Path> out = new ArrayList<>();
        for (Path path : given) {
            if (!Files.isDirectory(path)) {
                out.add(path);
                continue;
            }
            try (Stream<Path> inside = Files.list(path)) {
                List<Path> audio = inside.filter(Files::isRegularFile).filter(AudioFiles::hasAudioName).sorted().toList();
                if (audio.isEmpty()) {
                    throw new BadInputException(path, "holds no audio files (WAV, AIFF, FLAC, MP3, Ogg, AAC).");
                }
                out.addAll(audio);
            } catch (IOException e) {
                throw new BadInputException(path, "cannot be listed (" + e.getMessage() + ").", e);
            }
        }
        return out;
    }

    private static Entry analyseOne(Path file, Set<ReportSection> sections, Warnings warnings, ProgrammeAnalyzer.Threads lanes,
            ProgrammeAnalyzer.Monitor monitor) {
        try {
            return new BatchAnalysis.Measured(ProgrammeAnalyzer.analyseFile(file, sections, warnings, monitor, lanes));
        } catch (BadInputException e) {
            return new BatchAnalysis.Unreadable(file.toString(), e.getMessage());
        }
    }

    /** Each file's share of the batch's bytes (equal shares when sizes cannot be read). */
    private static double[] weights(List<Path> files) {
        double[] sizes = new double[files.size()];
        double total = 0;
        for (int i = 0; i < sizes.length; i++) {
            try {
                sizes[i] = Math.max(1, Files.size(files.get(i)));
            } catch (IOException e) {
                sizes[i] = 1;  // a missing file is reported when it is analysed
            }
            total += sizes[i];
        }
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] /= total;
        }
        return sizes;
    }

    private static double weightedSum(double[] weights, double[] fractions) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * fractions[i];
        }
        return Math.min(1, sum);
    }
}
