package dev.mixdojo.ui;

import dev.mixdojo.ui.shell.ShellView;
import dev.mixdojo.ui.shell.ShellViewModel;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The desktop app: one window titled "MixDojo", with its icon, holding the shell and its screens;
 * it opens where and as large as it was last closed ({@link WindowPlacement}).
 */
public class MixDojoApp extends Application {
    /** Window title. */
    public static final String TITLE = "MixDojo";

    private AppServices services;

    @Override
    public void init() {
        // Opening the audio device can take a moment; init runs before the window, off the FX thread.
        services = AppServices.takeStartedOrStart();
        // The lessons and the log are read on a worker while the window is built, so Home has them soon.
        Platform.runLater(services.progress()::load);
    }

    @Override
    public void start(Stage stage) {
        if (services == null) {
            init();
        }
        stage.setTitle(TITLE);
        stage.getIcons().add(new Image(MixDojoApp.class.getResource("mixdojo.png").toExternalForm()));
        stage.setScene(scene(services, WindowPlacement.DEFAULT_WIDTH_PX, WindowPlacement.DEFAULT_HEIGHT_PX));
        Path data = services.directories().data();
        Optional<WindowPlacement> saved = WindowPlacement.read(data);
        saved.ifPresent(placement -> placement.applyTo(stage));
        stage.setOnHidden(event -> {
            try {
                WindowPlacement.of(stage, saved).write(data);
            } catch (UncheckedIOException unwritable) {
                // The window opens at its default place next time; nothing the learner made is lost.
            }
        });
        stage.show();
        // (An app made by hand, as tests make it, has no parameters.)
        if (getParameters() != null && getParameters().getRaw().contains(Launcher.TIME_START)) {
            new StartTimer(stage, System.out).start();
        }
    }

    /**
     * The window's content: the shell with every screen, navigation attached, in the theme and scale
     * of the learner's settings, following them when they change. JavaFX thread.
     */
    public static Scene scene(AppServices services, double widthPx, double heightPx) {
        ShellViewModel shell = new ShellViewModel(Screens.available(services));
        services.navigation().attach(id -> shell.screens().stream().anyMatch(s -> s.id().equals(id)), shell::show);
        Scene scene = new Scene(new ShellView(shell, services.audio(), services.settings().noticeProperty()),
                widthPx, heightPx);
        Theme.apply(scene, services.settings().themeProperty().get());
        services.settings().themeProperty().addListener((obs, old, chosen) -> Theme.apply(scene, chosen));
        services.settings().largeScaleProperty().addListener((obs, was, large) -> Theme.applyScale(scene, large));
        Theme.applyScale(scene, services.settings().largeScaleProperty().get());
        return scene;
    }

    @Override
    public void stop() {
        services.close();
    }
}
