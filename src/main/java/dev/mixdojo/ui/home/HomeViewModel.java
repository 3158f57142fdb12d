package dev.mixdojo.ui.home;

import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.progress.DailyGoal;
import dev.mixdojo.progress.PracticeDays;
import dev.mixdojo.ui.LearnerRecords;
import dev.mixdojo.ui.Navigation;
import dev.mixdojo.ui.ProgressStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The start screen's logic: today against the daily goal, the streak and the week, the map of
 * lessons (progress toward mastery, locked or not), where to continue and today's practice, all
 * read from the {@link ProgressStore} (and its clock) whenever it changes while Home is shown. Properties belong to the JavaFX thread.
 */
public final class HomeViewModel {
    /** The id of the screen that shows a lesson. */
    public static final String LESSON_SCREEN = "lessons";

    /**
     * One lesson on the map.
     *
     * @param id       lesson id
     * @param title    lesson title
     * @param unit     the curriculum unit's title
     * @param fractionDone share of the way to mastery, 0…1
     * @param detail   one line: progress and accuracy, or what it needs first
     * @param unlocked whether its prerequisites are mastered
     * @param finished whether it is mastered
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

    private final ProgressStore store;
    private final Navigation navigation;
    private final ObservableValue<DailyGoal> goal;
    private final ReadOnlyStringWrapper today = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper todayShare = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper streak = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper week = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<PracticeDays.Day>> weekDays = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<LessonItem> lessons = FXCollections.observableArrayList();
    private final ObservableList<SuggestionItem> suggestions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Loading your lessons…");
    private final ReadOnlyStringWrapper continueText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private String continueLessonId = "";

    /** Home over {@code store}'s records, opening lessons through {@code navigation}, counting days against {@code goal}. */
    public HomeViewModel(ProgressStore store, Navigation navigation, ObservableValue<DailyGoal> goal) {
        this.store = store;
        this.navigation = navigation;
        this.goal = goal;
    }

    /** The daily goal the day, the streak and the week are counted against (the view follows it while shown). */
    public ObservableValue<DailyGoal> goal() {
        return goal;
    }

    /** Today against the goal, e.g. "Today: 12 of 20 questions · 8 min practised". */
    public ReadOnlyStringProperty todayProperty() {
        return today.getReadOnlyProperty();
    }

    /** How far today is toward the goal, 0…1. */
    public ReadOnlyDoubleProperty todayShareProperty() {
        return todayShare.getReadOnlyProperty();
    }

    /** The streak of days the goal was met, e.g. "Streak: 3 days (a missed day forgiven)"; a hint before the first. */
    public ReadOnlyStringProperty streakProperty() {
        return streak.getReadOnlyProperty();
    }

    /** The last seven days in one line: days practised, questions, time, share right, days the goal was met. */
    public ReadOnlyStringProperty weekProperty() {
        return week.getReadOnlyProperty();
    }

    /** The last seven days, oldest first, for the week's bars. */
    public ReadOnlyObjectProperty<List<PracticeDays.Day>> weekDaysProperty() {
        return weekDays.getReadOnlyProperty();
    }

