package dev.mixdojo.ui.projector;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.live.Histogram;
import dev.mixdojo.classroom.live.JoinQr;
import dev.mixdojo.classroom.live.LiveQuestions;
import dev.mixdojo.classroom.live.LiveSession;
import dev.mixdojo.classroom.live.ProjectorState;
import dev.mixdojo.classroom.live.SessionMode;
import dev.mixdojo.audio.Resampler;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.Transport;
import dev.mixdojo.ui.exam.DrillSources;
import dev.mixdojo.web.LiveServer;
import java.net.BindException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;

/**
 * A live session started from the Projector screen: the teacher's assignment served to the room by the same
 * session and server as {@code classroom serve} ({@link LiveServer#serve}), results in the same folder. The screen
 * shows how to join and the counts, plays the open question's A/B through this computer, reveals, moves on and
 * ends the session; the projector page in a browser drives the same session. Starting, reading the audio and
 * stopping run on {@code background}; the properties belong to the JavaFX thread.
 */
public final class LiveRoomModel implements AutoCloseable {
    /** The port students connect to, as {@code classroom serve}'s default; any free one when it is taken. */
    public static final int PORT = 8421;

    /** Where the screen's live session is. */
    public enum State {
        /** No session: the teacher chooses an assignment and starts one. */
        IDLE,
        /** The questions are being made and the server is starting. */
        STARTING,
        /** Students join and answer. */
        RUNNING,
        /** The session is ending and the server stopping. */
        STOPPING
    }

    private final AudioOutput audio;
    private final Executor background;
    private final Executor onUiThread;
    private final Supplier<DrillSources> sources;
    private final Path resultsFolder;
    private final IntFunction<LiveServer.Options> options;
    private final Transport transport;
    private final StringProperty assignmentPath = new SimpleStringProperty("");
    private final ObjectProperty<SessionMode> mode = new SimpleObjectProperty<>(SessionMode.ROOM);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper joinAddress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<JoinQr> qr = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper projectorAddress = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper joined = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper connected = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper answered = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper questionNumber = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<ProjectorState.RoomPhase> phase =
            new ReadOnlyObjectWrapper<>(ProjectorState.RoomPhase.WAITING);
    private final ReadOnlyStringWrapper questionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Optional<Histogram>> histogram = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper audioReady = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper activeVersion = new ReadOnlyStringWrapper("a");
    private final AtomicBoolean refreshOwed = new AtomicBoolean();
    // A new engine (another device chosen in Settings) starts empty: give it the question's versions again.
    private final ChangeListener<PlaybackEngine> engineChanged = (obs, old, engine) -> reloadVersions(engine);
    private LiveServer server;
    private int audioFor;
    private Map<String, AudioBuffer> versions = Map.of();

    /**
     * A live room making questions from {@code sources}, keeping results in {@code resultsFolder}, serving with
     * {@code options} for a port ({@link #PORT}, or 0 for any free one), playing through {@code audio}.
     */
    public LiveRoomModel(AudioOutput audio, Executor background, Executor onUiThread, Supplier<DrillSources> sources,
            Path resultsFolder, IntFunction<LiveServer.Options> options) {
        this.audio = audio;
        this.background = background;
        this.onUiThread = onUiThread;
        this.sources = sources;
        this.resultsFolder = resultsFolder;
        this.options = options;
        this.transport = new Transport(audio, audioReady::get);
        audio.engineProperty().addListener(engineChanged);
    }

    /** The assignment file's path as typed or chosen. */
    public StringProperty assignmentPathProperty() {
        return assignmentPath;
    }

