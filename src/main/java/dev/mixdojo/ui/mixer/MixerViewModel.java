package dev.mixdojo.ui.mixer;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.grading.MixScore;
import dev.mixdojo.grading.MixScorer;
import dev.mixdojo.grading.ScoreItem;
import dev.mixdojo.grading.SessionScoring;
import dev.mixdojo.grading.StemAudio;
import dev.mixdojo.grading.Verdict;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.mix.ChallengeSetup;
import dev.mixdojo.mix.MixRenderer;
import dev.mixdojo.mix.LiveMix;
import dev.mixdojo.mix.MixSession;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.LearnerRecords;
import dev.mixdojo.ui.Steps;
import dev.mixdojo.ui.Transport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The mixer screen's logic: it loads a mix challenge in the background, shows one {@link TrackModel}
 * per stem, and plays the learner's mix. Real-time playback re-renders in the background: any change
 * renders the session again offline ({@link MixRenderer}: the live engine run as fast as it goes),
 * and the new mix replaces the old one at the same position with the engine's short
 * crossfade. A/B switches to the target's sound when the challenge allows. "Score my mix" scores the
 * current mix against the goal, in the background. Properties belong to the JavaFX thread.
 */
public final class MixerViewModel {
    /** Engine source names: two for the learner's mix (alternating, so a new render crossfades in) and the target. */
    static final String MIX_A = "mix-a";
    static final String MIX_B = "mix-b";
    static final String TARGET = "target";

    private final AudioOutput audio;
    private final Executor background;
    private final Executor onUiThread;
    private final ChallengeOpener opener;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    /** Counts loads, so a cancelled or superseded one is not shown. */
    private int loads;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Mixer");
    private final ReadOnlyStringWrapper brief = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scoreText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper score = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper compareAllowed = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty listeningToTarget = new SimpleBooleanProperty(false);
    private final Transport transport;
    private final ObservableList<TrackModel> tracks = FXCollections.observableArrayList();
    private final ObjectProperty<TrackModel> selected = new SimpleObjectProperty<>();
    private final ObservableList<ScoreItem> scoreItems = FXCollections.observableArrayList();
    private ChallengeSetup setup;
    /** The challenge loaded or being loaded, or null. */
    private MixChallenge opened;
    private MixRenderer renderer;
    private MixSession current;
    private MixSession rendered;
    private MixRenderer.Render lastRender;
    private String activeMix = MIX_A;
    private final Map<String, AudioBuffer> loadedSources = new HashMap<>();
    private boolean renderInFlight;
    private int tasks;

    /** A challenge ready to mix: its setup, the renderer of its stems and the first render of the start. */
    public record Opened(ChallengeSetup setup, MixRenderer renderer, MixRenderer.Render first) {
        /** Renders the start of {@code setup} (the stems with their inserts, summed). */
        public static Opened of(ChallengeSetup setup) {
            MixRenderer renderer = new MixRenderer(setup.stems());
            return new Opened(setup, renderer, renderer.render(setup.start()));
        }
    }

    /** Opens a challenge (on a worker), telling the steps how far it has come. */
    @FunctionalInterface
    public interface ChallengeOpener {
        Opened open(MixChallenge challenge, Steps steps);
    }

    /** A view model that opens a challenge through {@code opener} (called on {@code background}) when it opens one. */
    public MixerViewModel(AudioOutput audio, Executor background, Executor onUiThread, ChallengeOpener opener) {
        this.audio = audio;
        this.background = background;
        this.onUiThread = onUiThread;
        this.opener = opener;
        this.transport = new Transport(audio, loaded::get);
        listeningToTarget.addListener((obs, old, target) -> switchSource());
        // A new engine (another device chosen in Settings) starts empty: give it the mixes again.
        audio.engineProperty().addListener((obs, old, engine) -> {
            if (!loadedSources.isEmpty()) {
                engine.load(Map.copyOf(loadedSources));
                switchSource();
            }
        });
    }

    /** The challenge's title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What to do, from the lesson. */
    public ReadOnlyStringProperty briefProperty() {
        return brief.getReadOnlyProperty();
    }

    /** Loading notices and problems, one sentence; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "Score: 92 / 100 — passed (80 needed)", or empty before scoring. */
    public ReadOnlyStringProperty scoreTextProperty() {
        return scoreText.getReadOnlyProperty();
    }

    /** The last score 0…100, or −1 before scoring (or after a change). */
    public ReadOnlyIntegerProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    /** The last score's items, worst first. */
    public ObservableList<ScoreItem> scoreItems() {
        return scoreItems;
    }

    /** Whether a challenge is loaded and playable. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Whether loading, rendering or scoring is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the challenge lets the learner listen to the target. */
    public ReadOnlyBooleanProperty compareAllowedProperty() {
        return compareAllowed.getReadOnlyProperty();
    }

