package dev.mixdojo.ui.drill;

import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Quantity;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.ui.meter.LiveMetersModel;
import dev.mixdojo.ui.meter.LiveMetersView;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One drill question, reusable wherever questions are asked (practice, exams, a projector): the
 * prompt, transport with a loop on the waveform, instant A/B, the answer widget for the
 * question's form, then the grade and Next; live meters beside it when the mode shows them.
 *
 * <p>Keys: Space plays and stops, A and B (or Tab) switch versions, digits 1–9 choose, the arrows
 * adjust a value, a setting or a curve point (Shift: more), Enter answers, H plays the learner's
 * answer against the truth, N goes on, [ and ] set a loop, L clears it, Escape stops. The host drives it through its {@link DrillPaneModel}.
 */
public final class DrillPane extends VBox {
    /** Space at each end of a value axis, in pixels, so its end labels stay inside. */
    private static final double PICKER_PADDING = 24;

    private final DrillPaneModel model;
    private final StackPane answerArea = new StackPane();
    /** Under the waveform, the same width: where answers on the time axis go (a time, a drawn curve). */
    private final StackPane timelineArea = new StackPane();
    private final ToggleGroup versionGroup = new ToggleGroup();
    private final HBox versionButtons = new HBox(6);
    private final Button play = new Button();
    /** The choice buttons of the question shown, or null when it is not a choice. */
    private FlowPane choiceButtons;

