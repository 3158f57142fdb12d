package dev.mixdojo.ui.lesson;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.exercise.DemoAudio;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.exercise.QuestionKind;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.Demo;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.progress.Staircase;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.LearnerRecords;
import dev.mixdojo.ui.ProgressStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Lessons screen's logic: the curriculum's lessons from the {@link ProgressStore} (locked or
 * not, mastered or not), the one being read (its text in paragraphs, where it stands on the way to
 * mastery, its demonstrations, drills and mix challenges), and the demonstration player — play a
 * version, switch versions instantly while it plays, or sweep through them. Demos render on the
 * background executor; the properties belong to the JavaFX thread.
 */
public final class LessonViewModel {
    /** How long a sweep stays on each version, in seconds. */
    public static final double SWEEP_STEP_S = 2.5;

    private final ProgressStore store;
    private final AudioOutput audio;
    private final Executor background;
    private final Executor onUiThread;
    private final BiConsumer<String, String> startDrill;
    private final Consumer<String> openChallenge;
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Lesson> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper standing = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LearnerRecords> records = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Demo> demo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper demoVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper demoPlaying = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper demoRendering = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper demoProgress = new ReadOnlyDoubleWrapper(0);
    /** Counts demo renders asked for, so a cancelled one does not start playing when it is done. */
    private int renders;
    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper(false);
    private final Map<Demo, Map<String, AudioBuffer>> rendered = new HashMap<>();
    private ExerciseAudio material;
    private String requestedLessonId;

    /**
     * {@code startDrill} receives (lesson id, drill id) when the learner starts a drill, and
     * {@code openChallenge} the lesson id when they open its mix challenge.
     */
    public LessonViewModel(ProgressStore store, AudioOutput audio, Executor background, Executor onUiThread,
            BiConsumer<String, String> startDrill, Consumer<String> openChallenge) {
        this.store = store;
        this.audio = audio;
        this.background = background;
        this.onUiThread = onUiThread;
        this.startDrill = startDrill;
        this.openChallenge = openChallenge;
        audio.engineProperty().addListener((obs, old, engine) -> stopDemo());
    }

