package dev.mixdojo.analysis.report;

import dev.mixdojo.analysis.dynamics.DynamicsAnalyzer;
import dev.mixdojo.analysis.dynamics.DynamicsResult;
import dev.mixdojo.analysis.loudness.LoudnessMeter;
import dev.mixdojo.analysis.loudness.LoudnessResult;
import dev.mixdojo.analysis.qc.QcAnalyzer;
import dev.mixdojo.analysis.qc.QcResult;
import dev.mixdojo.analysis.spectrum.SpectrumResult;
import dev.mixdojo.analysis.spectrum.WelchAnalyzer;
import dev.mixdojo.analysis.spectrum.WelchSpectra;
import dev.mixdojo.analysis.stereo.StereoAnalyzer;
import dev.mixdojo.analysis.stereo.StereoResult;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.AudioStream;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.base.Warnings;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Runs the requested analyses over one programme in a single pass: feed blocks in order with
 * {@link #accept}, then call {@link #result}. Only the work the requested sections need is done
 * (loudness alone skips the FFTs, the band filters and the QC scan). Not thread-safe. When the
 * machine has two or more processors and the loudness meter runs beside other sections, the
 * loudness meter and the dynamics each run on a helper (daemon) thread of their own, on copies of
 * the blocks up to {@value #HELPER_BLOCKS} blocks behind, while the spectrum, stereo and QC scans
 * run on the caller's: three lanes of about equal work, which the processors share out.
 */
public final class ProgrammeAnalyzer {
    private final int sampleRateHz;
    private final int channelCount;
    private final Set<ReportSection> sections;
    private final LoudnessMeter loudness;
    private final WelchAnalyzer welch;
    private final DynamicsAnalyzer dynamics;
    private final StereoAnalyzer stereo;
    private final QcAnalyzer qc;
    private long frames;
    /** The PCM bit depth the analysed file declares, or 0 when unknown or float (see {@link QcResult#paddedBitsProblem}). */
    private int declaredPcmBits;
    /** Blocks a helper may hold at once (64 KB each for 8192 stereo frames). */
    private static final int HELPER_BLOCKS = 16;
    private final List<Helper> helpers = new ArrayList<>();

    /** Whether one programme's analysis may share its work with helper threads. */
    public enum Threads {
        /** Everything on the caller's thread (for a batch that keeps every core busy with other files). */
        CALLER_ONLY,
        /** Helper threads beside the caller's when the machine has two or more processors. */
        WITH_HELPERS
    }

    /** An analyzer for a programme of the given rate (Hz) and 1–8 channels, computing the given sections, with helpers. */
    public ProgrammeAnalyzer(int sampleRateHz, int channelCount, Set<ReportSection> sections) {
        this(sampleRateHz, channelCount, sections, Threads.WITH_HELPERS);
    }

    /** An analyzer for a programme of the given rate (Hz) and 1–8 channels, computing the given sections. */
    public ProgrammeAnalyzer(int sampleRateHz, int channelCount, Set<ReportSection> sections, Threads threads) {
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("ask for at least one analysis");
        }
        this.sampleRateHz = sampleRateHz;
        this.channelCount = channelCount;
        this.sections = EnumSet.copyOf(sections);
        boolean wantsLoudness = sections.contains(ReportSection.LOUDNESS) || sections.contains(ReportSection.DYNAMICS)
                || sections.contains(ReportSection.SPECTRUM);
        // The true peak is the costly part of loudness: only the sections that report it pay for it.
        boolean wantsTruePeak = sections.contains(ReportSection.LOUDNESS) || sections.contains(ReportSection.DYNAMICS);
        boolean wantsStereo = sections.contains(ReportSection.STEREO) && channelCount >= 2;
        this.loudness = wantsLoudness ? new LoudnessMeter(sampleRateHz, channelCount, wantsTruePeak) : null;
        this.welch = sections.contains(ReportSection.SPECTRUM) || wantsStereo
                ? new WelchAnalyzer(sampleRateHz, sections.contains(ReportSection.SPECTRUM) ? channelCount : 2)
                : null;
        this.dynamics = sections.contains(ReportSection.DYNAMICS) ? new DynamicsAnalyzer(sampleRateHz, channelCount) : null;
        this.stereo = wantsStereo ? new StereoAnalyzer(sampleRateHz) : null;
        this.qc = sections.contains(ReportSection.QC) ? new QcAnalyzer(sampleRateHz, channelCount) : null;
        boolean others = welch != null || stereo != null || qc != null;
        if (threads == Threads.WITH_HELPERS && Runtime.getRuntime().availableProcessors() >= 2 && loudness != null
                && (others || dynamics != null)) {
            helpers.add(new Helper("mixdojo-loudness", loudness::accept));
            if (dynamics != null) {
                helpers.add(new Helper("mixdojo-dynamics", dynamics::accept));
            }
        }
    }

    /** Analyses {@code frames} frames of {@code block[channel][frame]}; the caller may refill the block afterwards. */
    public void accept(float[][] block, int frames) {
        if (helpers.isEmpty()) {
            if (loudness != null) {
                loudness.accept(block, frames);
            }
            if (dynamics != null) {
                dynamics.accept(block, frames);
            }
        }
        for (Helper helper : helpers) {
            helper.submit(block, frames);
        }
        if (welch != null) {
            welch.accept(block, frames);
        }
        if (stereo != null) {
            stereo.accept(block, frames);
        }
        if (qc != null) {
            qc.accept(block, frames);
        }
        this.frames += frames;
    }

    /** One block consumer of the analysis. */
    private interface BlockConsumer {
        void accept(float[][] block, int frames);
    }

    /**
     * A consumer on a thread of its own. It works on its own copy of each block from a small pool,
     * so neither thread waits for the other block by block (a hand-off per block cost a scheduler
     * wake-up each on a loaded machine); the pool bounds the memory and how far it may fall behind.
     */
    private static final class Helper {
        private final ExecutorService thread;
        private final BlockConsumer consumer;
        private final Semaphore slots = new Semaphore(HELPER_BLOCKS);
        private final Queue<float[][]> freeCopies = new ConcurrentLinkedQueue<>();
        private final Queue<CompletableFuture<Void>> tasks = new ArrayDeque<>();

        Helper(String name, BlockConsumer consumer) {
            this.consumer = consumer;
            this.thread = Executors.newSingleThreadExecutor(DaemonThreads.named(name));
        }

        void submit(float[][] block, int frames) {
            float[][] copy = freeCopies.poll();
            if (copy == null || copy[0].length < frames) {
                copy = new float[block.length][frames];
            }
            for (int c = 0; c < block.length; c++) {
                System.arraycopy(block[c], 0, copy[c], 0, frames);
            }
            acquireSlot();
            float[][] work = copy;
            tasks.add(CompletableFuture.runAsync(() -> {
                try {
                    consumer.accept(work, frames);
                } finally {
                    freeCopies.add(work);
                    slots.release();
                }
            }, thread));
            // Completed tasks are checked as we go so that a failure surfaces early.
            while (!tasks.isEmpty() && tasks.peek().isDone()) {
                DaemonThreads.join(tasks.poll());
            }
        }

        private void acquireSlot() {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while analysing", e);
            }
        }

        /** Waits for every submitted block, then ends the thread (also when a block failed). */
        void finish() {
            try {
                while (!tasks.isEmpty()) {
                    DaemonThreads.join(tasks.poll());
                }
            } finally {
                thread.shutdown();
            }
        }

        void abandon() {
            thread.shutdownNow();
        }
    }

    /** Progress and cancellation of {@link #analyseFile}; both are called on the analysing thread after each block. */
    public interface Monitor {
        /** Does nothing and never cancels. */
        Monitor NONE = new Monitor() {
            @Override
            public void progress(double fraction) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        /** The share of the file analysed so far, 0…1. */
        void progress(double fraction);

        /** Whether to stop: the analysis then ends with a {@link CancellationException}. */
        boolean cancelled();
    }

    /** Frames read from the file per block. */
    static final int FILE_BLOCK_FRAMES = 8192;

    /**
     * Streams a WAV or AIFF file once through the requested analyses, telling {@code monitor} how
     * far it got; throws BadInputException naming the file when it cannot be read, and
     * CancellationException when the monitor asks to stop.
     */
    public static ProgrammeAnalysis analyseFile(Path file, Set<ReportSection> sections, Warnings warnings, Monitor monitor) {
        return analyseFile(file, sections, warnings, monitor, Threads.WITH_HELPERS);
    }

    /** As {@link #analyseFile(Path, Set, Warnings, Monitor)}, on the given threads. */
    public static ProgrammeAnalysis analyseFile(Path file, Set<ReportSection> sections, Warnings warnings, Monitor monitor,
            Threads threads) {
        try (AudioStream stream = AudioFiles.openStream(file, warnings)) {
            ProgrammeAnalyzer analyzer = new ProgrammeAnalyzer(stream.sampleRateHz(), stream.channelCount(), sections, threads);
            analyzer.declaredPcmBits = stream.pcmBitsPerSample();
            float[][] block = new float[stream.channelCount()][FILE_BLOCK_FRAMES];
            double totalFrames = Math.max(1, stream.frames());
            try {
                int frames;
                while ((frames = stream.read(block)) >= 0) {
                    if (monitor.cancelled()) {
                        throw new CancellationException("analysis of " + file + " cancelled");
                    }
                    if (frames > 0) {
                        analyzer.accept(block, frames);
                        monitor.progress(Math.min(1, analyzer.frames / totalFrames));
                    }
                }
                return analyzer.result(file.toString());
            } catch (RuntimeException e) {
                // Cancelled, or the file broke off part-way: the helper threads stop with the analysis.
                analyzer.abandon();
                throw e;
            }
        }
    }

    private void abandon() {
        helpers.forEach(Helper::abandon);
    }

    /** The analysis of everything accepted, labelled with the given file name. */
    public ProgrammeAnalysis result(String file) {
        try {
            helpers.forEach(Helper::finish);
        } finally {
            abandon();  // a failed helper leaves the others running otherwise
        }
        LoudnessResult loudnessResult = loudness == null ? null : loudness.result();
        WelchSpectra spectra = welch == null ? null : welch.spectra();
        Optional<SpectrumResult> spectrum = sections.contains(ReportSection.SPECTRUM)
                ? Optional.of(SpectrumResult.of(spectra, welch.spectrogram(), welch.fftSize(),
                        loudnessResult.integratedLufs(), sampleRateHz))
                : Optional.empty();
        Optional<DynamicsResult> dynamicsResult = dynamics == null ? Optional.empty() : Optional.of(dynamics.result(loudnessResult));
        Optional<StereoResult> stereoResult = stereo == null || spectra == null ? Optional.empty()
                : Optional.of(stereo.result(spectra));
        Optional<QcResult> qcResult = qc == null ? Optional.empty() : Optional.of(qc.result());
        double durationS = frames / (double) sampleRateHz;

        List<String> notes = new ArrayList<>();
        if (durationS < Figures.SHORTEST_MEASURABLE_S) {
            notes.add(String.format(Locale.ROOT, "The file is too short to measure (%.3f s, less than one 400 ms loudness"
                    + " block): figures without a value read 'too short to measure'.", durationS));
        }
        if (channelCount == 1) {
            notes.add("Mono file: measured as one channel; the same audio on both channels of a stereo file reads 3.0 LU louder.");
        }
        if (channelCount > 2 && sections.contains(ReportSection.STEREO)) {
            notes.add("Stereo measures use channels 1 and 2 (left and right).");
        }
        if (channelCount == 1 && sections.contains(ReportSection.STEREO)) {
            notes.add("No stereo measures: the file has one channel.");
        }
        if (loudnessResult != null && sections.contains(ReportSection.LOUDNESS) && durationS < 10) {
            notes.add("The loudness range means little on material shorter than about 10 s.");
        }

        List<String> problems = new ArrayList<>();
        if (loudnessResult != null && loudnessResult.truePeakMeasured() && loudnessResult.truePeakDbtp() > -1) {
            problems.add(String.format(Locale.ROOT,
                    "The true peak is %+.1f dBTP, above -1 dBTP: lossy encoding and sample-rate conversion may clip it.",
                    loudnessResult.truePeakDbtp()));
        }
        stereoResult.ifPresent(s -> {
            s.monoSourceProblem().ifPresent(problems::add);
            if (!s.falseStereo() && s.correlation() < 0) {
                problems.add(String.format(Locale.ROOT,
                        "Left and right are largely out of phase (correlation %.2f): the mix loses level and bass in mono.",
                        s.correlation()));
            }
            if (Double.isFinite(s.monoLossLu()) && s.monoLossLu() > 3.5 && !s.falseStereo()) {
                problems.add(String.format(Locale.ROOT, "The mix is %.1f LU quieter when folded to mono.", s.monoLossLu()));
            }
            if (s.lowFrequencyWidthRatio() > 0.5) {
                problems.add(String.format(Locale.ROOT,
                        "The low end is wide (side/mid energy %.2f below 120 Hz): bass may thin out in mono and on vinyl.",
                        s.lowFrequencyWidthRatio()));
            }
        });
        qcResult.ifPresent(q -> {
            problems.addAll(q.problems());
            q.paddedBitsProblem(declaredPcmBits).ifPresent(problems::add);
        });

        return new ProgrammeAnalysis(file, sampleRateHz, channelCount, durationS, sections,
                sections.contains(ReportSection.LOUDNESS) || sections.contains(ReportSection.DYNAMICS)
                        ? Optional.ofNullable(loudnessResult) : Optional.empty(),
                spectrum, dynamicsResult, stereoResult, qcResult, notes, problems, Optional.empty());
    }
}
