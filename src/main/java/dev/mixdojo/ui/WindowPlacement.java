package dev.mixdojo.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.base.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the app's window was and how big, kept in {@code window.json} in the data folder so the
 * next start opens it there. A file that cannot be read, or a place on a screen that is no longer
 * attached, gives the default size, centred. Immutable; read and written on the JavaFX thread.
 *
 * @param xPx       left edge on the desktop, in pixels
 * @param yPx       top edge
 * @param widthPx   width, at least {@link #MIN_WIDTH_PX}
 * @param heightPx  height, at least {@link #MIN_HEIGHT_PX}
 * @param maximized whether the window filled the screen
 */
public record WindowPlacement(double xPx, double yPx, double widthPx, double heightPx, Maximized maximized) {
    /** The window's file in the data folder. */
    public static final String FILE_NAME = "window.json";
    static final double DEFAULT_WIDTH_PX = 1100;
    static final double DEFAULT_HEIGHT_PX = 720;
    static final double MIN_WIDTH_PX = 480;
    static final double MIN_HEIGHT_PX = 360;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the window filled its screen. */
    public enum Maximized {
        /** A window of its own size. */
        NO,
        /** The window filled its screen. */
        YES
    }

    /** Checks the size. */
    public WindowPlacement {
        if (!(widthPx >= MIN_WIDTH_PX && heightPx >= MIN_HEIGHT_PX) || !Double.isFinite(xPx) || !Double.isFinite(yPx)
                || !Double.isFinite(widthPx) || !Double.isFinite(heightPx)) {
            throw new IllegalArgumentException("impossible window: " + widthPx + " × " + heightPx + " at " + xPx + ", " + yPx);
        }
    }

    /** The placement saved in {@code dataFolder}, if there is a readable one. */
    public static Optional<WindowPlacement> read(Path dataFolder) {
        Path file = dataFolder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            return Optional.of(new WindowPlacement(json.path("x").asDouble(Double.NaN), json.path("y").asDouble(Double.NaN),
                    json.path("width").asDouble(0), json.path("height").asDouble(0),
                    json.path("maximized").asBoolean(false) ? Maximized.YES : Maximized.NO));
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty(); // the window opens at its default place; the next close writes a good file
        }
    }

    /** Writes this placement to {@code dataFolder} (atomically). */
    public void write(Path dataFolder) {
        String text = String.format(java.util.Locale.ROOT,
                "{\"x\": %.0f, \"y\": %.0f, \"width\": %.0f, \"height\": %.0f, \"maximized\": %s}%n",
                xPx, yPx, widthPx, heightPx, maximized == Maximized.YES);
        AtomicFiles.writeString(dataFolder.resolve(FILE_NAME), text);
    }

    /** Where {@code stage} is now (its size before it was maximized is not known, so a maximized window keeps the last size saved). */
    public static WindowPlacement of(Stage stage, Optional<WindowPlacement> before) {
        if (stage.isMaximized() && before.isPresent()) {
            WindowPlacement b = before.get();
            return new WindowPlacement(b.xPx, b.yPx, b.widthPx, b.heightPx, Maximized.YES);
        }
        return new WindowPlacement(stage.getX(), stage.getY(), Math.max(MIN_WIDTH_PX, stage.getWidth()),
                Math.max(MIN_HEIGHT_PX, stage.getHeight()), stage.isMaximized() ? Maximized.YES : Maximized.NO);
    }

    /** Puts {@code stage} here, when this place lies on a screen that is attached now. */
    public void applyTo(Stage stage) {
        if (Screen.getScreensForRectangle(new Rectangle2D(xPx, yPx, widthPx, heightPx)).isEmpty()) {
            return;
        }
        stage.setX(xPx);
        stage.setY(yPx);
        stage.setWidth(widthPx);
        stage.setHeight(heightPx);
        stage.setMaximized(maximized == Maximized.YES);
    }
}
