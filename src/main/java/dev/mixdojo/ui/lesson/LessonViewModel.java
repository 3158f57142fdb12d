package dev.mixdojo.ui.lesson;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.exercise.DemoAudio;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.lesson.Demo;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.Teaching;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Lessons screen's logic: the curriculum's lessons, the one being read (its text in
 * paragraphs, its demonstrations and drills), and the demonstration player — play a version,
 * switch versions instantly while it plays, or sweep through them. Lessons load and demos render
 * on the background executor; the properties belong to the JavaFX thread.
 */
public final class LessonViewModel {
    /** How long a sweep stays on each version, in seconds. */
    public static final double SWEEP_STEP_S = 2.5;

    private final Teaching teaching;
    private final AudioOutput audio;
    private final Executor background;
    private final Executor onUiThread;
    private final BiConsumer<String, String> startDrill;
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Lesson> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Demo> demo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper demoVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper demoPlaying = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper demoRendering = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper(false);
    private final Map<Demo, Map<String, AudioBuffer>> rendered = new HashMap<>();
    private ExerciseAudio material;
    private boolean loaded;
    private LessonLibrary library; // set on the JavaFX thread once read
    private String requestedLessonId;

    /** {@code startDrill} receives (lesson id, drill id) when the learner starts a drill. */
    public LessonViewModel(Teaching teaching, AudioOutput audio, Executor background, Executor onUiThread,
            BiConsumer<String, String> startDrill) {
        this.teaching = teaching;
        this.audio = audio;
        this.background = background;
        this.onUiThread = onUiThread;
        this.startDrill = startDrill;
        audio.engineProperty().addListener((obs, old, engine) -> stopDemo());
    }

    /** The lessons in curriculum order. */
    public ObservableList<Lesson> lessons() {
        return FXCollections.unmodifiableObservableList(lessons);
    }

