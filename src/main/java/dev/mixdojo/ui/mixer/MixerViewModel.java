package dev.mixdojo.ui.mixer;

import dev.mixdojo.analysis.loudness.LoudnessMeter;
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
import dev.mixdojo.mix.GroupBus;
import dev.mixdojo.mix.LiveMix;
import dev.mixdojo.mix.MixMeters;
import dev.mixdojo.mix.MixSessionReader;
import dev.mixdojo.mix.MixSession;
import dev.mixdojo.progress.ChallengeScores;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.LearnerRecords;
import dev.mixdojo.ui.Steps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
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
 * per stem, and plays the learner's mix live: a {@link LiveMix} attached to the app's playback engine
 * mixes the stems on the audio thread, and every control change is posted to it and heard from the next
 * block, ramped. A/B crossfades to the target at the same position, at the loudness of the mix, when the
 * challenge allows. The meters read the engine's. "Score my mix" scores the bounce of the current session
 * (the same engine run offline, so what was heard is what is scored) against the goal, over the stretch the
 * challenge scores, in the background.
 * Properties belong to the JavaFX thread.
 */
public final class MixerViewModel {
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
    private final ReadOnlyBooleanWrapper playable = new ReadOnlyBooleanWrapper(false);
    /** Whether the challenge being loaded already plays with the stems that were ready (the rest join). */
    private boolean startedEarly;
    /** The stems the engine plays, by name, while it started early. */
    private final Map<String, AudioBuffer> joined = new HashMap<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper compareAllowed = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty listeningToTarget = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper positionS = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper lengthS = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper masterPeakDb = new ReadOnlyDoubleWrapper(Double.NEGATIVE_INFINITY);
    private final ReadOnlyDoubleWrapper masterLufs = new ReadOnlyDoubleWrapper(Double.NEGATIVE_INFINITY);
    private final ObservableList<TrackModel> tracks = FXCollections.observableArrayList();
    /** The group buses' strips, in the session's order; set before {@link #tracks}, which the view follows. */
    private List<TrackModel> groups = List.of();
    /** The reverb and the delay return faders; set before {@link #tracks}. */
    private List<ReturnModel> returns = List.of();
    private final ObjectProperty<TrackModel> selected = new SimpleObjectProperty<>();
    private final ObservableList<ScoreItem> scoreItems = FXCollections.observableArrayList();
    private ChallengeSetup setup;
    /** The challenge loaded or being loaded, or null. */
    private MixChallenge opened;
    private MixSession current;
    /** The engine playing the loaded challenge, or null. */
    private LiveMix live;
    /** Where the song is, for writing rides: the engine's playhead while playing is asked for. */
    private final TrackModel.Playhead playhead = new TrackModel.Playhead() {
        @Override
        public boolean playing() {
            return live != null && playing.get();
        }

        @Override
        public double positionS() {
            return live == null ? 0 : live.positionFrames() / (double) live.sampleRateHz();
        }
    };
    /** The target's integrated loudness in LUFS, for level-matched A/B. */
    private double targetLufs;
    private int tasks;
    private final ObservableList<ChallengeEntry> challenges = FXCollections.observableArrayList();
    /** The learner's progress last given to {@link #open}, or null. */
    private LearnerRecords records;

    /**
     * One mix challenge the Mixer lists: its lesson, title, whether the lesson is unlocked, and its best score so far
     * with whether it passed (from the attempt log, as {@link ChallengeScores} keeps it).
     */
    public record ChallengeEntry(String lessonId, String title, boolean unlocked, Optional<ChallengeScores.Best> best) {
        @Override
        public String toString() {
            if (!unlocked) {
                return title + " (locked)";
            }
            return best.map(b -> String.format(Locale.ROOT, "%s — best %d%s", title, b.score(), b.passed() ? ", passed ✓" : ""))
                    .orElse(title);
        }
    }

    /** Keeps a scored mix of the challenge of {@code lessonId} in the learner's progress. */
    @FunctionalInterface
    public interface ScoreKeeper {
        /** Keeps {@code score} (0–100) of {@code challenge}, mixed for {@code workedMs} since it opened. */
        void keep(String lessonId, MixChallenge challenge, int score, long workedMs);
    }

    /** Where scores are kept: nowhere until {@link #keepScoresWith} says. */
    private ScoreKeeper keeper = (lessonId, challenge, points, workedMs) -> { };
    /** The lesson whose challenge is loaded or loading, or null when it was loaded without one. */
    private String openedLessonId;
    /** When the loaded challenge was shown, in {@link System#nanoTime()}. */
    private long shownAtNanos;
    private boolean hearingTarget;
    /** Whether the engine has reported playing since the last play was asked for. */
    private boolean engineStarted;

