package dev.mixdojo.ui;

import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * One entry of the navigation: its title, the keys that open it as Settings lists them (e.g.
 * {@code Ctrl+1}; empty for none) and a factory for its view, built when first shown.
 */
public record Screen(String id, String title, String keys, Supplier<Node> view) {
    /** A screen no key opens. */
    public Screen(String id, String title, Supplier<Node> view) {
        this(id, title, "", view);
    }
}
