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

    @Override
    public void start(Stage stage) {
        ShellViewModel shell = new ShellViewModel(Screens.available());
        Scene scene = new Scene(new ShellView(shell), 1100, 720);
        Theme.apply(scene, Theme.LIGHT);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.show();
    }

    public static void main(String[] args) {
        launch(MixDojoApp.class, args);
    }
}
