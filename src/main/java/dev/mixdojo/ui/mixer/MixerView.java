package dev.mixdojo.ui.mixer;

import dev.mixdojo.grading.ScoreItem;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.ChallengeScores;
import dev.mixdojo.ui.AppServices;
import dev.mixdojo.ui.FramePolling;
import dev.mixdojo.ui.Notices;
import dev.mixdojo.ui.Parts;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.WhileShown;
import dev.mixdojo.ui.Work;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The mixer: one channel strip per stem (fader, pan, mute, solo), one per group bus (fader, EQ and compressor),
 * the reverb's and the delay's return faders, the selected strip's EQ curve and compressor with its gain-reduction meter, play and A/B against the target, and "Score my mix" with
 * the scored items. Every control is reachable by Tab and moves with the arrow keys; Space plays.
 */
public final class MixerView extends VBox {
    /** The id of this screen in the navigation; its argument is the id of the lesson whose challenge to open. */
    public static final String SCREEN = "mixer";

    private final MixerViewModel model;
    private final HBox strips = new HBox(10);
    private final ToggleGroup editing = new ToggleGroup();

    /** The mixer bound to {@code model}; the strips follow its tracks. */
    public MixerView(MixerViewModel model) {
        this.model = model;
        getStyleClass().addAll("screen", "mixer");
        setSpacing(10);
        Label heading = new Label();
        heading.getStyleClass().add("title");
        heading.textProperty().bind(model.titleProperty());
        Label brief = new Label();
        brief.setId("mixer-brief");
        brief.setWrapText(true);
        brief.setMinHeight(Region.USE_PREF_SIZE); // the brief is read in full, never cut short
        brief.textProperty().bind(model.briefProperty());
        Label message = Notices.label("mixer-message", model.messageProperty());

        Button play = Parts.playButton("mixer-play", "Play or stop the mix (Space)", model.playingProperty(),
                model.playableProperty(), model::togglePlay);
        ToggleButton ab = new ToggleButton("Hear the target (B)");
        ab.setId("mixer-ab");
        ab.setAccessibleText("Switch between your mix and the target's sound");
        ab.selectedProperty().bindBidirectional(model.listeningToTargetProperty());
        ab.visibleProperty().bind(model.compareAllowedProperty());
        ab.managedProperty().bind(ab.visibleProperty());
        Button score = new Button("Score my mix");
        score.setId("mixer-score");
        score.setAccessibleText("Score my mix against the target");
        score.disableProperty().bind(model.loadedProperty().not());
        score.setOnAction(e -> model.scoreMix());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.busyProperty());
        Group masterMeter = levelMeter("meter-master", "Peak meter of the master, −60 to 0 dBFS", model.masterPeakDbProperty(), false);
        Label masterValue = new Label();
        masterValue.setId("master-value");
        masterValue.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "Master %s dBFS · %s LUFS",
                level(model.masterPeakDbProperty().get()), level(model.masterLufsProperty().get())),
                model.masterPeakDbProperty(), model.masterLufsProperty()));
        ComboBox<MixerViewModel.ChallengeEntry> challenges = new ComboBox<>(model.challenges());
        challenges.setId("mixer-challenges");
        challenges.setAccessibleText("Mix challenges: choose one to open");
        challenges.setPromptText("Choose a challenge");
        challenges.setMaxWidth(Region.USE_PREF_SIZE);
        // The list is made anew when the progress changes (a score kept), and the combo then loses its choice: the
        // chosen challenge is chosen again in the new list, showing its new entry (best score, pass) at once. Neither
        // that nor the combo's own re-selecting opens anything again.
        boolean[] choosing = {false};
        String[] chosenLesson = {null};
        challenges.setOnAction(e -> {
            MixerViewModel.ChallengeEntry chosen = challenges.getValue();
            if (chosen != null && !choosing[0]) {
                chosenLesson[0] = chosen.lessonId();
                choosing[0] = true;
                try {
                    model.openChallenge(chosen.lessonId());
                } finally {
                    choosing[0] = false;
                }
            }
        });
        // After the combo has handled the change itself (it drops the choice after this listener runs).
        model.challenges().addListener((ListChangeListener<MixerViewModel.ChallengeEntry>) change -> Platform.runLater(() -> {
            boolean was = choosing[0];
            choosing[0] = true;
            try {
                challenges.setValue(model.challenges().stream().filter(c -> c.lessonId().equals(chosenLesson[0])).findFirst()
                        .orElse(null));
            } finally {
                choosing[0] = was;
            }
        }));
        for (Region control : List.of(play, ab, score, masterValue, challenges)) {
            control.setMinWidth(Region.USE_PREF_SIZE); // never cut to "..."
        }
        HBox transport = new HBox(12, play, ab, score, busy);
        HBox master = new HBox(12, masterMeter, masterValue);
        master.getStyleClass().add("row");
        transport.getStyleClass().add("row");
        // Loading the stems can take a while the first time (the song renders): say how far, and let the learner stop.
        ProgressBar loading = new ProgressBar();
        loading.setId("mixer-progress");
        loading.setAccessibleText("Loading the stems");
        loading.setPrefWidth(260);
        loading.progressProperty().bind(model.progressProperty());
        Label step = new Label();
        step.setId("mixer-step");
        step.textProperty().bind(model.stepProperty());
        Button cancel = new Button("Cancel (Escape)");
        cancel.setId("mixer-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> model.cancel());
        HBox loadingRow = new HBox(10, loading, step, cancel);
        loadingRow.getStyleClass().add("row");
        loadingRow.visibleProperty().bind(model.stepProperty().isNotEmpty());
        loadingRow.managedProperty().bind(loadingRow.visibleProperty());

        ScrollPane stripScroll = new ScrollPane(strips);
        stripScroll.setFitToHeight(true);
        stripScroll.setPrefViewportHeight(440); // a whole strip, fader to verdict
        stripScroll.setPrefViewportWidth(560); // more strips scroll sideways, the score stays in view
        stripScroll.setMinHeight(Region.USE_PREF_SIZE); // faders keep their travel however tall the window
        model.tracks().addListener((ListChangeListener<TrackModel>) change -> rebuildStrips());

        EqCurveView eq = new EqCurveView(model);
        Label editingLabel = new Label();
        editingLabel.getStyleClass().add("heading");
        VBox compressor = new VBox(6);
        model.selectedProperty().addListener((obs, old, track) -> {
            eq.show(track);
            editingLabel.setText(track == null ? "" : "EQ and compressor: " + track.stem());
            compressor.getChildren().setAll(track == null ? List.of() : List.of(compressorControls(track)));
        });
        Label eqHint = new Label("Double-click to add a band, drag a point to move it; or focus the curve and press A, "
                + "[ ], arrows, Delete.");
        eqHint.getStyleClass().add("hint");
        eqHint.setWrapText(true);
        eqHint.setMinHeight(Region.USE_PREF_SIZE);
        VBox eqBox = new VBox(6, editingLabel, eq, eqHint);
        compressor.setMinWidth(200);
        HBox processing = new HBox(20, eqBox, compressor);
        HBox.setHgrow(eqBox, Priority.ALWAYS);

        Label scoreText = new Label();
        scoreText.setId("mixer-score-text");
        scoreText.getStyleClass().add("heading");
        scoreText.textProperty().bind(model.scoreTextProperty());
        scoreText.setWrapText(true);
        scoreText.setMinHeight(Region.USE_PREF_SIZE);
        ListView<ScoreItem> items = new ListView<>(model.scoreItems());
        items.setId("mixer-items");
        items.setAccessibleText("Scored items, worst first");
        items.setPrefHeight(400);
        // The score's list appears once there is a score: no empty pane before.
        items.visibleProperty().bind(Bindings.isNotEmpty(model.scoreItems()));
        items.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ScoreItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : MixerViewModel.describe(item));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Label scoreHint = new Label("Score your mix to see how far each track is from the target; each channel shows"
                + " its verdict under its fader.");
        scoreHint.getStyleClass().add("hint");
        scoreHint.setWrapText(true);
        scoreHint.visibleProperty().bind(Bindings.isEmpty(model.scoreItems()));
        scoreHint.managedProperty().bind(scoreHint.visibleProperty());
        // The score stands beside the mixer, always in view, not below the strips.
        VBox scoreColumn = new VBox(8, scoreText, scoreHint, items);
        scoreColumn.setId("mixer-score-column");
        scoreColumn.setPrefWidth(300);
        scoreColumn.setMinWidth(240);
        VBox.setVgrow(items, Priority.ALWAYS);
        VBox mixerColumn = new VBox(10, transport, master, stripScroll);
        HBox.setHgrow(mixerColumn, Priority.ALWAYS);
        HBox body = new HBox(16, mixerColumn, scoreColumn);
        getChildren().addAll(heading, brief, message, challenges, loadingRow, body, processing);

        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE && !(e.getTarget() instanceof ButtonBase) && !(e.getTarget() instanceof TextInputControl)) {
                model.togglePlay();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && loadingRow.isVisible()) {
                model.cancel();
                e.consume();
            }
        });
        FramePolling.whileShown(this, model::refreshMeters, model::leave);
        rebuildStrips();
    }

    /**
     * The mixer of the app: the mix challenge of the lesson the navigation names (the curriculum's
     * first otherwise), opened through {@code stems} as the progress store's locks allow, followed while shown.
     */
    public static MixerView forApp(AppServices services, ChallengeStems stems) {
        MixerViewModel model = new MixerViewModel(services.audio(), services.background(), Platform::runLater, stems);
        MixerView view = new MixerView(model);
        ProgressStore store = services.progress();
        Runnable open = () -> {
            store.load();
            if (store.recordsProperty().get() != null) {
                model.open(store.recordsProperty().get(), services.navigation().argumentFor(SCREEN).orElse(""));
            }
        };
        // New records (a score kept below, a lesson mastered) refresh the list; the challenge open stays open.
        WhileShown.follow(view, store.recordsProperty(), records -> {
            store.load();
            if (records != null) {
                model.progressChanged(records, services.navigation().argumentFor(SCREEN).orElse(""));
            }
        });
        WhileShown.follow(view, services.navigation().lastRequestProperty(), request -> open.run());
        model.keepScoresWith((lessonId, challenge, points, workedMs) -> {
            Attempt kept = ChallengeScores.attempt(lessonId, challenge.id(), points, challenge.passScore(),
                    store.clock().instant(), workedMs);
            Work.run(services.background(), Platform::runLater, "Saving your score", () -> {
                store.teaching().log().append(kept);
                return kept;
            }, store::add, model::showProblem);
        });
        return view;
    }

    /** This mixer in a vertical scroll pane, so a short window scrolls instead of squeezing the strips. */
    public ScrollPane scrolling() {
        ScrollPane scroll = new ScrollPane(this);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("mixer-scroll");
        return scroll;
    }

    private void rebuildStrips() {
        strips.getChildren().clear();
        for (TrackModel track : model.tracks()) {
            strips.getChildren().add(strip(track, false));
        }
        for (TrackModel group : model.groups()) {
            strips.getChildren().add(strip(group, true));
        }
        for (ReturnModel bus : model.returns()) {
            strips.getChildren().add(returnStrip(bus));
        }
    }

    /** A return fader beside the channels: the bus's name, its fader and typed level, and its verdict after a score. */
    private static VBox returnStrip(ReturnModel bus) {
        String id = bus.bus() + "-return";
        Label name = new Label(bus.bus().equals("reverb") ? "Reverb return" : "Delay return");
        name.getStyleClass().add("heading");
        name.setWrapText(true);
        Slider fader = fader(id, bus.faderDbProperty());
        TextField value = typedDb("fader-value-" + id, "Return fader of the " + bus.bus() + " bus: type a level in dB and press Enter",
                bus.faderDbProperty());
        value.setMaxWidth(STRIP_WIDTH_PX);
        VBox box = new VBox(6, name, fader, value, verdict("verdict-" + id, bus.verdictProperty()));
        box.getStyleClass().addAll("channel-strip", "return-strip");
        box.setPrefWidth(STRIP_WIDTH_PX);
        box.setMaxWidth(STRIP_WIDTH_PX);
        return box;
    }

    /** A channel strip: a track's, or (when {@code bus}) a group bus's, which has no pan, sends, mute or solo. */
    private VBox strip(TrackModel track, boolean bus) {
        String stem = track.stem();
        Label name = new Label(stem);
        name.getStyleClass().add("heading");
        Label pending = new Label("rendering…");
        pending.setId("pending-" + stem);
        pending.getStyleClass().add("hint");
        pending.setAccessibleText(stem + " is still rendering: it joins the mix when ready");
        pending.visibleProperty().bind(track.pendingProperty());
        pending.managedProperty().bind(pending.visibleProperty());
        PanKnob pan = new PanKnob("pan-" + stem, stem, track.panProperty());
        TextField panValue = typed("pan-value-" + stem, "Pan of " + stem + ": type C, 30 L or 30 R and press Enter",
                track.panProperty(), PanKnob::words, PanKnob::parse, track.panProperty()::set);
        panValue.setPrefColumnCount(4);
        HBox panRow = new HBox(4, pan, panValue);
        panRow.setAlignment(Pos.CENTER_LEFT);
        VBox sends = new VBox(2, send(stem, "reverb", track.reverbSendDbProperty()), send(stem, "delay", track.delaySendDbProperty()));
        Slider fader = fader(stem, track.faderDbProperty());
        TextField faderValue = typedDb("fader-value-" + stem, "Fader of " + stem + ": type a level in dB and press Enter",
                track.faderDbProperty());
        ToggleButton mute = new ToggleButton("M");
        mute.setId("mute-" + stem);
        mute.setAccessibleText("Mute " + stem);
        mute.selectedProperty().bindBidirectional(track.muteProperty());
        ToggleButton solo = new ToggleButton("S");
        solo.setId("solo-" + stem);
        solo.setAccessibleText("Solo " + stem);
        solo.selectedProperty().bindBidirectional(track.soloProperty());
        RadioButton edit = new RadioButton("EQ");
        edit.setId("edit-" + stem);
        edit.setAccessibleText("Show the EQ and compressor of " + stem);
        edit.setToggleGroup(editing);
        edit.setSelected(model.selectedProperty().get() == track);
        edit.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                model.selectedProperty().set(track);
            }
        });
        Group level = levelMeter("meter-" + stem, "Peak meter of " + stem + ", −60 to 0 dBFS", track.peakDbProperty(), true);
        ProgressBar reduction = new ProgressBar(0);
        reduction.setId("gr-" + stem);
        reduction.setAccessibleText("Gain reduction of " + stem + "'s compressor, 0 to 20 dB");
        reduction.setPrefWidth(70);
        reduction.progressProperty().bind(track.gainReductionDbProperty().divide(20));
        reduction.visibleProperty().bind(track.compressorOnProperty());
        reduction.managedProperty().bind(reduction.visibleProperty());
        Label verdict = verdict("verdict-" + stem, track.verdictProperty());
        faderValue.setMaxWidth(STRIP_WIDTH_PX);
        VBox box = bus ? new VBox(6, name, new HBox(4, fader, level), faderValue, reduction, edit)
                : new VBox(6, name, pending, panRow, sends, new HBox(4, fader, level), faderValue, rideControls(track), reduction,
                        new HBox(4, mute, solo), edit, verdict);
        box.getStyleClass().add("channel-strip");
        box.setPrefWidth(STRIP_WIDTH_PX);
        box.setMaxWidth(STRIP_WIDTH_PX);
        return box;
    }

    /** The last score's word on a strip, under its fader, read in full. */
    private static Label verdict(String id, ObservableStringValue words) {
        Label verdict = new Label();
        verdict.setId(id);
        verdict.getStyleClass().add("hint");
        verdict.textProperty().bind(words);
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        return verdict;
    }

    /**
     * The channel's ride: its lane (the fader's level over the song, with the playhead), "R" to arm writing (moving
     * the fader while the song plays writes it) and "×" to clear it.
     */
    private VBox rideControls(TrackModel track) {
        String stem = track.stem();
        ToggleButton arm = new ToggleButton("R");
        arm.setId("ride-arm-" + stem);
        arm.setAccessibleText("Write a ride on " + stem + ": moving its fader while the song plays writes the move");
        arm.selectedProperty().bindBidirectional(track.rideArmedProperty());
        Button clear = new Button("×");
        clear.setId("ride-clear-" + stem);
        clear.setAccessibleText("Clear the ride of " + stem);
        clear.disableProperty().bind(Bindings.createBooleanBinding(() -> track.rideProperty().get().isEmpty(),
                track.rideProperty()));
        clear.setOnAction(e -> track.clearRide());
        Label caption = new Label("Ride");
        caption.getStyleClass().add("hint");
        HBox buttons = new HBox(4, caption, arm, clear);
        buttons.setAlignment(Pos.CENTER_LEFT);
        RideLane lane = new RideLane(track, model.positionSProperty(), model.lengthSProperty(), STRIP_WIDTH_PX - 10, 32);
        return new VBox(2, buttons, lane);
    }

    private VBox compressorControls(TrackModel track) {
        CheckBox on = new CheckBox("Compressor");
        on.setId("compressor-on");
        on.setAccessibleText("Compressor on " + track.stem());
        on.selectedProperty().bindBidirectional(track.compressorOnProperty());
        Slider threshold = slider("compressor-threshold", "Compressor threshold in dB", -60, 0, 1, track.thresholdDbProperty());
        Label thresholdValue = valueLabel("Threshold %.0f dB", track.thresholdDbProperty());
        Slider ratio = slider("compressor-ratio", "Compressor ratio", 1, 20, 0.5, track.ratioProperty());
        Label ratioValue = valueLabel("Ratio %.1f:1", track.ratioProperty());
        ProgressBar meter = new ProgressBar(0);
        meter.setId("compressor-meter");
        meter.setAccessibleText("Gain reduction meter, 0 to 20 dB");
        meter.progressProperty().bind(track.gainReductionDbProperty().divide(20));
        Label meterValue = valueLabel("Gain reduction %.1f dB", track.gainReductionDbProperty());
        return new VBox(6, on, thresholdValue, threshold, ratioValue, ratio, meter, meterValue);
    }

    /** A channel strip's width in pixels: every strip the same, whatever its verdict says. */
    private static final double STRIP_WIDTH_PX = 110;
    /** How far a fader moves per arrow key, in dB (Page Up/Down: ten times as far). */
    static final double FADER_STEP_DB = 0.1;
    /** How far a Shift-drag moves a fader per pixel, in dB: a tenth of the plain drag's near 0 dB. */
    static final double FINE_DB_PER_PIXEL = 0.025;
    /** The faders' height in pixels: their track is over 160 px, so a pixel near 0 dB is at most 0.25 dB. */
    static final double FADER_HEIGHT_PX = 200;

    /**
     * A vertical fader over {@code gainDb} through {@link FaderTaper}: drag it (Shift-drag moves a tenth as
     * far), arrow keys move {@value #FADER_STEP_DB} dB and Page Up/Down 1 dB, a double-click resets it to 0 dB.
     */
    private static Slider fader(String stem, DoubleProperty gainDb) {
        Slider fader = new Slider(0, 1, FaderTaper.travel(gainDb.get()));
        fader.setId("fader-" + stem);
        fader.setOrientation(Orientation.VERTICAL);
        fader.setAccessibleText("Fader of " + stem + " in dB: arrows 0.1 dB, Page Up and Down 1 dB, Shift-drag fine, double-click 0 dB");
        fader.setMajorTickUnit(FaderTaper.travel(0) - FaderTaper.KNEE_TRAVEL);
        fader.setShowTickMarks(true);
        fader.setPrefHeight(FADER_HEIGHT_PX);
        boolean[] syncing = {false};
        fader.valueProperty().addListener((obs, was, travel) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                gainDb.set(FaderTaper.db(travel.doubleValue()));
                syncing[0] = false;
            }
        });
        gainDb.addListener((obs, was, db) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                fader.setValue(FaderTaper.travel(db.doubleValue()));
                syncing[0] = false;
            }
        });
        fader.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            double step = switch (e.getCode()) {
                case UP -> FADER_STEP_DB;
                case DOWN -> -FADER_STEP_DB;
                case PAGE_UP -> 10 * FADER_STEP_DB;
                case PAGE_DOWN -> -10 * FADER_STEP_DB;
                default -> 0;
            };
            if (step != 0) {
                setDb(gainDb, Math.round((gainDb.get() + step) / FADER_STEP_DB) * FADER_STEP_DB);
                e.consume();
            }
        });
        double[] grab = {Double.NaN, 0}; // screen y and gain where a fine drag took hold
        fader.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            grab[0] = Double.NaN;
            if (e.getClickCount() == 2) {
                gainDb.set(0);
                e.consume();
            } else if (e.isShiftDown()) {
                fader.requestFocus();
                e.consume(); // a fine drag does not jump to the pointer
            }
        });
        fader.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!e.isShiftDown()) {
                grab[0] = Double.NaN;
                return;
            }
            if (Double.isNaN(grab[0])) {
                grab[0] = e.getScreenY();
                grab[1] = gainDb.get();
            }
            setDb(gainDb, grab[1] + (grab[0] - e.getScreenY()) * FINE_DB_PER_PIXEL);
            e.consume();
        });
        return fader;
    }

    private static void setDb(DoubleProperty gainDb, double db) {
        gainDb.set(Math.max(TrackModel.FADER_MIN_DB, Math.min(TrackModel.FADER_MAX_DB, db)));
    }

    /** A field showing {@code gainDb} ("−3.5 dB") where a typed number (dB, "dB" optional) sets it on Enter or leaving it. */
    private static TextField typedDb(String id, String accessibleText, DoubleProperty gainDb) {
        return typed(id, accessibleText, gainDb, db -> String.format(Locale.ROOT, "%+.1f dB", db), MixerView::parseDb,
                db -> setDb(gainDb, db));
    }

    /** A number of dB as typed ("−3.5", "-3.5 dB"), if it is one. */
    private static Optional<Double> parseDb(String typed) {
        try {
            double db = Double.parseDouble(typed.strip().replaceFirst("(?i)\\s*db$", "").replace('−', '-'));
            return Double.isFinite(db) ? Optional.of(db) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A field showing {@code value} through {@code show}, where a text {@code parse} reads sets it through {@code set}
     * on Enter or leaving the field; anything else is replaced by the value again.
     */
    private static TextField typed(String id, String accessibleText, DoubleProperty value, DoubleFunction<String> show,
            Function<String, Optional<Double>> parse, DoubleConsumer set) {
        TextField field = new TextField();
        field.setId(id);
        field.setAccessibleText(accessibleText);
        field.setPrefColumnCount(6);
        Runnable showValue = () -> field.setText(show.apply(value.get()));
        showValue.run();
        value.addListener((obs, was, now) -> {
            if (!field.isFocused()) {
                showValue.run();
            }
        });
        Runnable take = () -> {
            parse.apply(field.getText()).ifPresent(set::accept);
            showValue.run();
        };
        field.setOnAction(e -> take.run());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                take.run();
            }
        });
        return field;
    }

    /**
     * A post-fader send from {@code stem} to a bus: a slider from off ({@link TrackModel#SEND_MIN_DB}) to
     * {@link TrackModel#SEND_MAX_DB}, 1 dB per arrow key, with its level in words beside it.
     */
    private static HBox send(String stem, String bus, DoubleProperty sendDb) {
        Slider slider = slider("send-" + bus + "-" + stem, "Send from " + stem + " to the " + bus + " bus in dB, off at the left",
                TrackModel.SEND_MIN_DB, TrackModel.SEND_MAX_DB, 1, sendDb);
        slider.setPrefWidth(56);
        Label value = new Label();
        value.setId("send-" + bus + "-value-" + stem);
        value.getStyleClass().add("hint");
        String shortName = bus.equals("reverb") ? "Rev" : "Dly";
        value.textProperty().bind(Bindings.createStringBinding(() -> sendDb.get() <= TrackModel.SEND_MIN_DB ? shortName + " off"
                : String.format(Locale.ROOT, "%s %.0f", shortName, sendDb.get()), sendDb));
        value.setMinWidth(Region.USE_PREF_SIZE);
        return new HBox(2, slider, value);
    }

    /** The dB range a level meter shows, below 0 dBFS. */
    private static final double METER_RANGE_DB = 60;

    /**
     * A bar showing a level in dBFS over the last {@value #METER_RANGE_DB} dB below full scale, upright or lying;
     * in a group, which lays it out as it is drawn.
     */
    private static Group levelMeter(String id, String accessibleText, ObservableDoubleValue levelDb, boolean upright) {
        ProgressBar meter = new ProgressBar(0);
        meter.setId(id);
        meter.setAccessibleText(accessibleText);
        meter.getStyleClass().add("level-meter");
        if (upright) {
            meter.setRotate(-90);
        }
        meter.setPrefWidth(upright ? FADER_HEIGHT_PX : 120);
        meter.progressProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, Math.min(1, 1 + levelDb.get() / METER_RANGE_DB)), levelDb));
        return new Group(meter);
    }

    /** A slider bound both ways to {@code value}, moving by {@code step} per arrow key. */
    private static Slider slider(String id, String accessibleText, double min, double max, double step, DoubleProperty value) {
        Slider slider = new Slider(min, max, value.get());
        slider.setId(id);
        slider.setAccessibleText(accessibleText);
        slider.setBlockIncrement(step);
        slider.valueProperty().bindBidirectional(value);
        return slider;
    }

    /** A label showing {@code value} through a format such as {@code "Ratio %.1f:1"}. */
    private static Label valueLabel(String format, ObservableDoubleValue value) {
        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, format, value.get()), value));
        return label;
    }

    /** A level for a label: one decimal, or "−∞" for silence. */
    private static String level(double db) {
        return Double.isFinite(db) ? String.format(Locale.ROOT, "%.1f", db) : "−∞";
    }

}
