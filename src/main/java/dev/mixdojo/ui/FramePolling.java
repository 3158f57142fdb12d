package dev.mixdojo.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;

/** Polls something each frame only while a view is shown (a view adds its listeners when shown, removes them when hidden). */
public final class FramePolling {
    private FramePolling() {
    }

    /** Runs {@code everyFrame} on each frame while {@code view} is in a scene, and {@code whenHidden} when it leaves. */
    public static void whileShown(Node view, Runnable everyFrame, Runnable whenHidden) {
        AnimationTimer poll = new AnimationTimer() {
            @Override
            public void handle(long now) {
                everyFrame.run();
            }
        };
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                poll.stop();
                whenHidden.run();
            } else {
                poll.start();
            }
        });
    }
}
