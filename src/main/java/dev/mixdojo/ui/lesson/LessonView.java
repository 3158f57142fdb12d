package dev.mixdojo.ui.lesson;

import dev.mixdojo.lesson.Demo;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.ui.WhileShown;
import dev.mixdojo.ui.Work;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Lessons screen: the curriculum on the left; on the right the lesson being read — its idea
 * in short paragraphs, why it matters, its demonstrations (play, switch versions, sweep) and its
 * drills, each with a button that starts it on the Practice screen.
 */
public final class LessonView extends BorderPane {
    /** Widest a paragraph runs, in pixels: about 75 characters, a comfortable line to read. */
    static final double READING_WIDTH = 680;

    private final LessonViewModel model;
    private final VBox content = new VBox(14);

    public LessonView(LessonViewModel model) {
        this.model = model;
        getStyleClass().addAll("screen", "lessons");
        getStylesheets().add(LessonView.class.getResource("lesson.css").toExternalForm());

        ListView<Lesson> list = new ListView<>(model.lessons());
        list.setId("lesson-list");
        list.setAccessibleText("Lessons in curriculum order");
        list.setPrefWidth(260);
        list.setMinWidth(200);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Lesson lesson, boolean empty) {
                super.updateItem(lesson, empty);
                getStyleClass().removeAll("locked", "mastered");
                if (empty || lesson == null) {
                    setText(null);
                    setAccessibleText(null);
                    return;
                }
                var progress = model.progressOf(lesson);
                boolean isLocked = progress.map(p -> !p.unlocked()).orElse(false);
                boolean mastered = progress.map(p -> p.finished()).orElse(false);
                String mark = isLocked ? "  (locked)" : mastered ? "  ✓" : "";
                setText(lesson.title() + mark);
                if (isLocked || mastered) {
                    getStyleClass().add(isLocked ? "locked" : "mastered");
                }
                // A cell as wide as the list, so long titles wrap instead of scrolling sideways.
                setWrapText(true);
                setPrefWidth(0);
                setAccessibleText("Lesson: " + lesson.title() + (isLocked ? ", locked" : mastered ? ", mastered" : ""));
            }
        });
        // Locks and marks follow the store: redraw the cells when it changes.
        model.recordsProperty().addListener((obs, old, now) -> list.refresh());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, lesson) -> model.select(lesson));
        model.selectedProperty().addListener((obs, old, lesson) -> {
            list.getSelectionModel().select(lesson);
            show(lesson);
        });
        BorderPane.setMargin(list, new Insets(0, 20, 0, 0));
        setLeft(list);

        Label message = new Label();
        message.setId("lesson-message");
        message.setWrapText(true);
        message.getStyleClass().add("notice");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(28, 28);
        loading.visibleProperty().bind(model.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        content.getStyleClass().add("lesson-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("lesson-scroll");
        scroll.setFitToWidth(true);
        VBox right = new VBox(8, message, loading, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        right.getStyleClass().add("lesson-pane");
        setCenter(right);

        AnimationTimer poll = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.refreshDemo();
            }
        };
        Timeline sweep = new Timeline(new KeyFrame(Duration.seconds(LessonViewModel.SWEEP_STEP_S), e -> model.advanceSweep()));
        sweep.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                poll.stop();
                sweep.stop();
                model.stopDemo();
            } else {
                poll.start();
                sweep.play();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && model.demoRenderingProperty().get()) {
                model.cancelDemo();
                e.consume();
            }
        });
        Work.markBusy(this, model.demoRenderingProperty());
        WhileShown.follow(this, model.store().recordsProperty(), records -> model.refresh());
        WhileShown.follow(this, model.store().problemProperty(), problem -> model.refresh());
        model.demoProperty().addListener((obs, old, now) -> markVersions());
        model.demoVersionProperty().addListener((obs, old, now) -> markVersions());
        show(model.selectedProperty().get());
    }

    private void show(Lesson lesson) {
        content.getChildren().clear();
        if (lesson == null) {
            return;
        }
        Label title = new Label(lesson.title());
        title.setId("lesson-title");
        title.getStyleClass().add("title");
        title.setWrapText(true);
        content.getChildren().add(title);
        Label standing = paragraph("", "lesson-standing");
        standing.setId("lesson-standing");
        standing.textProperty().bind(model.standingProperty());
        standing.visibleProperty().bind(model.standingProperty().isNotEmpty());
        standing.managedProperty().bind(standing.visibleProperty());
        content.getChildren().add(standing);
        for (String paragraph : LessonViewModel.paragraphs(lesson.teach())) {
            content.getChildren().add(paragraph(paragraph, "lesson-paragraph"));
        }
        if (!lesson.why().isBlank()) {
            Label whyHeading = heading("Why it matters");
            VBox why = new VBox(6, whyHeading);
            why.getStyleClass().add("lesson-why");
            LessonViewModel.paragraphs(lesson.why()).forEach(p -> why.getChildren().add(paragraph(p, "lesson-paragraph")));
            why.setMaxWidth(READING_WIDTH);
            content.getChildren().add(why);
        }
        if (!lesson.demos().isEmpty()) {
            content.getChildren().add(heading("Listen"));
            lesson.demos().forEach(demo -> content.getChildren().add(demoBox(demo)));
        }
        if (!lesson.drills().isEmpty()) {
            content.getChildren().add(heading("Practise"));
            for (int i = 0; i < lesson.drills().size(); i++) {
                content.getChildren().add(drillRow(lesson.drills().get(i), i + 1));
            }
            if (model.fitsOwnMusic()) {
                content.getChildren().add(ownMusicRow());
            }
        }
        if (!lesson.challenges().isEmpty()) {
            content.getChildren().add(heading("Mix"));
            for (MixChallenge challenge : lesson.challenges()) {
                content.getChildren().add(challengeRow(challenge));
            }
        }
    }

    private VBox challengeRow(MixChallenge challenge) {
        Label title = new Label(challenge.title());
        title.setWrapText(true);
        title.getStyleClass().add("drill-title");
        Button open = new Button("Open in the Mixer");
        open.setId("lesson-open-mixer");
        open.getStyleClass().add("drill-start");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setAccessibleText("Open the mix challenge in the Mixer: " + challenge.title());
        open.disableProperty().bind(model.lockedProperty());
        open.setOnAction(e -> model.openChallenge());
        HBox row = new HBox(12, title, open);
        HBox.setHgrow(title, Priority.ALWAYS);
        row.getStyleClass().addAll("row", "lesson-drill");
        VBox box = new VBox(6, row, paragraph(challenge.brief().strip(), "lesson-paragraph"));
        box.setMaxWidth(READING_WIDTH);
        return box;
    }

    private VBox demoBox(Demo demo) {
        Label title = new Label(demo.title());
        title.getStyleClass().add("demo-title");
        title.setWrapText(true);
        Button play = new Button();
        play.getStyleClass().add("demo-play");
        play.setAccessibleText("Play or stop the demonstration: " + demo.title());
        play.textProperty().bind(Bindings.createStringBinding(
                () -> model.demoPlayingProperty().get() && demo.equals(model.demoProperty().get()) ? "■ Stop" : "▶ Play",
                model.demoPlayingProperty(), model.demoProperty()));
        play.setOnAction(e -> model.toggle(demo));
        Button sweep = new Button("Sweep");
        sweep.getStyleClass().add("demo-sweep");
        sweep.setAccessibleText("Step through the versions by itself, " + LessonViewModel.SWEEP_STEP_S + " seconds each");
        sweep.setOnAction(e -> model.sweep(demo));
        // The first time, the demo's song renders: say how far, and let the learner stop waiting (Escape).
        ProgressBar rendering = new ProgressBar();
        rendering.getStyleClass().add("demo-progress");
        rendering.setAccessibleText("Rendering the demonstration");
        rendering.progressProperty().bind(model.demoProgressProperty());
        Button cancel = new Button("Cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> model.cancelDemo());
        HBox waiting = new HBox(6, rendering, cancel);
        waiting.visibleProperty().bind(model.demoRenderingProperty().and(model.demoProperty().isEqualTo(demo)));
        waiting.managedProperty().bind(waiting.visibleProperty());
        HBox transport = new HBox(8, play, sweep, waiting);
        transport.getStyleClass().add("row");
        FlowPane versions = new FlowPane(6, 6);
        versions.getStyleClass().add("demo-versions");
        for (Demo.Version version : demo.versions()) {
            ToggleButton button = new ToggleButton(version.label());
            button.setAccessibleText("Listen to: " + version.label());
            button.setUserData(new DemoVersion(demo, version.label()));
            // A click toggles the button itself; which one is marked is the player's to say.
            button.setOnAction(e -> {
                model.play(demo, version.label());
                markVersions();
            });
            versions.getChildren().add(button);
        }
        Label material = new Label("On " + demo.material() + "; the versions are equally loud.");
        material.getStyleClass().add("hint");
        material.setWrapText(true);
        VBox box = new VBox(6, title, transport, versions, material);
        box.getStyleClass().add("demo");
        box.setMaxWidth(READING_WIDTH);
        return box;
    }

    /** What a demo's version button plays. */
    private record DemoVersion(Demo demo, String label) {
    }

    /** Marks the version button of the version being heard, and only that one. */
    private void markVersions() {
        for (var node : content.lookupAll(".demo-versions .toggle-button")) {
            if (node instanceof ToggleButton button && button.getUserData() instanceof DemoVersion v) {
                button.setSelected(v.demo().equals(model.demoProperty().get())
                        && v.label().equals(model.demoVersionProperty().get()));
            }
        }
    }

    private HBox drillRow(DrillSpec drill, int number) {
        Label title = new Label(number + ". " + drill.title());
        title.setWrapText(true);
        title.getStyleClass().add("drill-title");
        Label size = new Label(drill.questions() + " questions on " + drill.material());
        size.getStyleClass().add("hint");
        size.setWrapText(true); // wraps beside the button rather than losing its end when a scroll bar takes room
        VBox text = new VBox(2, title, size);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button start = new Button("Start drill");
        start.setId("lesson-start-" + drill.id());
        start.getStyleClass().add("drill-start");
        start.setAccessibleText("Start the drill: " + drill.title());
        start.setMinWidth(Region.USE_PREF_SIZE); // the title wraps; the button keeps its words
        start.disableProperty().bind(model.lockedProperty());
        start.setOnAction(e -> model.startDrill(drill));
        HBox row = new HBox(12, text, start);
        row.getStyleClass().addAll("row", "lesson-drill");
        row.setMaxWidth(READING_WIDTH);
        return row;
    }

    private HBox ownMusicRow() {
        Label text = new Label("These drills can also play on a song of yours: import it on the Practice screen.");
        text.setWrapText(true);
        text.getStyleClass().add("hint");
        HBox.setHgrow(text, Priority.ALWAYS);
        Button use = new Button("Use my own music…");
        use.setId("lesson-own-music");
        use.setAccessibleText("Import a song of your own and practise this lesson's drills on it");
        use.setMinWidth(Region.USE_PREF_SIZE);
        use.disableProperty().bind(model.lockedProperty());
        use.setOnAction(e -> model.useOwnMusic());
        HBox row = new HBox(12, text, use);
        row.getStyleClass().addAll("row", "lesson-drill");
        row.setMaxWidth(READING_WIDTH);
        return row;
    }

    private static Label paragraph(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(READING_WIDTH);
        label.getStyleClass().addAll("body", styleClass);
        return label;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("heading");
        return label;
    }
}