    /** A pane showing {@code model}'s questions; {@code background} runs the meters' analysis. */
    public DrillPane(DrillPaneModel model, Executor background) {
        this.model = model;
        getStyleClass().add("drill-pane");
        getStylesheets().add(DrillPane.class.getResource("drill.css").toExternalForm());
        setSpacing(12);

        Label prompt = new Label();
        prompt.setId("drill-prompt");
        prompt.getStyleClass().add("drill-prompt");
        prompt.setWrapText(true);
        prompt.textProperty().bind(Bindings.createStringBinding(
                () -> model.questionProperty().get() == null ? "Preparing the question…" : model.questionProperty().get().prompt(),
                model.questionProperty()));

        play.setId("drill-play");
        play.setAccessibleText("Play or stop (Space)");
        play.textProperty().bind(Bindings.when(model.playingProperty()).then("■ Stop").otherwise("▶ Play"));
        play.disableProperty().bind(model.questionProperty().isNull());
        play.setOnAction(e -> model.togglePlay());
        versionButtons.getStyleClass().add("versions");
        Label time = new Label();
        time.setId("drill-time");
        time.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.1f / %.1f s", model.positionSProperty().get(), model.durationSProperty().get()),
                model.positionSProperty(), model.durationSProperty()));
        Button clearLoop = new Button("Whole length");
        clearLoop.setId("drill-clear-loop");
        clearLoop.setAccessibleText("Stop looping and play the whole length (L)");
        clearLoop.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.loopProperty().get().isPresent(),
                model.loopProperty()));
        clearLoop.setOnAction(e -> model.clearLoop());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox transport = new HBox(10, play, versionButtons, spring, clearLoop, time);
        transport.getStyleClass().add("row");

        WaveformView waveform = new WaveformView(model);
        timelineArea.getStyleClass().add("timeline-area");
        VBox waveColumn = new VBox(6, waveform, timelineArea);
        Node top;
        LiveMetersModel meters = null;
        if (model.mode().showMeters()) {
            meters = new LiveMetersModel(version -> model.sourcesProperty().get().get(version), background, Platform::runLater);
            LiveMetersView metersView = new LiveMetersView(meters);
            HBox.setHgrow(waveColumn, Priority.ALWAYS);
            waveColumn.setMaxWidth(Double.MAX_VALUE);
            HBox withMeters = new HBox(12, waveColumn, metersView);
            withMeters.getStyleClass().add("waveform-and-meters");
            top = withMeters;
        } else {
            top = waveColumn;
        }

        answerArea.getStyleClass().add("answer-area");
        answerArea.setMinHeight(72);

        Button answer = new Button("Answer");
        answer.setId("drill-answer");
        answer.setDefaultButton(false);
        answer.setAccessibleText("Answer (Enter)");
        answer.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.pendingAnswerProperty().get().isEmpty() || !model.canAnswer(),
                model.pendingAnswerProperty(), model.gradeProperty(), model.revealedProperty()));
        answer.setOnAction(e -> model.submit());
        Button next = new Button("Next ▸");
        next.setId("drill-next");
        next.setAccessibleText("Next question (N)");
        next.disableProperty().bind(model.answeredProperty().not());
        next.setOnAction(e -> model.next());
        Label feedback = new Label();
        feedback.setId("drill-feedback");
        feedback.setWrapText(true);
        feedback.getStyleClass().add("drill-feedback");
        feedback.textProperty().bind(model.feedbackProperty());
        feedback.setAccessibleText("The grade of your answer");
        model.gradeProperty().addListener((obs, old, grade) -> {
            feedback.getStyleClass().removeAll("right", "partly", "wrong");
            grade.filter(g -> model.mode().showFeedback()).ifPresent(g -> feedback.getStyleClass().add(
                    switch (DrillPaneModel.Outcome.of(g)) {
                        case RIGHT -> "right";
                        case PARTLY_RIGHT -> "partly";
                        case WRONG -> "wrong";
                    }));
        });
        HBox.setHgrow(feedback, Priority.ALWAYS);
        feedback.setMaxWidth(Double.MAX_VALUE);
        Button hear = new Button("Hear my answer ⇄ truth");
        hear.setId("drill-hear-answer");
        hear.setAccessibleText("Hear your answer against the truth (H)");
        hear.visibleProperty().bind(Bindings.createBooleanBinding(model::canHearAnswer, model.sourcesProperty()));
        hear.managedProperty().bind(hear.visibleProperty());
        hear.setOnAction(e -> model.hearAnswerAgainstTruth());
        for (Button button : List.of(answer, hear, next)) {
            button.setMinWidth(Region.USE_PREF_SIZE); // a long feedback sentence wraps; the buttons keep their words
        }
        HBox actions = new HBox(12, answer, feedback, hear, next);
        actions.getStyleClass().add("row");

        Label keys = new Label("Space play/stop · A/B or Tab switch · 1–9 choose · arrows adjust · Enter answer · "
                + "H hear your answer · N next · drag on the waveform to loop");
        keys.getStyleClass().add("hint");
        keys.setWrapText(true);
        keys.setMinHeight(Region.USE_PREF_SIZE); // wraps onto more lines rather than being cut short

        getChildren().addAll(prompt, transport, top, answerArea);
        if (model.mode().paneControls()) {
            getChildren().addAll(actions, keys); // a projector has its own controls and key line
        }
        model.pendingAnswerProperty().addListener((obs, old, now) -> markChoices());
        model.revealedProperty().addListener((obs, old, now) -> markChoices());

        LiveMetersModel questionMeters = meters;
        model.questionProperty().addListener((obs, old, question) -> {
            if (questionMeters != null) {
                questionMeters.clear();
            }
            showQuestion(question);
        });
        model.activeVersionProperty().addListener((obs, old, version) -> selectVersionButton(version));
        model.sourcesProperty().addListener((obs, old, now) -> showVersions());
        showQuestion(model.questionProperty().get());

        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        LiveMetersModel shownMeters = meters;
        AnimationTimer poll = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.refresh();
                if (shownMeters != null) {
                    shownMeters.tick(now, model.playingProperty().get(), model.shownVersionProperty().get(),
                            model.positionSProperty().get(), model.spectrumVersions());
                }
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                poll.stop();
                model.stop();
            } else {
                // Another screen may have used the engine meanwhile.
                if (old == null && model.questionProperty().get() != null) {
                    model.reload();
                }
                poll.start();
                // Once laid out in the scene, the pane's keys should work without a click first.
                Platform.runLater(this::takeKeyboard);
            }
        });
    }

    /** The model this pane shows. */
    public DrillPaneModel model() {
        return model;
    }

    private void showQuestion(Question question) {
        choiceButtons = null;
        answerArea.getChildren().clear();
        timelineArea.getChildren().clear();
        showVersions();
        if (question == null) {
            return;
        }
        AnswerForm form = question.form();
        boolean onTimeAxis = form instanceof AnswerForm.Curve
                || form instanceof AnswerForm.Value value && value.quantity() == Quantity.TIME_S;
        (onTimeAxis ? timelineArea : answerArea).getChildren().add(answerWidget(form));
        takeKeyboard();
    }

    /** Brings the keyboard into the pane (its keys work only while the focus is inside it). */
    private void takeKeyboard() {
        if (getScene() == null) {
            return;
        }
        Node focused = getScene().getFocusOwner();
        while (focused != null && focused != this) {
            focused = focused.getParent();
        }
        if (focused == null) {
            play.requestFocus();
        }
    }

    private void showVersions() {
        versionButtons.getChildren().clear();
        versionGroup.getToggles().clear();
        List<String> versions = model.versions();
        for (int i = 0; i < versions.size(); i++) {
            String version = versions.get(i);
            String key = i < 2 ? String.valueOf((char) ('A' + i)) : "";
            ToggleButton button = new ToggleButton((key.isEmpty() ? "" : key + ": ") + titleCase(version));
            button.setId("drill-version-" + version.replace(' ', '-'));
            button.setToggleGroup(versionGroup);
            button.setAccessibleText("Listen to the " + version + " version" + (key.isEmpty() ? "" : " (" + key + ")"));
            button.setOnAction(e -> model.listenTo(version));
            versionButtons.getChildren().add(button);
        }
        selectVersionButton(model.activeVersionProperty().get());
    }

    private Node answerWidget(AnswerForm form) {
        if (form instanceof AnswerForm.Choice choice) {
            FlowPane buttons = new FlowPane(8, 8);
            buttons.setId("drill-choices");
            buttons.getStyleClass().add("choices");
            for (int i = 0; i < choice.options().size(); i++) {
                AnswerForm.Option option = choice.options().get(i);
                ToggleButton button = new ToggleButton(i < 9 ? (i + 1) + "  " + option.label() : option.label());
                button.setId("drill-choice-" + (i + 1));
                button.getStyleClass().add("choice");
                button.setUserData(option.label());
                // A click toggles the button itself; which one is marked is the answer's to say.
                button.setOnAction(e -> {
                    model.choose(option.label());
                    markChoices();
                });
                buttons.getChildren().add(button);
            }
            choiceButtons = buttons;
            markChoices();
            return buttons;
        }
        if (form instanceof AnswerForm.Curve) {
            return new CurveEditor(model);
        }
        if (form instanceof AnswerForm.Value value) {
            // A time is read off the waveform above, so its axis runs edge to edge like the waveform's.
            return new ValuePicker(model, 0, value.quantity() == Quantity.TIME_S ? 0 : PICKER_PADDING);
        }
        VBox settings = new VBox(4);
        settings.setId("drill-settings");
        for (int i = 0; i < model.dials().size(); i++) {
            settings.getChildren().add(new ValuePicker(model, i, PICKER_PADDING));
        }
        return settings;
    }

    /**
     * Marks the chosen option; once the truth shows, also the right option ("truth", with ✓) and a
     * wrong choice ("chosen-wrong").
     */
    private void markChoices() {
        if (choiceButtons == null) {
            return;
        }
        String chosen = model.pendingAnswerProperty().get()
                .map(a -> a instanceof Answer.Chosen c ? c.label() : "").orElse("");
        String truth = model.truthShown() ? model.truthOption().orElse("") : "";
        List<Node> buttons = choiceButtons.getChildren();
        for (int i = 0; i < buttons.size(); i++) {
            ToggleButton button = (ToggleButton) buttons.get(i);
            String label = (String) button.getUserData();
            button.setSelected(label.equals(chosen));
            button.getStyleClass().removeAll("truth", "chosen-wrong");
            String text = button.getText().replace("  ✓", "");
            if (label.equals(truth)) {
                button.getStyleClass().add("truth");
                text += "  ✓";
            } else if (!truth.isEmpty() && label.equals(chosen)) {
                button.getStyleClass().add("chosen-wrong");
            }
            button.setText(text);
            button.setAccessibleText(label + (i < 9 ? " (" + (i + 1) + ")" : "") + (label.equals(truth) ? ", the right answer" : ""));
        }
    }

    private void selectVersionButton(String version) {
        versionGroup.getToggles().forEach(t -> t.setSelected(((ToggleButton) t).getId().equals("drill-version-" + version)));
    }

    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean handled = true;
        if (e.isShortcutDown() || e.isAltDown()) {
            return; // the shell's Ctrl+digit navigation and the system's shortcuts pass through
        }
        switch (code) {
            case SPACE -> model.togglePlay();
            case ESCAPE -> model.stop();
            case A -> listenToNumber(0);
            case B -> listenToNumber(1);
            case TAB -> {
                if (e.isShiftDown()) {
                    handled = false; // Shift+Tab still moves the focus backwards
                } else {
                    model.switchVersion();
                }
            }
            case ENTER -> {
                if (!model.submit()) {
                    model.next();
                }
            }
            case N -> model.next();
            case L -> model.clearLoop();
            case OPEN_BRACKET -> model.markLoopStart();
            case CLOSE_BRACKET -> model.markLoopEnd();
            case H -> model.hearAnswerAgainstTruth();
            case LEFT, RIGHT, UP, DOWN -> handled = arrow(code, e.isShiftDown());
            default -> handled = chooseDigit(code);
        }
        if (handled) {
            e.consume();
        }
    }

    /**
     * Arrows adjust the answer: on a value all four nudge it; among settings ↑/↓ pick the setting
     * and ←/→ turn it; on a curve ←/→ pick the point and ↑/↓ move it.
     */
    private boolean arrow(KeyCode code, boolean large) {
        Question question = model.questionProperty().get();
        if (question == null || model.dials().isEmpty()) {
            return false;
        }
        boolean horizontal = code == KeyCode.LEFT || code == KeyCode.RIGHT;
        int direction = code == KeyCode.LEFT || code == KeyCode.DOWN ? -1 : 1;
        if (question.form() instanceof AnswerForm.Settings && !horizontal) {
            model.selectDial(-direction); // ↑ goes to the setting above
        } else if (question.form() instanceof AnswerForm.Curve && horizontal) {
            model.selectDial(direction);
        } else {
            model.nudge(direction, large);
        }
        return true;
    }

    private boolean chooseDigit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            int digit = name.charAt(name.length() - 1) - '0';
            model.chooseNumber(digit);
            return true;
        }
        return false;
    }

    private void listenToNumber(int index) {
        List<String> versions = model.versions();
        if (index < versions.size()) {
            model.listenTo(versions.get(index));
        }
    }

    private static String titleCase(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