    /**
     * A challenge ready to mix: its setup, and its target's integrated loudness (LUFS, BS.1770), by which
     * A/B plays the target at the mix's loudness.
     */
    public record Opened(ChallengeSetup setup, double targetLufs) {
        /** Measures the target of {@code setup}. */
        public static Opened of(ChallengeSetup setup) {
            AudioBuffer target = setup.targetBounce();
            LoudnessMeter meter = new LoudnessMeter(target.sampleRateHz(), target.channelCount(), false);
            meter.accept(target.channels(), target.frames());
            return new Opened(setup, meter.result().integratedLufs());
        }
    }

    /** Opens a challenge (on a worker), telling the steps how far it has come. */
    @FunctionalInterface
    public interface ChallengeOpener {
        Opened open(MixChallenge challenge, Steps steps);

        /**
         * As {@link #open(MixChallenge, Steps)}, handing {@code ready} each stem (its name and audio, the same the
         * opened challenge will have) as soon as it is there, on the opening thread; by default none before the end.
         */
        default Opened open(MixChallenge challenge, Steps steps, BiConsumer<String, AudioBuffer> ready) {
            return open(challenge, steps);
        }
    }

    /** A view model that opens a challenge through {@code opener} (called on {@code background}) when it opens one. */
    public MixerViewModel(AudioOutput audio, Executor background, Executor onUiThread, ChallengeOpener opener) {
        this.audio = audio;
        this.background = background;
        this.onUiThread = onUiThread;
        this.opener = opener;
        listeningToTarget.addListener((obs, old, target) -> hearTarget(target));
        // A new engine (another device chosen in Settings) plays the mix from where it was.
        audio.engineProperty().addListener((obs, old, engine) -> {
            if (live != null) {
                old.detach(live);
                engine.attach(live);
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

    /**
     * Whether the mix can be played and mixed: once the challenge is loaded, or before, as soon as its first stems
     * are ready (the other channels join as their stems are; scoring and A/B wait for the whole challenge).
     */
    public ReadOnlyBooleanProperty playableProperty() {
        return playable.getReadOnlyProperty();
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

    /** Whether the mix plays, refreshed each frame by {@link #refreshMeters()}. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The playhead in seconds, refreshed each frame by {@link #refreshMeters()}. */
    public ReadOnlyDoubleProperty positionSProperty() {
        return positionS.getReadOnlyProperty();
    }

    /** The master's peak reading in dBFS (falls 20 dB in 1.5 s; −∞ at rest), refreshed each frame. */
    public ReadOnlyDoubleProperty masterPeakDbProperty() {
        return masterPeakDb.getReadOnlyProperty();
    }

    /** The master's short-term (3 s) loudness in LUFS (−∞ at rest), refreshed each frame. */
    public ReadOnlyDoubleProperty masterLufsProperty() {
        return masterLufs.getReadOnlyProperty();
    }

    /** One per stem, in mixer order. */
    public ObservableList<TrackModel> tracks() {
        return tracks;
    }

    /** One per group bus of the open challenge (its EQ, compressor and fader), replaced whenever {@link #tracks} are. */
    public List<TrackModel> groups() {
        return groups;
    }

    /** The reverb's and the delay's return faders of the open challenge (none before one opens), replaced with {@link #tracks}. */
    public List<ReturnModel> returns() {
        return returns;
    }

    /** The track whose EQ and compressor are shown. */
    public ObjectProperty<TrackModel> selectedProperty() {
        return selected;
    }

    /** The stems' sample rate in Hz (48 kHz before loading). */
    public double sampleRateHz() {
        return live == null ? PlaybackEngine.SESSION_RATE_HZ : live.sampleRateHz();
    }

    /**
     * Opens the mix challenge of lesson {@code lessonId} (empty: the curriculum's first) as the
     * learner's progress allows: while its lesson is locked the Mixer says what to master first and
     * loads nothing, the same lock Home and Lessons show; once unlocked, its stems load.
     */
    public void open(LearnerRecords records, String lessonId) {
        this.records = records;
        showProgress(records);
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
            openedLessonId = lesson.get().lesson().id();
        }
    }

    /**
     * The learner's progress changed (a mix scored, a lesson mastered elsewhere): the list and its locks follow, and
     * the challenge that is open stays open; with none open, the challenge of {@code lessonId} opens as {@link #open} does.
     */
    public void progressChanged(LearnerRecords records, String lessonId) {
        open(records, opened != null && openedLessonId != null ? openedLessonId : lessonId);
    }

    private void showProgress(LearnerRecords records) {
        challenges.setAll(records.plan().lessons().stream().filter(p -> !p.lesson().challenges().isEmpty())
                .map(p -> {
                    MixChallenge first = p.lesson().challenges().get(0);
                    return new ChallengeEntry(p.lesson().id(), first.title(), p.unlocked(),
                            ChallengeScores.best(records.attempts(), p.lesson().id(), first.id()));
                }).toList());
    }

    /** Shows a problem in one sentence (e.g. a score that could not be kept), the mix playing on. */
    void showProblem(String sentence) {
        message.set(sentence);
    }

    /** Each score of a challenge opened from a lesson is kept through {@code keeper} (the app's progress log). */
    public void keepScoresWith(ScoreKeeper keeper) {
        this.keeper = keeper;
    }

    /** Every lesson's mix challenge in curriculum order, with whether it is unlocked; filled by {@link #open}. */
    public ObservableList<ChallengeEntry> challenges() {
        return challenges;
    }

    /** Opens the challenge of lesson {@code lessonId} as the progress last given to {@link #open} allows. */
    public void openChallenge(String lessonId) {
        if (records != null) {
            open(records, lessonId);
        }
    }

    /** Loads {@code challenge} in the background; the tracks appear (or the problem) when done. */
    public void load(MixChallenge challenge) {
        opened = challenge;
        openedLessonId = null;
        loaded.set(false);
        startedEarly = false;
        tracks.clear();
        message.set("");
        progress.set(0);
        step.set("Loading the stems");
        started();
        int mine = ++loads;
        background.execute(() -> {
            try {
                Optional<MixSession> start = earlyStart(challenge);
                Opened made = opener.open(challenge, (fraction, what) -> onUiThread.execute(() -> {
                    if (mine == loads) {
                        progress.set(fraction);
                        step.set(what);
                    }
                }), (stem, audio) -> start.ifPresent(session -> onUiThread.execute(() -> {
                    if (mine == loads) {
                        arrived(session, stem, audio);
                    }
                })));
                onUiThread.execute(() -> {
                    if (mine == loads) {
                        show(made);
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

    /** The session a challenge starts from, read ahead so that its first stems can play before it is loaded; empty when its goal is a bounce. */
    private static Optional<MixSession> earlyStart(MixChallenge challenge) {
        try {
            return challenge.targetSession().map(goal -> ChallengeSetup.startFrom(challenge.start(), MixSessionReader.read(goal)));
        } catch (BadInputException e) {
            return Optional.empty(); // the load says what is wrong with it
        }
    }

    /**
     * A stem of the challenge being loaded is ready: the first one starts the mix (its channels shown, the others
     * waiting for their stems), each further one joins it.
     */
    private void arrived(MixSession start, String stem, AudioBuffer audio) {
        if (!start.stems().contains(stem)) {
            return;
        }
        if (!startedEarly) {
            startedEarly = true;
            clearScore();
            detach();
            current = start;
            joined.clear();
            joined.put(stem, audio);
            live = LiveMix.startingWith(Map.of(stem, audio), start);
            showChannels();
            tracks.forEach(t -> t.showPending(!t.stem().equals(stem)));
            startPlaying();
            return;
        }
        join(stem, audio);
    }

    /** A stem the early engine does not play yet (or plays other audio of) joins it, and its channel stops waiting. */
    private void join(String stem, AudioBuffer audio) {
        if (current.stems().contains(stem) && !sameAudio(joined.get(stem), audio)) {
            live.join(stem, audio);
            joined.put(stem, audio);
            tracks.stream().filter(t -> t.stem().equals(stem)).forEach(t -> t.showPending(false));
            lengthS.set(Math.max(lengthS.get(), audio.durationS()));
        }
    }

    /** Whether two buffers hold the same samples (a stem handed over early is a copy of the one loaded). */
    private static boolean sameAudio(AudioBuffer a, AudioBuffer b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.channelCount() != b.channelCount() || a.sampleRateHz() != b.sampleRateHz()) {
            return false;
        }
        for (int c = 0; c < a.channelCount(); c++) {
            if (!Arrays.equals(a.channel(c), b.channel(c))) {
                return false;
            }
        }
        return true;
    }

    /** The channels of the session being mixed: its group buses, the two returns and (last: the view follows them) its tracks. */
    private void showChannels() {
        groups = current.groups().stream().map(g -> new TrackModel(g.strip(), this::changed, playhead)).toList();
        returns = List.of(new ReturnModel("reverb", current.reverbReturnDb(), this::changed),
                new ReturnModel("delay", current.delayReturnDb(), this::changed));
        tracks.setAll(current.tracks().stream().map(t -> new TrackModel(t, this::changed, playhead)).toList());
    }

    /** The engine plays on the app's device, and its tracks can be played and mixed. */
    private void startPlaying() {
        audio.engine().attach(live);
        lengthS.set(live.lengthFrames() / (double) live.sampleRateHz());
        selected.set(tracks.isEmpty() ? null : tracks.get(0));
        positionS.set(0);
        playable.set(true);
    }

    private void show(Opened made) {
        finished();
        progress.set(1);
        step.set("");
        setup = made.setup();
        targetLufs = made.targetLufs();
        MixChallenge challenge = setup.challenge();
        title.set(challenge.title());
        brief.set(challenge.brief().strip());
        compareAllowed.set(challenge.compareWithTarget());
        message.set("");
        if (startedEarly && current.stems().equals(setup.start().stems())) {
            // Already playing with the stems that were ready: the rest join, and the target comes for A/B.
            setup.stems().forEach(this::join);
            if (challenge.compareWithTarget()) {
                live.giveTarget(setup.targetBounce());
            }
        } else {
            current = setup.start();
            clearScore(); // the last challenge's score is not this one's
            detach();
            live = new LiveMix(setup.stems(), current,
                    challenge.compareWithTarget() ? Optional.of(setup.targetBounce()) : Optional.empty());
            showChannels();
            startPlaying();
        }
        hearTarget(listeningToTarget.get());
        shownAtNanos = System.nanoTime();
        loaded.set(true);
    }

    /** The engine goes back to its own sources: the mixer's mix stops being heard. */
    private void detach() {
        if (live != null) {
            live.stop();
            audio.engine().detach(live);
            live = null;
        }
        playing.set(false);
        playable.set(false);
    }

    private void fail(String sentence) {
        finished();
        progress.set(0);
        step.set("");
        opened = null;
        loaded.set(false);
        startedEarly = false;
        detach();
        groups = List.of();
        returns = List.of();
        tracks.clear();
        message.set(sentence);
    }

    /** A control moved: the session changes, the last score no longer applies, and the engine plays the change. */
    private void changed() {
        List<GroupBus> buses = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            buses.add(current.groups().get(g).withStrip(groups.get(g).strip()));
        }
        MixSession next = current.withTracks(tracks.stream().map(TrackModel::strip).toList()).withGroups(buses)
                .withReturnsDb(returns.get(0).faderDbProperty().get(), returns.get(1).faderDbProperty().get());
        clearScore();
        try {
            live.apply(next);
            current = next;
        } catch (BadInputException e) {
            message.set("That setting cannot be played: " + e.getMessage());
        }
    }

    /** No score shown: none yet, or the mix changed since. */
    private void clearScore() {
        score.set(-1);
        scoreText.set("");
        scoreItems.clear();
        tracks.forEach(t -> t.showVerdict(""));
        returns.forEach(r -> r.showVerdict(""));
    }

    /** Hears the target (when allowed) at the loudness the mix has now, or the mix again. */
    private void hearTarget(boolean target) {
        if (live == null || !live.hasTarget()) {
            return;
        }
        if (target) {
            double mixLufs = live.meters().master().shortTermLufs();
            double gainDb = Double.isFinite(mixLufs) && Double.isFinite(targetLufs) ? mixLufs - targetLufs : 0;
            live.setTargetGainDb(Math.max(-60, Math.min(24, gainDb)));
        }
        hearingTarget = target && compareAllowed.get();
        live.hearTarget(hearingTarget);
    }

    /** The session the engine plays (for tests). */
    MixSession playedSession() {
        return live.session();
    }

    /** Whether the target is what is asked to be heard (for tests and the A/B label). */
    boolean hearsTarget() {
        return hearingTarget;
    }

    /** Starts or stops playback. */
    public void togglePlay() {
        if (live == null) {
            return;
        }
        if (playing.get()) {
            live.stop();
            finishRides();
        } else {
            audio.engine().attach(live); // again after the screen was left
            live.play();
            engineStarted = false;
        }
        playing.set(!playing.get());
    }

    /** Moves the playhead to {@code seconds} (clamped to the mix). */
    public void seek(double seconds) {
        if (live != null) {
            finishRides();
            long frame = Math.round(Math.max(0, seconds) * live.sampleRateHz());
            live.seekFrames(Math.min(frame, live.lengthFrames()));
            positionS.set(frame / (double) live.sampleRateHz());
        }
    }

    /** Stops playback. */
    public void stop() {
        if (live != null) {
            live.stop();
            finishRides();
        }
        playing.set(false);
    }

    /** Any ride being written ends at the playhead. */
    private void finishRides() {
        double atS = playhead.positionS();
        tracks.forEach(t -> t.finishRide(atS));
    }

    /** The song's length in seconds (0 before loading). */
    public ReadOnlyDoubleProperty lengthSProperty() {
        return lengthS.getReadOnlyProperty();
    }

    /**
     * The screen is left: the mix stops and the engine goes back to its own sources, so the other screens'
     * sound plays again; playing here attaches the mix again.
     */
    public void leave() {
        stop();
        if (live != null) {
            audio.engine().detach(live);
        }
    }

    /**
     * Reads the engine's meters into each track (peak, gain reduction), the master's and the playhead; the
     * view calls it each frame. Never waits for the audio thread.
     */
    public void refreshMeters() {
        if (live == null) {
            return;
        }
        MixMeters meters = live.meters();
        for (int t = 0; t < tracks.size(); t++) {
            MixMeters.Channel channel = meters.tracks().get(t);
            tracks.get(t).showMeter(channel.peakDb(), channel.gainReductionDb());
        }
        for (int g = 0; g < groups.size(); g++) {
            MixMeters.Channel channel = meters.tracks().get(tracks.size() + g);
            groups.get(g).showMeter(channel.peakDb(), channel.gainReductionDb());
        }
        masterPeakDb.set(Math.max(meters.master().peakLeftDb(), meters.master().peakRightDb()));
        masterLufs.set(meters.master().shortTermLufs());
        positionS.set(meters.positionFrames() / (double) live.sampleRateHz());
        // The engine takes a play at its next block: until it has reported playing, the request stands.
        if (live.isPlaying()) {
            engineStarted = true;
        } else if (engineStarted && playing.get()) {
            playing.set(false); // stopped by itself at the end
            finishRides();
        }
    }

    /** Scores the current mix against the challenge's goal, in the background. */
    public void scoreMix() {
        if (!loaded.get()) {
            return;
        }
        MixSession session = current;
        ChallengeSetup challenge = setup;
        scoreText.set("Scoring…");
        started();
        background.execute(() -> {
            try {
                Map<String, AudioBuffer> scored = challenge.scoredStems();
                AudioBuffer mix = LiveMix.bounce(scored, session);
                List<StemAudio> stems = new ArrayList<>();
                scored.forEach((name, buffer) -> stems.add(new StemAudio(name, buffer)));
                MixScore result = (challenge.targetSession().isPresent()
                        ? SessionScoring.score(stems, mix, challenge.targetSession().get())
                        : MixScorer.score(stems, mix, challenge.targetBounce().opening(challenge.challenge().scoredUntilS())))
                        .scoredOn(challenge.challenge().scored());
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
        if (openedLessonId != null) { // the lesson's challenge, as its lesson lists it
            keeper.keep(openedLessonId, opened, result.score(), (System.nanoTime() - shownAtNanos) / 1_000_000);
        }
        scoreText.set(String.format(Locale.ROOT, "Score: %d / 100 — %s (%d needed)", result.score(),
                result.score() >= pass ? "passed" : "not yet", pass));
        List<ScoreItem> items = new ArrayList<>(result.items());
        items.sort(Comparator.comparingDouble(ScoreItem::pointsLost).reversed()
                .thenComparing(i -> i.verdict() == Verdict.WITHIN));
        scoreItems.setAll(items);
        for (TrackModel t : tracks) {
            t.showVerdict(verdictOf(t.stem(), items));
        }
        for (ReturnModel r : returns) {
            r.showVerdict(verdictOf(r.subject(), items));
        }
    }

    /** A track's worst item in a few words ("level +2.3 dB, outside"), or "✓ within" when it has none to fix. */
    static String verdictOf(String stem, List<ScoreItem> worstFirst) {
        List<ScoreItem> own = worstFirst.stream().filter(i -> i.subject().equals(stem)).toList();
        ScoreItem worst = own.isEmpty() ? null : own.get(0);
        if (worst == null || worst.verdict() == Verdict.WITHIN) {
            return "✓ within";
        }
        return String.format(Locale.ROOT, "%s %+.1f %s, %s", worst.aspect(), worst.error(), worst.unit(), worst.verdict().word());
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