    /** Whether the target is what is heard (A/B); ignored when comparing is not allowed. */
    public BooleanProperty listeningToTargetProperty() {
        return listeningToTarget;
    }

    /** Whether the engine plays, refreshed each frame by {@link #refreshMeters()}. */
    public ReadOnlyBooleanProperty playingProperty() {
        return transport.playingProperty();
    }

    /** One per stem, in mixer order. */
    public ObservableList<TrackModel> tracks() {
        return tracks;
    }

    /** The track whose EQ and compressor are shown. */
    public ObjectProperty<TrackModel> selectedProperty() {
        return selected;
    }

    /** The stems' sample rate in Hz (48 kHz before loading). */
    public double sampleRateHz() {
        return renderer == null ? PlaybackEngine.SESSION_RATE_HZ : renderer.sampleRateHz();
    }

    /**
     * Opens the mix challenge of lesson {@code lessonId} (empty: the curriculum's first) as the
     * learner's progress allows: while its lesson is locked the Mixer says what to master first and
     * loads nothing, the same lock Home and Lessons show; once unlocked, its stems load.
     */
    public void open(LearnerRecords records, String lessonId) {
        Optional<PracticePlan.LessonProgress> lesson = records.plan().lessons().stream()
                .filter(p -> !p.lesson().challenges().isEmpty())
                .filter(p -> lessonId.isEmpty() || p.lesson().id().equals(lessonId))
                .findFirst();
        if (lesson.isEmpty()) {
            fail("No lesson has a mix challenge.");
            return;
        }
        MixChallenge challenge = lesson.get().lesson().challenges().get(0);
        if (!lesson.get().unlocked()) {
            title.set(challenge.title());
            brief.set("");
            fail("“" + lesson.get().lesson().title() + "” unlocks once you master " + String.join(" and ",
                    lesson.get().lesson().requires().stream()
                            .map(id -> records.library().lesson(id).map(l -> l.title()).orElse(id)).toList())
                    + "; Home shows the way there.");
            return;
        }
        if (!challenge.equals(opened)) {
            load(challenge);
        }
    }

    /** Loads {@code challenge} in the background; the tracks appear (or the problem) when done. */
    public void load(MixChallenge challenge) {
        opened = challenge;
        loaded.set(false);
        tracks.clear();
        message.set("");
        progress.set(0);
        step.set("Loading the stems");
        started();
        int mine = ++loads;
        background.execute(() -> {
            try {
                Opened made = opener.open(challenge, (fraction, what) -> onUiThread.execute(() -> {
                    if (mine == loads) {
                        progress.set(fraction);
                        step.set(what);
                    }
                }));
                onUiThread.execute(() -> {
                    if (mine == loads) {
                        show(made.setup(), made.renderer(), made.first());
                    }
                });
            } catch (BadInputException e) {
                onUiThread.execute(() -> failIfCurrent(mine, e.getMessage()));
            } catch (RuntimeException | OutOfMemoryError e) {
                onUiThread.execute(() -> failIfCurrent(mine, "The mix challenge could not be loaded (" + e + ")."));
            }
        });
    }

    private void failIfCurrent(int load, String sentence) {
        if (load == loads) {
            fail(sentence);
        }
    }

    /** The learner stops waiting for the stems: the load is dropped (what was rendered stays cached). */
    public void cancel() {
        if (!step.get().isEmpty()) {
            loads++;
            fail("Stopped loading the stems; open the challenge again when you like (what was rendered stays cached).");
        }
    }

    /** How far loading the challenge has come, 0…1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The step of loading under way, e.g. "Rendering rock-garage for the first time: 40 %"; empty otherwise. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    private void show(ChallengeSetup made, MixRenderer fresh, MixRenderer.Render first) {
        finished();
        progress.set(1);
        step.set("");
        setup = made;
        renderer = fresh;
        title.set(made.challenge().title());
        brief.set(made.challenge().brief().strip());
        compareAllowed.set(made.challenge().compareWithTarget());
        message.set("");
        tracks.setAll(made.start().tracks().stream().map(t -> new TrackModel(t, this::changed)).toList());
        selected.set(tracks.isEmpty() ? null : tracks.get(0));
        current = made.start();
        loadedSources.clear();
        if (made.challenge().compareWithTarget()) {
            loadedSources.put(TARGET, made.targetBounce());
        }
        installRender(made.start(), first);
        transport.cue(first.mix().durationS());
        loaded.set(true);
    }

    private void fail(String sentence) {
        finished();
        progress.set(0);
        step.set("");
        opened = null;
        loaded.set(false);
        tracks.clear();
        message.set(sentence);
    }

    /** A control moved: the session changes, the last score no longer applies, and the mix renders again. */
    private void changed() {
        current = new MixSession(current.material(), current.seed(), tracks.stream().map(TrackModel::strip).toList(),
                current.reverbBus(), current.delayBus(), current.masterChain(), current.masterFaderDb());
        score.set(-1);
        scoreText.set("");
        scoreItems.clear();
        requestRender();
    }

