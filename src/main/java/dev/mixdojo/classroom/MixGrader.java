package dev.mixdojo.classroom;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.DaemonThreads;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.grading.MixScorer;
import dev.mixdojo.grading.StemAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Scores a class's homework mixes against an assignment's mix challenge. The stems and the target
 * are read and the target estimated once; the mixes are then scored on a fixed pool of threads,
 * each thread decoding one mix at a time, so memory stays at the stems plus one mix per thread.
 * A mix that cannot be scored becomes a row with its sentence; the batch always finishes.
 *
 * <p>The submissions folder holds one mix per student, named after the student
 * ({@code Ana Souza.wav}), or one folder per student holding the mix ({@code Ana Souza/final.wav});
 * every audio file in a student's folder is scored. Other files are ignored.
 */
public final class MixGrader {
    private final List<StemAudio> stems;
    private final MixScorer.Target target;

    private MixGrader(List<StemAudio> stems, MixScorer.Target target) {
        this.stems = stems;
        this.target = target;
    }

    /** Reads the stems and target of {@code pack}'s mix challenge (checking every byte) and estimates the target. */
    public static MixGrader forPack(OpenedPack pack) {
        AssignmentMixChallenge challenge = pack.assignment().mixChallenge().orElseThrow(() -> new BadInputException(
                pack.file(), "has no mix challenge to grade mixes against."));
        return pack.withMaterial(challenge.allEntries(pack.entryNames()), work -> {
            Warnings warnings = new Warnings();
            List<StemAudio> stems = new ArrayList<>();
            for (String entry : challenge.stemEntries(pack.entryNames())) {
                String name = entry.substring(entry.lastIndexOf('/') + 1);
                stems.add(new StemAudio(name.substring(0, name.lastIndexOf('.')),
                        AudioFiles.read(OpenedPack.unpackedAt(work, entry), warnings)));
            }
            AudioBuffer reference = AudioFiles.read(OpenedPack.unpackedAt(work, challenge.targetEntry()), warnings);
            return new MixGrader(List.copyOf(stems), MixScorer.target(stems, reference));
        });
    }

    /**
     * Scores every submission in {@code folder} on {@code threads} threads; {@code progress} hears each
     * grade as it finishes (from the worker threads, one at a time). Rows come back sorted by student, then file.
     */
    public List<MixGrade> gradeFolder(Path folder, int threads, Consumer<MixGrade> progress) {
        List<Submission> submissions = submissions(folder);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), DaemonThreads.named("grade-mixes"));
        try {
            List<Future<MixGrade>> futures = new ArrayList<>();
            for (Submission submission : submissions) {
                futures.add(pool.submit(() -> {
                    MixGrade grade = grade(submission);
                    synchronized (progress) {
                        progress.accept(grade);
                    }
                    return grade;
                }));
            }
            List<MixGrade> grades = new ArrayList<>();
            for (Future<MixGrade> future : futures) {
                grades.add(future.get());
            }
            return grades;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("grading failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Scores one submission; every failure becomes the row's sentence. */
    MixGrade grade(Submission submission) {
        if (submission.mix().isEmpty()) {
            return problem(submission, submission.relativeName() + " holds no audio file (WAV, AIFF, FLAC, MP3, Ogg or AAC) to score.");
        }
        Path file = submission.mix().get();
        try {
            AudioBuffer mix = AudioFiles.read(file, new Warnings());
            if (isSilent(mix)) {
                return problem(submission, submission.relativeName() + " is silent.");
            }
            return new MixGrade(submission.student(), submission.relativeName(),
                    Optional.of(MixScorer.score(stems, mix, target)), Optional.empty());
        } catch (BadInputException e) {
            return problem(submission, e.getMessage());
        } catch (RuntimeException e) {
            return problem(submission, submission.relativeName() + " could not be scored (" + e + ").");
        }
    }

    private static MixGrade problem(Submission submission, String sentence) {
        return new MixGrade(submission.student(), submission.relativeName(), Optional.empty(), Optional.of(sentence));
    }

    /** Whether every sample is zero. */
    static boolean isSilent(AudioBuffer audio) {
        for (float[] channel : audio.channels()) {
            for (float sample : channel) {
                if (sample != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * One thing to grade: a student and their mix file, or a student's folder without a mix.
     *
     * @param student      the student's name
     * @param relativeName the file or folder, relative to the submissions folder, '/'-separated
     * @param mix          the mix file, when there is one
     */
    record Submission(String student, String relativeName, Optional<Path> mix) {
    }

    /** The submissions in {@code folder}: audio files at the top, and every audio file (or the lack of one) in each sub-folder. */
    static List<Submission> submissions(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, "is not a folder of handed-in mixes.");
        }
        List<Submission> out = new ArrayList<>();
        for (Path entry : visible(folder)) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                List<Path> mixes = visible(entry).stream().filter(Files::isRegularFile)
                        .filter(p -> AssignmentMixChallenge.isAudio(p.getFileName().toString())).toList();
                if (mixes.isEmpty()) {
                    out.add(new Submission(name, name + "/", Optional.empty()));
                }
                for (Path mix : mixes) {
                    out.add(new Submission(name, name + "/" + mix.getFileName(), Optional.of(mix)));
                }
            } else if (Files.isRegularFile(entry) && AssignmentMixChallenge.isAudio(name)) {
                out.add(new Submission(name.substring(0, name.lastIndexOf('.')), name, Optional.of(entry)));
            }
        }
        out.sort(Comparator.comparing(Submission::student, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Submission::relativeName));
        return out;
    }

    private static List<Path> visible(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(folder, "cannot be listed (" + e.getMessage() + ").", e);
        }
    }
}