    /** The lesson being read. */
    public ReadOnlyObjectProperty<Lesson> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Why the lessons could not be read, or warnings; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * Reads the lessons in the background (once) and opens the lesson the learner practised last,
     * or the first lesson.
     */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        loading.set(true);
        background.execute(() -> {
            try {
                LessonLibrary read = teaching.lessons();
                Warnings warnings = new Warnings();
                List<Attempt> attempts = teaching.log().readAll(warnings);
                Optional<Lesson> last = attempts.isEmpty() ? Optional.empty()
                        : read.lesson(attempts.get(attempts.size() - 1).lessonId());
                onUiThread.execute(() -> {
                    lessons.setAll(read.lessons());
                    message.set(String.join("\n", warnings.all()));
                    loading.set(false);
                    library = read;
                    // A lesson Home asked for wins over the one practised last.
                    Optional.ofNullable(requestedLessonId).flatMap(read::lesson).or(() -> last)
                            .or(() -> read.lessons().stream().findFirst()).ifPresent(this::select);
                });
            } catch (RuntimeException e) {
                onUiThread.execute(() -> {
                    loading.set(false);
                    message.set(sentence(e, "The lessons could not be read"));
                });
            }
        });
    }

    /** Opens the lesson with this id (as Home asks), now or once the lessons are read; unknown ids are ignored. */
    public void open(String lessonId) {
        requestedLessonId = lessonId;
        if (library != null) {
            library.lesson(lessonId).ifPresent(this::select);
        }
    }

    /** Opens a lesson (stopping any demonstration). */
    public void select(Lesson lesson) {
        if (lesson != null && lesson != selected.get()) {
            stopDemo();
            rendered.clear();
            selected.set(lesson);
        }
    }

    /** The lesson's explanation as paragraphs: blank lines separate them; line breaks inside one are spaces. */
    public static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.strip().split("\\n\\s*\\n")) {
            String joined = block.strip().replaceAll("\\s*\\n\\s*", " ");
            if (!joined.isEmpty()) {
                paragraphs.add(joined);
            }
        }
        return paragraphs;
    }

    /** Starts practising one of the lesson's drills (the host opens the Practice screen). */
    public void startDrill(DrillSpec drill) {
        Lesson lesson = selected.get();
        if (lesson != null) {
            stopDemo();
            startDrill.accept(lesson.id(), drill.id());
        }
    }

    /** The demonstration loaded in the player, or null. */
    public ReadOnlyObjectProperty<Demo> demoProperty() {
        return demo.getReadOnlyProperty();
    }

    /** The label of the version heard. */
    public ReadOnlyStringProperty demoVersionProperty() {
        return demoVersion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty demoPlayingProperty() {
        return demoPlaying.getReadOnlyProperty();
    }

    /** Whether a demonstration is being rendered. */
    public ReadOnlyBooleanProperty demoRenderingProperty() {
        return demoRendering.getReadOnlyProperty();
    }

    /** Whether the player steps through the versions by itself. */
    public ReadOnlyBooleanProperty sweepingProperty() {
        return sweeping.getReadOnlyProperty();
    }

    /**
     * Plays {@code label} of {@code shown}: at once, at the same position, when that demo is
     * playing (A/B between versions); otherwise after rendering it in the background.
     */
    public void play(Demo shown, String label) {
        sweeping.set(false);
        listen(shown, label);
    }

    /** Plays or stops {@code shown}, starting at its first version. */
    public void toggle(Demo shown) {
        if (demoPlaying.get() && shown.equals(demo.get())) {
            stopDemo();
        } else {
            play(shown, shown.versions().get(0).label());
        }
    }

    /** Plays {@code shown}, moving to the next version every {@value #SWEEP_STEP_S} s ({@link #advanceSweep}). */
    public void sweep(Demo shown) {
        listen(shown, shown.versions().get(0).label());
        sweeping.set(true);
    }

    /** The sweep's next step: the next version, after the last the first again. The view calls it on its timer. */
    public void advanceSweep() {
        Demo shown = demo.get();
        if (!sweeping.get() || shown == null || !demoPlaying.get()) {
            return;
        }
        List<Demo.Version> versions = shown.versions();
        int now = 0;
        while (now < versions.size() && !versions.get(now).label().equals(demoVersion.get())) {
            now++;
        }
        listen(shown, versions.get((now + 1) % versions.size()).label());
    }

    /** Stops the demonstration and the sweep. */
    public void stopDemo() {
        audio.engine().stop();
        demoPlaying.set(false);
        sweeping.set(false);
    }

    /** Reads the engine's state; the view calls it each frame while shown. */
    public void refresh() {
        if (demoPlaying.get() && !audio.engine().isPlaying()) {
            demoPlaying.set(false);
            sweeping.set(false);
        }
    }

    private void listen(Demo shown, String label) {
        if (shown.equals(demo.get()) && demoPlaying.get()) {
            audio.engine().switchTo(label);
            demoVersion.set(label);
            return;
        }
        Map<String, AudioBuffer> versions = rendered.get(shown);
        if (versions != null) {
            start(shown, versions, label);
            return;
        }
        audio.engine().stop();
        demoPlaying.set(false);
        demoRendering.set(true);
        demo.set(shown);
        demoVersion.set(label);
        background.execute(() -> {
            try {
                Map<String, AudioBuffer> made;
                synchronized (this) {
                    if (material == null) {
                        material = teaching.newExerciseAudio();
                    }
                    made = DemoAudio.render(shown, material, shown.title().hashCode());
                }
                onUiThread.execute(() -> {
                    rendered.put(shown, made);
                    demoRendering.set(false);
                    // Still wanted: the learner may have picked another demo meanwhile.
                    if (shown.equals(demo.get())) {
                        start(shown, made, demoVersion.get());
                    }
                });
            } catch (RuntimeException e) {
                onUiThread.execute(() -> {
                    demoRendering.set(false);
                    message.set(sentence(e, "The demonstration could not be rendered"));
                });
            }
        });
    }

    /** A bad file's own sentence, or what failed with the fault named (never a stack trace). */
    private static String sentence(RuntimeException e, String what) {
        return e instanceof BadInputException ? e.getMessage() : what + " (" + e + ").";
    }

    private void start(Demo shown, Map<String, AudioBuffer> versions, String label) {
        audio.engine().stop();
        audio.engine().clearLoop();
        audio.engine().load(versions);
        audio.engine().switchTo(label);
        audio.engine().seekFrames(0);
        audio.engine().play();
        demo.set(shown);
        demoVersion.set(label);
        demoPlaying.set(true);
    }
}