    /** The store this screen reads (the view follows it while shown). */
    public ProgressStore store() {
        return store;
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

    /** Whether the lesson being read is locked: it can be read and its demos heard, but its drills wait. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /**
     * Where the learner stands with the lesson being read, in lines: locked (and what first), or the
     * mastery rule for each of its skills with the learner's answers and level now, or mastered.
     */
    public ReadOnlyStringProperty standingProperty() {
        return standing.getReadOnlyProperty();
    }

    /** The store's records as last shown (for the lesson list's marks); null before they are read. */
    public ReadOnlyObjectProperty<LearnerRecords> recordsProperty() {
        return records.getReadOnlyProperty();
    }

    /**
     * Shows what the store holds now (asking it to read the lessons if nobody has): the curriculum,
     * and, the first time, the lesson Home asked for, else the one practised last, else the first.
     */
    public void refresh() {
        store.load();
        LearnerRecords now = store.recordsProperty().get();
        loading.set(now == null && store.problemProperty().get().isEmpty());
        if (now == null) {
            message.set(store.problemProperty().get());
            return;
        }
        boolean first = records.get() == null || records.get().library() != now.library();
        records.set(now);
        message.set(String.join("\n", now.warnings()));
        if (first) {
            lessons.setAll(now.library().lessons());
            LessonLibrary library = now.library();
            Optional.ofNullable(requestedLessonId).flatMap(library::lesson)
                    .or(() -> now.last().flatMap(a -> library.lesson(a.lessonId())))
                    .or(() -> library.lessons().stream().findFirst())
                    .ifPresent(this::select);
        }
        showStanding();
    }

    /** Opens the lesson with this id (as Home asks), now or once the lessons are read; unknown ids are ignored. */
    public void open(String lessonId) {
        requestedLessonId = lessonId;
        if (records.get() != null) {
            records.get().library().lesson(lessonId).ifPresent(this::select);
        }
    }

    /** The progress of a lesson, once the records are read. */
    public Optional<PracticePlan.LessonProgress> progressOf(Lesson lesson) {
        return Optional.ofNullable(records.get()).flatMap(r -> r.lesson(lesson.id()));
    }

    /** Opens a lesson (stopping any demonstration). */
    public void select(Lesson lesson) {
        if (lesson != null && lesson != selected.get()) {
            stopDemo();
            rendered.clear();
            selected.set(lesson);
            showStanding();
        }
    }

    private void showStanding() {
        Optional<PracticePlan.LessonProgress> progress = Optional.ofNullable(selected.get()).flatMap(this::progressOf);
        locked.set(progress.map(p -> !p.unlocked()).orElse(false));
        standing.set(progress.map(p -> standing(p, records.get().library(), new QuestionKinds())).orElse(""));
    }

    /** The lesson's standing in words (see {@link #standingProperty()}). */
    static String standing(PracticePlan.LessonProgress p, LessonLibrary library, QuestionKinds kinds) {
        if (!p.unlocked()) {
            return "Locked: master " + String.join(" and ", p.lesson().requires().stream()
                    .map(id -> library.lesson(id).map(Lesson::title).orElse(id)).toList())
                    + " first. You can read this lesson and listen to its demonstrations now; its drills open then.";
        }
        if (p.skills().isEmpty()) {
            return "A mix challenge: mix it in the Mixer, where the score tells you how close you came.";
        }
        StringBuilder text = new StringBuilder(p.finished() ? "Mastered. Practise on to sharpen your ear further."
                : "To master this lesson, answer a round of each drill and bring your level at least halfway from "
                        + "the easiest to the hardest:");
        for (PracticePlan.SkillProgress skill : p.skills()) {
            String meaning = kinds.kind(skill.drill().kind()).map(QuestionKind::difficulty).orElse("level");
            text.append(String.format(Locale.ROOT, "%n%s %s: a round of %d, level %s or finer (%s); you: %d answered, level %s.",
                    skill.mastered() ? "✓" : "•", skill.drill().title(), skill.roundSize(),
                    Staircase.format(skill.masteryLevel()), meaning, skill.answered(), Staircase.format(skill.level())));
        }
        return text.toString();
    }

    /** Opens the lesson's mix challenge in the Mixer (not while the lesson is locked). */
    public void openChallenge() {
        Lesson lesson = selected.get();
        if (lesson != null && !lesson.challenges().isEmpty() && !locked.get()) {
            stopDemo();
            openChallenge.accept(lesson.id());
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
        if (lesson != null && !locked.get()) {
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

    /** How far rendering the demonstration has come, 0…1 (its material, the first time, then its versions). */
    public ReadOnlyDoubleProperty demoProgressProperty() {
        return demoProgress.getReadOnlyProperty();
    }

    /** Stops waiting for the demonstration being rendered (Escape); it is kept once done, for the next play. */
    public void cancelDemo() {
        if (demoRendering.get()) {
            renders++;
            demoRendering.set(false);
        }
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

    /** Reads the engine's state into the demo player's; the view calls it each frame while shown. */
    public void refreshDemo() {
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
        demoProgress.set(0);
        demo.set(shown);
        demoVersion.set(label);
        int mine = ++renders;
        background.execute(() -> {
            try {
                Map<String, AudioBuffer> made;
                synchronized (this) {
                    if (material == null) {
                        material = store.teaching().newExerciseAudio();
                    }
                    material.multitrack(shown.material(), share -> onUiThread.execute(() -> demoProgress.set(0.8 * share)));
                    made = DemoAudio.render(shown, material, shown.title().hashCode());
                }
                onUiThread.execute(() -> {
                    rendered.put(shown, made);
                    // Still wanted: not cancelled, and the learner has not picked another demo meanwhile.
                    if (mine == renders) {
                        demoRendering.set(false);
                        demoProgress.set(1);
                        if (shown.equals(demo.get())) {
                            start(shown, made, demoVersion.get());
                        }
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
