package dev.mixdojo.ui;

import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * One entry of the navigation: its title, the key that opens it (Ctrl + digit) and a factory
 * for its view, built when first shown.
 */
public record Screen(String id, String title, Supplier<Node> view) {
}
