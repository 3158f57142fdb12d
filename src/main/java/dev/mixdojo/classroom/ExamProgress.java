package dev.mixdojo.classroom;

import dev.mixdojo.base.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A student's answers so far while taking an assignment, kept so that nothing answered is lost if
 * MixDojo stops: after every answer the results so far (signed, in the results format) are
 * written atomically to one progress file per pack and student, and taking the same pack again
 * under the same name resumes after the last answer. The final results go to the results folder
 * and the progress file is then deleted.
 */
public final class ExamProgress {
    private final ResultsWriter writer;
    private final Path file;

    /** The progress of {@code student} on {@code pack}, kept in {@code folder}. */
    public ExamProgress(OpenedPack pack, String student, Path folder) {
        this.writer = new ResultsWriter(pack);
        this.file = folder.resolve(pack.assignment().id() + "-" + pack.sha256().substring(0, 16) + "-"
                + ResultsWriter.slug(student) + ".progress.json");
    }

    /** Where the progress is kept. */
    public Path file() {
        return file;
    }

    /**
     * The results saved earlier for this pack and student, if any and intact (a damaged or
     * foreign progress file is ignored, and the student starts again).
     */
    public Optional<Results> resume(String student) {
        return writer.readOwn(file).filter(saved -> saved.student().equals(student.strip()));
    }

    /** Signs the answers so far and writes them to the progress file atomically; returns them. */
    public Results save(String student, Instant startedAt, Instant now, List<AnsweredQuestion> answers) {
        Results results = writer.sign(student, startedAt, now, answers);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new BadInputException(file.getParent(), "cannot be created to keep your answers ("
                    + e.getMessage() + ").", e);
        }
        ResultsWriter.write(file, results);
        return results;
    }

    /**
     * Signs the final results, writes them into {@code resultsFolder} (named by
     * {@link ResultsWriter#fileName}) and deletes the progress file; returns the results.
     */
    public Results finish(String student, Instant startedAt, Instant finishedAt, List<AnsweredQuestion> answers,
            Path resultsFolder) {
        Results results = writer.sign(student, startedAt, finishedAt, answers);
        try {
            Files.createDirectories(resultsFolder);
            ResultsWriter.writeInto(resultsFolder, results);
            Files.deleteIfExists(file);
            return results;
        } catch (IOException e) {
            throw new BadInputException(resultsFolder, "cannot hold your results (" + e.getMessage()
                    + "); your answers are kept in " + file + ".", e);
        }
    }
}
