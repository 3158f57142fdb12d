package dev.mixdojo.ui;

import dev.mixdojo.ui.shell.ShellView;
import dev.mixdojo.ui.shell.ShellViewModel;
import javafx.application.Application;
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
    }

    @Override
    public void start(Stage stage) {
        if (services == null) {
            init();
        }
        Scene scene = new Scene(shell(services), 1100, 720);
        Theme.apply(scene, Theme.LIGHT);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.show();
    }

    /** The window's content for these services: every screen in the shell, able to open one another. */
    public static ShellView shell(AppServices services) {
        Navigation navigation = new Navigation();
        ShellViewModel shell = new ShellViewModel(Screens.available(services, navigation));
        navigation.attach(shell::show);
        return new ShellView(shell, services.audio());
    }

    @Override
    public void stop() {
        services.close();
    }

    public static void main(String[] args) {
        launch(MixDojoApp.class, args);
    }
}
