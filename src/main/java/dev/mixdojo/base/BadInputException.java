package dev.mixdojo.base;

import java.nio.file.Path;

/**
 * Input the user gave us (a file, a chain, a lesson, an option) that cannot be used; the message
 * is one complete sentence for the user, naming the file or value and the problem.
 */
public class BadInputException extends RuntimeException {

    /** A problem with a value that is not a file, e.g. {@code "compressor ratio must be at least 1, got 0.5"}. */
    public BadInputException(String sentence) {
        super(sentence);
    }

    /** A problem with a value that is not a file, keeping the low-level cause for {@code --debug}. */
    public BadInputException(String sentence, Throwable cause) {
        super(sentence, cause);
    }

    /** A problem with a file: the message reads {@code "<file>: <problem>"}. */
    public BadInputException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /** A problem with a file, keeping the low-level cause for {@code --debug}. */
    public BadInputException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