    private void requestRender() {
        if (renderInFlight || current.equals(rendered)) {
            return;
        }
        renderInFlight = true;
        MixSession wanted = current;
        started();
        background.execute(() -> {
            try {
                MixRenderer.Render made = renderer.render(wanted);
                onUiThread.execute(() -> {
                    finished();
                    renderInFlight = false;
                    installRender(wanted, made);
                    requestRender();
                });
            } catch (RuntimeException e) {
                onUiThread.execute(() -> {
                    finished();
                    renderInFlight = false;
                    message.set("The mix could not be rendered (" + e.getMessage() + ").");
                });
            }
        });
    }

    /** Loads a new render under the mix name not in use, then crossfades to it (unless the target is playing). */
    private void installRender(MixSession session, MixRenderer.Render made) {
        rendered = session;
        lastRender = made;
        activeMix = activeMix.equals(MIX_A) ? MIX_B : MIX_A;
        loadedSources.put(activeMix, made.mix());
        audio.engine().load(Map.copyOf(loadedSources));
        switchSource();
    }

    private void switchSource() {
        if (loadedSources.isEmpty()) {
            return;
        }
        boolean target = listeningToTarget.get() && compareAllowed.get() && loadedSources.containsKey(TARGET);
        audio.engine().switchTo(target ? TARGET : activeMix);
    }

    /** The name of the source the engine plays (for tests and the A/B label). */
    String heardSource() {
        return audio.engine().activeSource();
    }

    /** Starts or stops playback. */
    public void togglePlay() {
        transport.toggle();
    }

    /** Stops playback. */
    public void stop() {
        transport.stop();
    }

    /** Reads the playhead into each compressed track's gain-reduction meter; the view calls it each frame. */
    public void refreshMeters() {
        if (!loaded.get() || lastRender == null) {
            return;
        }
        transport.refresh();
        double atS = transport.positionSProperty().get();
        for (TrackModel t : tracks) {
            t.showGainReduction(t.compressorOnProperty().get() ? lastRender.gainReductionDbAt(t.stem(), atS) : 0);
        }
    }

    /** Scores the current mix against the challenge's goal, in the background. */
    public void scoreMix() {
        if (!loaded.get()) {
            return;
        }
        MixSession session = current;
        MixRenderer.Render ready = session.equals(rendered) ? lastRender : null;
        ChallengeSetup challenge = setup;
        scoreText.set("Scoring…");
        started();
        background.execute(() -> {
            try {
                AudioBuffer mix = ready != null ? ready.mix() : LiveMix.bounce(challenge.stems(), session);
                List<StemAudio> stems = new ArrayList<>();
                challenge.stems().forEach((name, buffer) -> stems.add(new StemAudio(name, buffer)));
                MixScore result = (challenge.targetSession().isPresent()
                        ? SessionScoring.score(stems, mix, challenge.targetSession().get())
                        : MixScorer.score(stems, mix, challenge.targetBounce())).scoredOn(challenge.challenge().scored());
                onUiThread.execute(() -> showScore(session, result));
            } catch (BadInputException e) {
                onUiThread.execute(() -> {
                    finished();
                    scoreText.set(e.getMessage());
                });
            }
        });
    }

    private void showScore(MixSession session, MixScore result) {
        finished();
        if (!session.equals(current)) {
            scoreText.set("");
            return; // the mix changed while it was scored
        }
        int pass = setup.challenge().passScore();
        score.set(result.score());
        scoreText.set(String.format(Locale.ROOT, "Score: %d / 100 — %s (%d needed)", result.score(),
                result.score() >= pass ? "passed" : "not yet", pass));
        List<ScoreItem> items = new ArrayList<>(result.items());
        items.sort(Comparator.comparingDouble(ScoreItem::pointsLost).reversed()
                .thenComparing(i -> i.verdict() == Verdict.WITHIN));
        scoreItems.setAll(items);
    }

    /** One line for a score item: verdict, what, error and advice. */
    public static String describe(ScoreItem item) {
        return String.format(Locale.ROOT, "%s · %s %s %+.1f %s — %s", item.verdict().word(), item.subject(), item.aspect(),
                item.error(), item.unit(), item.advice());
    }

    private void started() {
        tasks++;
        busy.set(true);
    }

    private void finished() {
        tasks = Math.max(0, tasks - 1);
        busy.set(tasks > 0);
    }
}
