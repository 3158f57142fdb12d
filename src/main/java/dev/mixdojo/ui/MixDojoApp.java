package dev.mixdojo.ui;

import dev.mixdojo.ui.shell.ShellView;
import dev.mixdojo.ui.shell.ShellViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop app: one window titled "MixDojo" holding the shell and its screens. */
public class MixDojoApp extends Application {
    /** Window title. */
    public static final String TITLE = "MixDojo";

    private AppServices services;

    @Override
    public void init() {
        // Opening the audio device can take a moment; init runs before the window, off the FX thread.
        services = AppServices.start();
        // The lessons and the log are read on a worker while the window is built, so Home has them soon.
        Platform.runLater(services.progress()::load);
    }

    @Override
    public void start(Stage stage) {
        if (services == null) {
            init();
        }
        stage.setTitle(TITLE);
        stage.setScene(scene(services, 1100, 720));
        stage.show();
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

    public static void main(String[] args) {
        launch(MixDojoApp.class, args);
    }
}