    /** The store this screen reads (the view follows it while shown). */
    public ProgressStore store() {
        return store;
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

    /** The label of the continue action, e.g. "Continue: Hearing cuts (40 % to mastery)"; empty when nothing is left. */
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

    /** Shows what the store holds now (asking it to read the lessons first if nobody has). */
    public void refresh() {
        store.load();
        LearnerRecords records = store.recordsProperty().get();
        if (records == null) {
            loaded.set(false);
            busy.set(store.problemProperty().get().isEmpty());
            status.set(busy.get() ? "Loading your lessons…" : store.problemProperty().get());
            return;
        }
        show(records);
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

    private void show(LearnerRecords records) {
        PracticePlan plan = records.plan();
        LessonLibrary library = records.library();
        Map<String, String> unitOf = new HashMap<>();
        library.units().forEach(u -> u.lessons().forEach(l -> unitOf.put(l.id(), u.title())));
        Map<String, String> titleOf = library.lessons().stream().collect(Collectors.toMap(Lesson::id, Lesson::title));
        List<LessonItem> items = new ArrayList<>();
        for (PracticePlan.LessonProgress p : plan.lessons()) {
            items.add(new LessonItem(p.lesson().id(), p.lesson().title(), unitOf.get(p.lesson().id()), p.fractionDone(),
                    detail(p, titleOf::get), p.unlocked(), p.finished()));
        }
        lessons.setAll(items);
        suggestions.setAll(plan.suggestions().stream()
                .map(sg -> new SuggestionItem(sg.lesson().id(), sg.lesson().title() + " — " + sg.drill().title(), sg.reason()))
                .toList());
        continueLessonId = plan.continueWith().map(p -> p.lesson().id()).orElse("");
        continueText.set(plan.continueWith().map(p -> String.format(Locale.ROOT, "Continue: %s (%d %% to mastery)",
                p.lesson().title(), Math.round(100 * p.fractionDone()))).orElse(""));
        status.set(String.join(" ", records.warnings()));
        showDays(PracticeDays.of(records.attempts(), goal.getValue(), store.clock()), goal.getValue());
        loaded.set(true);
        busy.set(false);
    }

    private void showDays(PracticeDays days, DailyGoal dailyGoal) {
        PracticeDays.Day now = days.today();
        boolean inQuestions = dailyGoal.unit() == DailyGoal.Unit.QUESTIONS;
        today.set(String.format(Locale.ROOT, "Today: %s of %s · %s", inQuestions ? now.questions() : minutes(now.minutes()),
                dailyGoal, inQuestions ? minutes(now.minutes()) + " min practised" : now.questions() + " questions")
                + (now.goalMet() ? " — goal met" : ""));
        todayShare.set(now.shareOf(dailyGoal));
        streak.set(days.streakDays() == 0 ? "Meet your daily goal to start a streak; one missed day is forgiven."
                : String.format(Locale.ROOT, "Streak: %d day%s%s", days.streakDays(), days.streakDays() == 1 ? "" : "s",
                        days.forgiven() == 0 ? "" : " (" + (days.forgiven() == 1 ? "a missed day" : days.forgiven() + " missed days")
                                + " forgiven)"));
        int practised = (int) days.week().stream().filter(d -> d.questions() > 0).count();
        int questions = days.week().stream().mapToInt(PracticeDays.Day::questions).sum();
        int right = days.week().stream().mapToInt(PracticeDays.Day::right).sum();
        double minutes = days.week().stream().mapToDouble(PracticeDays.Day::minutes).sum();
        long met = days.week().stream().filter(PracticeDays.Day::goalMet).count();
        week.set(questions == 0 ? "This week: no practice yet."
                : String.format(Locale.ROOT, "This week: %d of 7 days practised · %d questions · %s min · %d %% right · goal met on %d day%s",
                        practised, questions, minutes(minutes), Math.round(100.0 * right / questions), met, met == 1 ? "" : "s"));
        weekDays.set(days.week());
    }

    private static String minutes(double minutes) {
        return String.valueOf(Math.round(minutes));
    }

    /** One line on a lesson: the way to mastery and accuracy, or the lessons it waits for. */
    static String detail(PracticePlan.LessonProgress p, Function<String, String> titleOf) {
        if (!p.unlocked()) {
            return "Locked: master " + String.join(" and ", p.lesson().requires().stream().map(titleOf).toList()) + " first";
        }
        if (p.skills().isEmpty()) {
            return "Mix challenge: open it in the Mixer";
        }
        if (p.answered() == 0) {
            return "Not started · " + p.roundSize() + " questions a round";
        }
        String done = p.finished() ? "Mastered" : Math.round(100 * p.fractionDone()) + " % to mastery";
        return String.format(Locale.ROOT, "%s · %d answered · %d %% right", done, p.answered(),
                Math.round(100 * p.accuracy().orElse(0.0)));
    }
}
