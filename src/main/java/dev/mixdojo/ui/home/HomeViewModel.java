package dev.mixdojo.ui.home;

import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.ui.LearnerRecords;
import dev.mixdojo.ui.Navigation;
import dev.mixdojo.ui.Work;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The start screen's logic: loads the curriculum and the attempt log off the JavaFX thread and
 * shows the map of lessons (progress, unlocked or not), where to continue and today's practice.
 * Properties belong to the JavaFX thread.
 */
public final class HomeViewModel {
    /** The id of the screen that shows a lesson. */
    public static final String LESSON_SCREEN = "lessons";
    /** Suggestions shown for today. */
    static final int SUGGESTIONS = 3;

    /**
     * One lesson on the map.
     *
     * @param id       lesson id
     * @param title    lesson title
     * @param unit     the curriculum unit's title
     * @param fractionDone share of one round answered, 0…1
     * @param detail   one line: progress and accuracy, or what it needs first
     * @param unlocked whether its prerequisites are finished
     * @param finished whether one round is answered
     */
    public record LessonItem(String id, String title, String unit, double fractionDone, String detail, boolean unlocked,
            boolean finished) {
        /** What a screen reader says for the lesson. */
        public String accessibleText() {
            return title + ", " + unit + ": " + detail;
        }
    }

    /** One suggested drill: its lesson, what to practise and why. */
    public record SuggestionItem(String lessonId, String title, String reason) {
    }

    private final Callable<LearnerRecords> source;
    private final Executor background;
    private final Executor onUiThread;
    private final Navigation navigation;
    private final ObservableList<LessonItem> lessons = FXCollections.observableArrayList();
    private final ObservableList<SuggestionItem> suggestions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Loading your lessons…");
    private final ReadOnlyStringWrapper continueText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private String continueLessonId = "";

    public HomeViewModel(Callable<LearnerRecords> source, Executor background, Executor onUiThread, Navigation navigation) {
        this.source = source;
        this.background = background;
        this.onUiThread = onUiThread;
        this.navigation = navigation;
    }

    /** The lessons in curriculum order. */
    public ObservableList<LessonItem> lessons() {
        return lessons;
    }

    /** Today's practice, weakest skill first. */
    public ObservableList<SuggestionItem> suggestions() {
        return suggestions;
    }

    /** "Loading…", a problem with the lessons, or empty once shown. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The label of the continue action, e.g. "Continue: Hearing cuts (40 % done)"; empty when nothing is left. */
    public ReadOnlyStringProperty continueTextProperty() {
        return continueText.getReadOnlyProperty();
    }

    /** Whether the lessons have been read. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Whether the lessons are being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether this build has a lesson screen to open lessons in. */
    public boolean canOpenLessons() {
        return navigation.canOpen(LESSON_SCREEN);
    }

    /** Reads the lessons and the log in the background, then fills the screen. */
    public void load() {
        status.set("Loading your lessons…");
        busy.set(true);
        Work.run(background, onUiThread, "Loading the lessons", () -> plan(source.call()), this::show, problem -> {
            busy.set(false);
            loaded.set(false);
            status.set(problem);
        });
    }

    /** Opens a lesson on the lesson screen (or says that this build has none). */
    public void open(String lessonId) {
        if (canOpenLessons()) {
            navigation.open(LESSON_SCREEN, lessonId);
        } else {
            status.set("Lessons open on the lesson screen, which this build does not have yet.");
        }
    }

    /** Opens the lesson to continue with, if there is one. */
    public void continueLesson() {
        if (!continueLessonId.isEmpty()) {
            open(continueLessonId);
        }
    }

    private record Shown(List<LessonItem> lessons, List<SuggestionItem> suggestions, String continueId, String continueText,
            List<String> warnings) {
    }

    private static Shown plan(LearnerRecords records) {
        LessonLibrary library = records.library();
        PracticePlan plan = PracticePlan.of(library, new QuestionKinds(), records.attempts(), SUGGESTIONS);
        Map<String, String> unitOf = new HashMap<>();
        library.units().forEach(u -> u.lessons().forEach(l -> unitOf.put(l.id(), u.title())));
        Map<String, String> titleOf = library.lessons().stream().collect(Collectors.toMap(Lesson::id, Lesson::title));
        List<LessonItem> items = new ArrayList<>();
        for (PracticePlan.LessonProgress p : plan.lessons()) {
            items.add(new LessonItem(p.lesson().id(), p.lesson().title(), unitOf.get(p.lesson().id()), p.fractionDone(),
                    detail(p, titleOf::get), p.unlocked(), p.finished()));
        }
        List<SuggestionItem> suggested = plan.suggestions().stream()
                .map(s -> new SuggestionItem(s.lesson().id(), s.lesson().title() + " — " + s.drill().title(), s.reason()))
                .toList();
        String id = plan.continueWith().map(p -> p.lesson().id()).orElse("");
        String text = plan.continueWith().map(p -> String.format(Locale.ROOT, "Continue: %s (%d %% done)",
                p.lesson().title(), Math.round(100 * p.fractionDone()))).orElse("");
        return new Shown(items, suggested, id, text, records.warnings());
    }

    /** One line on a lesson: answered of a round and accuracy, or the lessons it waits for. */
    static String detail(PracticePlan.LessonProgress p, Function<String, String> titleOf) {
        if (!p.unlocked()) {
            return "Locked: finish " + String.join(" and ", p.lesson().requires().stream().map(titleOf).toList()) + " first";
        }
        if (p.answered() == 0) {
            return "Not started · " + p.roundSize() + " questions";
        }
        String done = p.finished() ? "Finished" : Math.round(100 * p.fractionDone()) + " % done";
        return String.format(Locale.ROOT, "%s · %d answered · %d %% right", done, p.answered(),
                Math.round(100 * p.accuracy().orElse(0.0)));
    }

    private void show(Shown shown) {
        lessons.setAll(shown.lessons());
        suggestions.setAll(shown.suggestions());
        continueLessonId = shown.continueId();
        continueText.set(shown.continueText());
        status.set(shown.warnings().isEmpty() ? "" : String.join(" ", shown.warnings()));
        loaded.set(true);
        busy.set(false);
    }
}
