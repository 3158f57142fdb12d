package dev.mixdojo.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The keyboard shortcuts of the app, as Settings lists them: the keys of each screen, then the keys
 * that work everywhere, then each screen's own keys (one list, so Settings never misses one that a
 * screen handles).
 */
public final class Shortcuts {
    /** One shortcut: the keys and what they do. */
    public record Shortcut(String keys, String action) {
    }

    /** Closes the window and quits. */
    public static final Shortcut QUIT = new Shortcut("Ctrl+Q", "Quit MixDojo");

    /** Keys that work on every screen. */
    static final List<Shortcut> EVERYWHERE = List.of(
            QUIT,
            new Shortcut("Tab, Shift+Tab", "Move to the next or previous control"),
            new Shortcut("Enter, Space", "Press the focused button; open the focused lesson card"),
            new Shortcut("Arrows", "Move the focused slider, list or navigation button"));

    /** Keys of single screens, as each screen handles them. */
    static final List<Shortcut> SCREEN_KEYS = List.of(
            new Shortcut("Space (Practice, Assignment, Projector)", "Play or stop"),
            new Shortcut("A, B, Tab (Practice, Assignment, Projector)", "Hear version A or B; switch between them"),
            new Shortcut("1–9 (Practice, Assignment, Projector)", "Choose that answer"),
            new Shortcut("Arrows (Practice, Assignment)", "Adjust the answer: a value, a setting (↑ ↓ pick it) or a curve point (← → pick it); Shift for bigger steps"),
            new Shortcut("Enter (Practice, Assignment)", "Answer; after the answer, the next question"),
            new Shortcut("H (Practice)", "Hear your answer against the truth"),
            new Shortcut("N (Practice, Assignment)", "Next question"),
            new Shortcut("[ and ] (Practice, Assignment, Projector)", "Loop from here to there"),
            new Shortcut("L (Practice, Assignment, Projector)", "Stop looping: play the whole length"),
            new Shortcut("Escape (Practice, Assignment, Projector)", "Stop playing"),
            new Shortcut("R (Projector)", "Reveal the answer to the room"),
            new Shortcut("N, Page Down (Projector)", "Next question"),
            new Shortcut("Space (Mixer)", "Play or stop the mix"),
            new Shortcut("A, [ and ], arrows, Delete (Mixer, EQ curve focused)", "Add a band, pick a band, move it, remove it"),
            new Shortcut("Enter (Analyze)", "Analyse the chosen file"),
            new Shortcut("Escape (Analyze)", "Cancel the running analysis"),
            new Shortcut("Escape (Lessons, Practice, Mixer)", "Cancel the work shown with a progress bar"));

    private Shortcuts() {
    }

    /** Every shortcut for these navigation entries: the keys of each screen, then the general and per-screen keys. */
    public static List<Shortcut> of(List<Screen> screens) {
        List<Shortcut> all = new ArrayList<>();
        for (Screen screen : screens) {
            if (!screen.keys().isEmpty()) {
                all.add(new Shortcut(screen.keys(), "Open " + screen.title()));
            }
        }
        all.addAll(EVERYWHERE);
        all.addAll(SCREEN_KEYS);
        return all;
    }
}
