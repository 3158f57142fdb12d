package dev.mixdojo.ui;

import javafx.scene.Scene;

/** The stylesheets: a base sheet plus one colour sheet per theme (looked-up colours). */
public enum Theme {
    /** Dark text on light surfaces. */
    LIGHT("light.css"),
    /** Light text on dark surfaces, for dim studios. */
    DARK("dark.css");

    private final String colourSheet;

    Theme(String colourSheet) {
        this.colourSheet = colourSheet;
    }

    /** Replaces the scene's stylesheets with the base sheet and this theme's colours. */
    public static void apply(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(
                Theme.class.getResource("base.css").toExternalForm(),
                Theme.class.getResource(theme.colourSheet).toExternalForm());
    }

    /** Switches the large scale for projectors on or off (style class {@code large} on the scene's root). */
    public static void applyScale(Scene scene, boolean large) {
        scene.getRoot().getStyleClass().removeAll("large");
        if (large) {
            scene.getRoot().getStyleClass().add("large");
        }
    }
}
