package dev.mixdojo.ui;

import java.util.ArrayList;
import java.util.List;

/** The keyboard shortcuts of the app, as Settings lists them; each screen adds its own keys to {@link #SCREEN_KEYS}. */
public final class Shortcuts {
    /** One shortcut: the keys and what they do. */
    public record Shortcut(String keys, String action) {
    }

    /** Keys that work on every screen. */
    static final List<Shortcut> EVERYWHERE = List.of(
            new Shortcut("Tab, Shift+Tab", "Move to the next or previous control"),
            new Shortcut("Enter, Space", "Press the focused button; open the focused lesson card"));

    /** Keys of single screens. */
    static final List<Shortcut> SCREEN_KEYS = List.of(
            new Shortcut("Enter (Analyze)", "Analyse the chosen file"),
            new Shortcut("Escape (Analyze)", "Cancel the running analysis"));

    private Shortcuts() {
    }

    /** Every shortcut for these navigation entries: Ctrl+digit per screen, then the general and per-screen keys. */
    public static List<Shortcut> of(List<Screen> screens) {
        List<Shortcut> all = new ArrayList<>();
        for (int i = 0; i < Math.min(9, screens.size()); i++) {
            all.add(new Shortcut("Ctrl+" + (i + 1), "Open " + screens.get(i).title()));
        }
        all.addAll(EVERYWHERE);
        all.addAll(SCREEN_KEYS);
        return all;
    }
}
