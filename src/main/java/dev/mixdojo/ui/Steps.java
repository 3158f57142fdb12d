package dev.mixdojo.ui;

/**
 * Hears how far long work has come (0…1) and what it is doing, so a screen can show a determinate
 * progress bar and a line of text. Called on the worker doing the work.
 */
@FunctionalInterface
public interface Steps {
    /** No one listens. */
    Steps NONE = (fraction, what) -> { };

    /** The work has reached {@code fraction} (0…1) and is now doing {@code what} (empty when done). */
    void reached(double fraction, String what);
}