    /**
     * How the next session runs: {@link SessionMode#ROOM} (A/B through this computer's speakers, one question at a
     * time) or {@link SessionMode#OWN_HEADPHONES} (each student's device plays A/B, at their own pace).
     */
    public ObjectProperty<SessionMode> modeProperty() {
        return mode;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The assignment's title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The address students open, e.g. {@code http://192.168.1.20:8421/}. */
    public ReadOnlyStringProperty joinAddressProperty() {
        return joinAddress.getReadOnlyProperty();
    }

    /** The join code, in two groups of three digits. */
    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    /** The QR code of the join address with the code in it; null without a session. */
    public ReadOnlyObjectProperty<JoinQr> qrProperty() {
        return qr.getReadOnlyProperty();
    }

    /** The same session's projector page, for a browser on this computer. */
    public ReadOnlyStringProperty projectorAddressProperty() {
        return projectorAddress.getReadOnlyProperty();
    }

    /** How many devices joined. */
    public ReadOnlyIntegerProperty joinedProperty() {
        return joined.getReadOnlyProperty();
    }

    /** How many students' pages are open now. */
    public ReadOnlyIntegerProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** How many answered the question asked last. */
    public ReadOnlyIntegerProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    /** The question asked last (0 before the first). */
    public ReadOnlyIntegerProperty questionNumberProperty() {
        return questionNumber.getReadOnlyProperty();
    }

    /** Where the question asked last is. */
    public ReadOnlyObjectProperty<ProjectorState.RoomPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** "Question 2 of 10 — revealed", or what comes first. */
    public ReadOnlyStringProperty questionTextProperty() {
        return questionText.getReadOnlyProperty();
    }

    /** The prompt of the question asked last. */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /** The class's answers with the truth, once revealed. */
    public ReadOnlyObjectProperty<Optional<Histogram>> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    /** A problem's sentence, or where the results went. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the open question's versions are loaded to play. */
    public ReadOnlyBooleanProperty audioReadyProperty() {
        return audioReady.getReadOnlyProperty();
    }

    /** The version heard: {@code a} (original) or {@code b}. */
    public ReadOnlyStringProperty activeVersionProperty() {
        return activeVersion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return transport.playingProperty();
    }

    /** The results folder, where {@code classroom serve} keeps them too. */
    public Path resultsFolder() {
        return resultsFolder;
    }

    /** The session served now, if any (for the projector page's address and tests). */
    public Optional<LiveSession> session() {
        return Optional.ofNullable(server).map(LiveServer::session);
    }

    /** Opens the assignment, starts making its questions and serves a room session, in the background. */
    public void start() {
        String path = assignmentPath.get().strip();
        if (state.get() != State.IDLE) {
            return;
        }
        if (path.isEmpty()) {
            message.set("Choose the assignment file to run live (yours, with the results key).");
            return;
        }
        state.set(State.STARTING);
        message.set("");
        SessionMode chosen = mode.get();
        background.execute(() -> {
            try {
                LiveServer started = serve(Path.of(path), chosen);
                onUiThread.execute(() -> started(started));
            } catch (BadInputException e) {
                onUiThread.execute(() -> failedToStart(e.getMessage()));
            } catch (RuntimeException e) {
                onUiThread.execute(() -> failedToStart(startFailure(e)));
            }
        });
    }

    private LiveServer serve(Path assignment, SessionMode chosen) {
        OpenedPack pack = AssignmentPack.open(assignment);
        DrillSources from = sources.get();
        // Questions are made on the session's own thread: exercise audio of its own, over the same materials.
        LiveQuestions questions = LiveQuestions.inTemporaryFolder(pack, from.lessons(), from.kinds(),
                from.audio().forAnotherThread());
        SecureRandom random = new SecureRandom();
        try {
            return LiveServer.serve(pack, questions, chosen, resultsFolder, options.apply(PORT), random);
        } catch (BadInputException portTaken) {
            return LiveServer.serve(pack, LiveQuestions.inTemporaryFolder(pack, from.lessons(), from.kinds(),
                    from.audio().forAnotherThread()), chosen, resultsFolder, options.apply(0), random);
        }
    }

    /**
     * One plain sentence for a failure nobody foresaw while starting: the problem in its own words (a port in use, a
     * file that could not be written), never a class name or a stack trace.
     */
    static String startFailure(Throwable e) {
        Throwable innermost = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return "The live session could not start: its network port is in use by another program (or this"
                        + " computer does not have the address); stop that program or start again.";
            }
            if (t instanceof FileSystemException f && f.getFile() != null) {
                String reason = f.getReason() == null ? "it cannot be written" : f.getReason();
                return "The live session could not start: " + f.getFile() + " could not be made (" + reason + ").";
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                innermost = t;
            }
        }
        String problem = innermost.getMessage() == null || innermost.getMessage().isBlank()
                ? "an internal error in MixDojo" : innermost.getMessage().strip().replaceAll("[.]+$", "");
        return "The live session could not start: " + problem + ".";
    }

    private void started(LiveServer started) {
        server = started;
        LiveSession session = started.session();
        title.set(session.info().title());
        joinAddress.set(started.joinAddress());
        code.set(session.code().spaced());
        qr.set(JoinQr.of(started.joinLink()));
        projectorAddress.set(started.projectorAddress());
        session.addListener(new LiveSession.Listener() {
            @Override
            public void projectorChanged() {
                refreshSoon();
            }

            @Override
            public void studentsChanged(Collection<String> participantIds) {
            }
        });
        state.set(State.RUNNING);
        refresh();
    }

    private void failedToStart(String sentence) {
        state.set(State.IDLE);
        message.set(sentence);
    }

    /** A burst of answers costs one refresh on the JavaFX thread, not one per answer. */
    private void refreshSoon() {
        if (refreshOwed.compareAndSet(false, true)) {
            onUiThread.execute(this::refresh);
        }
    }

    private void refresh() {
        refreshOwed.set(false);
        if (server == null || state.get() != State.RUNNING) {
            return;
        }
        ProjectorState now = server.session().projector();
        joined.set(now.seats().size());
        connected.set(now.connectedCount());
        answered.set(now.answeredCount());
        questionNumber.set(now.questionNumber());
        phase.set(now.phase());
        prompt.set(now.prompt());
        histogram.set(now.histogram());
        questionText.set(questionText(now));
        message.set(String.join(" ", now.problems()));
        if (now.phase() == ProjectorState.RoomPhase.ENDED) {
            stop();
            return;
        }
        boolean asked = now.info().mode() == SessionMode.ROOM && (now.phase() == ProjectorState.RoomPhase.OPEN
                || now.phase() == ProjectorState.RoomPhase.REVEALED);
        if (asked && audioFor != now.questionNumber()) {
            loadVersions(now.questionNumber());
        }
    }

    private static String questionText(ProjectorState now) {
        int count = now.info().questionCount();
        if (now.info().mode() == SessionMode.OWN_HEADPHONES && now.phase() != ProjectorState.RoomPhase.ENDED) {
            return "Own headphones: each student plays A/B on their device and answers the " + count
                    + " questions at their own pace.";
        }
        return switch (now.phase()) {
            case WAITING -> "No question yet: press Next to ask the first of " + count + ".";
            case PREPARING -> "Question " + now.questionNumber() + " of " + count + " — preparing…";
            case OPEN -> "Question " + now.questionNumber() + " of " + count;
            case REVEALED -> "Question " + now.questionNumber() + " of " + count + " — revealed";
            case FAILED -> "Question " + now.questionNumber() + " could not be made; press Next.";
            case ENDED -> "The session has ended.";
        };
    }

    /** Reads the question's two versions in the background and loads them to play, A first. */
    private void loadVersions(int number) {
        audioFor = number;
        transport.stop();
        audioReady.set(false);
        LiveSession session = server.session();
        background.execute(() -> {
            try {
                Map<String, AudioBuffer> read = Map.of("a", atSessionRate(session.teacherAudio(number, "a")),
                        "b", atSessionRate(session.teacherAudio(number, "b")));
                onUiThread.execute(() -> {
                    if (audioFor == number && state.get() == State.RUNNING) {
                        versions = read;
                        reloadVersions(audio.engine());
                    }
                });
            } catch (RuntimeException e) {
                onUiThread.execute(() -> message.set("Question " + number + "'s audio could not be read ("
                        + e.getMessage() + "); play it from the projector page."));
            }
        });
    }

    private static AudioBuffer atSessionRate(Optional<Path> file) {
        return Resampler.resample(AudioFiles.read(file.orElseThrow(() -> new IllegalStateException("not asked yet")),
                new Warnings()), PlaybackEngine.SESSION_RATE_HZ);
    }

    private void reloadVersions(PlaybackEngine engine) {
        if (versions.isEmpty()) {
            return;
        }
        engine.load(versions);
        engine.switchTo("a");
        activeVersion.set("a");
        transport.cue(versions.get("a").frames() / (double) versions.get("a").sampleRateHz());
        audioReady.set(true);
    }

    /** Plays or stops the open question. */
    public void togglePlay() {
        transport.toggle();
    }

    /** Switches to version {@code a} or {@code b} without a gap. */
    public void select(String letter) {
        if (audioReady.get() && versions.containsKey(letter)) {
            audio.engine().switchTo(letter);
            activeVersion.set(letter);
        }
    }

    /** Switches to the other version. */
    public void switchVersion() {
        select(activeVersion.get().equals("a") ? "b" : "a");
    }

    /** Closes the open question and shows the class's answers with the truth. */
    public void reveal() {
        if (state.get() == State.RUNNING) {
            LiveSession session = server.session();
            background.execute(session::reveal);
        }
    }

    /** Asks the next question (after the last, ends the session). */
    public void next() {
        if (state.get() == State.RUNNING) {
            LiveSession session = server.session();
            background.execute(session::next);
        }
    }

    /** Ends the session, stops serving and says where the results are, in the background. */
    public void stop() {
        if (state.get() != State.RUNNING) {
            return;
        }
        state.set(State.STOPPING);
        transport.stop();
        LiveServer stopping = server;
        background.execute(() -> {
            stopping.endAndClose();
            onUiThread.execute(this::stopped);
        });
    }

    private void stopped() {
        server = null;
        audioFor = 0;
        versions = Map.of();
        audioReady.set(false);
        qr.set(null);
        joinAddress.set("");
        code.set("");
        projectorAddress.set("");
        histogram.set(Optional.empty());
        prompt.set("");
        questionText.set("");
        message.set("The session has ended. The results are in " + resultsFolder
                + ": open that folder with the assignment on the Gradebook screen.");
        state.set(State.IDLE);
    }

    /** Ends a running session at once (the screen is going away) and stops following the audio output. */
    @Override
    public void close() {
        audio.engineProperty().removeListener(engineChanged);
        transport.close();
        if (server != null) {
            server.endAndClose();
            server = null;
        }
    }
}
