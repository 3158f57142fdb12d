package dev.mixdojo.ui.progress;

import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.exercise.QuestionKind;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.ProgressStatistics;
import dev.mixdojo.progress.SkillStates;
import dev.mixdojo.progress.Staircase;
import dev.mixdojo.progress.Threshold;
import dev.mixdojo.ui.LearnerRecords;
import dev.mixdojo.ui.ProgressStore;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Progress screen's logic: every practised skill with its accuracy and staircase threshold,
 * and for the chosen skill the accuracy per day, the confusion matrix and the direction bias,
 * all from {@link ProgressStatistics} over the attempt log. Properties belong to the JavaFX thread.
 */
public final class ProgressViewModel {
    /** What the empty screen says. */
    public static final String EMPTY = "No answers yet. Once you answer drill questions, this page shows your accuracy "
            + "day by day, the smallest change you reliably hear in each skill (with its 95 % confidence interval), "
            + "which bands you mix up and whether you tend to answer too high or too low.";

    /**
     * One practised skill.
     *
     * @param skill        the skill id, e.g. {@code eq.frequency}
     * @param title        what it asks, from the drill practised most (whose material it names), e.g. "Where is the vocal panned?"
     * @param attempts     answers given
     * @param accuracy     share right, 0…1
     * @param levelMeaning what the level measures, e.g. "size of the boost or cut in dB"
     * @param staircase    the skill's staircase now (empty for a skill no lesson teaches any more)
     */
    public record SkillRow(String skill, String title, int attempts, double accuracy, String levelMeaning,
            Optional<Staircase> staircase) {
        /** The staircase threshold once there are enough reversals. */
        public Optional<Threshold> threshold() {
            return staircase.flatMap(Staircase::threshold);
        }

        /** The row's numbers in words: the threshold with its interval, or the level now and the reversals so far. */
        public String standing() {
            return threshold().map(t -> String.format(Locale.ROOT, "threshold %s (95 %% CI %s–%s)", Staircase.format(t.value()),
                    Staircase.format(t.lower95()), Staircase.format(t.upper95())))
                    .or(() -> staircase.map(s -> String.format(Locale.ROOT, "level %s now; a threshold after %d reversals (%d so far)",
                            Staircase.format(s.level()), MIN_REVERSALS, s.reversalLevels().size())))
                    .orElse("no staircase");
        }

        /** The row as one line for lists and screen readers. */
        public String describe() {
            return String.format(Locale.ROOT, "%s: %d answer%s, %d %% right, %s, %s", title, attempts, attempts == 1 ? "" : "s",
                    Math.round(accuracy * 100), standing(), levelMeaning);
        }
    }

    /** Reversals a staircase needs before its threshold is estimated ({@link Staircase#threshold()}). */
    static final int MIN_REVERSALS = 4;

    /**
     * The confusion matrix of one skill: labels in order, counts[truth][answer], and how many of
     * those answers counted as right (within the tolerance at their level, for answers on a free axis).
     */
    public record Confusion(List<String> labels, int[][] counts, int[][] right) {
    }

    private final ProgressStore store;
    private final ObservableList<SkillRow> skills = FXCollections.observableArrayList();
    private final ObjectProperty<SkillRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<ProgressStatistics.DailyAccuracy>> accuracyByDay =
            new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Confusion> confusion =
            new ReadOnlyObjectWrapper<>(new Confusion(List.of(), new int[0][0], new int[0][0]));
    private final ReadOnlyObjectWrapper<List<ProgressStatistics.Bias>> biases = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Reading your answers…");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ZoneId zone;
    private List<Attempt> attempts = List.of();

    public ProgressViewModel(ProgressStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
        selected.addListener((obs, old, row) -> showSkill(row));
    }

    /** The practised skills in curriculum order (skills no lesson teaches last). */
    public ObservableList<SkillRow> skills() {
        return skills;
    }

    /** The skill whose charts are shown. */
    public ObjectProperty<SkillRow> selectedProperty() {
        return selected;
    }

    /** Accuracy per day of the selected skill, oldest first. */
    public ReadOnlyObjectProperty<List<ProgressStatistics.DailyAccuracy>> accuracyByDayProperty() {
        return accuracyByDay.getReadOnlyProperty();
    }

    /** Which answer was given for which truth, for the selected skill. */
    public ReadOnlyObjectProperty<Confusion> confusionProperty() {
        return confusion.getReadOnlyProperty();
    }

    /** Mean signed error per truth label of the selected skill, in the matrix's label order. */
    public ReadOnlyObjectProperty<List<ProgressStatistics.Bias>> biasesProperty() {
        return biases.getReadOnlyProperty();
    }

    /** "Reading…", the empty-state explanation, a problem, or empty when charts are shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the log is being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The store this screen reads (the view follows it while shown). */
    public ProgressStore store() {
        return store;
    }

    /** Shows what the store holds now (asking it to read the log first if nobody has), keeping the chosen skill. */
    public void refresh() {
        store.load();
        LearnerRecords records = store.recordsProperty().get();
        if (records == null) {
            busy.set(store.problemProperty().get().isEmpty());
            message.set(busy.get() ? "Reading your answers…" : store.problemProperty().get());
            return;
        }
        List<SkillRow> rows = rows(records);
        attempts = records.attempts();
        String chosen = selected.get() == null ? "" : selected.get().skill();
        skills.setAll(rows);
        message.set(rows.isEmpty() ? EMPTY : String.join(" ", records.warnings()));
        selected.set(rows.stream().filter(r -> r.skill().equals(chosen)).findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0)));
        showSkill(selected.get()); // the same row may have new answers
        busy.set(false);
    }

    private static List<SkillRow> rows(LearnerRecords records) {
        QuestionKinds kinds = new QuestionKinds();
        Map<String, PracticePlan.SkillDrill> drills = PracticePlan.drillsBySkill(records.library().lessons(), kinds);
        List<Attempt> known = records.attempts().stream().filter(a -> drills.containsKey(a.skill())).toList();
        SkillStates states = SkillStates.rebuild(known, skill -> drills.get(skill).drill().difficulty());
        Map<String, List<Attempt>> bySkill = new LinkedHashMap<>();
        drills.keySet().forEach(skill -> bySkill.put(skill, new ArrayList<>()));
        records.attempts().forEach(a -> bySkill.computeIfAbsent(a.skill(), s -> new ArrayList<>()).add(a));
        List<SkillRow> rows = new ArrayList<>();
        bySkill.forEach((skill, answers) -> {
            if (answers.isEmpty()) {
                return;
            }
            double accuracy = answers.stream().filter(Attempt::correct).count() / (double) answers.size();
            PracticePlan.SkillDrill drill = drills.get(skill);
            if (drill == null) {
                rows.add(new SkillRow(skill, skill, answers.size(), accuracy, "level", Optional.empty()));
                return;
            }
            String meaning = kinds.kind(drill.drill().kind()).map(QuestionKind::difficulty).orElse("level");
            rows.add(new SkillRow(skill, practisedDrill(answers, records.library(), kinds).orElse(drill.drill()).title(),
                    answers.size(), accuracy, meaning, Optional.of(states.staircase(skill))));
        });
        return rows;
    }

    /**
     * The drill of these answers (one skill's) that was practised most: named in the log since
     * drills are recorded there, else the skill's first drill in the lesson answered most. Its title
     * names the material the learner heard (the vocal, not the noise of another drill of the skill).
     */
    static Optional<DrillSpec> practisedDrill(List<Attempt> answers, LessonLibrary library, QuestionKinds kinds) {
        Map<List<String>, Long> byDrill = answers.stream().collect(Collectors.groupingBy(
                a -> List.of(a.lessonId(), a.drillId()), LinkedHashMap::new, Collectors.counting()));
        List<List<String>> mostFirst = byDrill.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        for (List<String> lessonAndDrill : mostFirst) {
            Optional<DrillSpec> found = library.lesson(lessonAndDrill.get(0)).flatMap(lesson -> lesson.drills().stream()
                    .filter(d -> lessonAndDrill.get(1).isEmpty()
                            ? kinds.kind(d.kind()).map(QuestionKind::skill).orElse("").equals(answers.get(0).skill())
                            : d.id().equals(lessonAndDrill.get(1)))
                    .findFirst());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private void showSkill(SkillRow row) {
        if (row == null) {
            accuracyByDay.set(List.of());
            confusion.set(new Confusion(List.of(), new int[0][0], new int[0][0]));
            biases.set(List.of());
            return;
        }
        accuracyByDay.set(ProgressStatistics.accuracyByDay(attempts, row.skill(), zone));
        List<Attempt> ofSkill = ProgressStatistics.onFreeAxisBins(attempts.stream().filter(a -> a.skill().equals(row.skill())).toList());
        Confusion matrix = confusion(ofSkill);
        confusion.set(matrix);
        List<ProgressStatistics.Bias> byLabel = new ArrayList<>(ProgressStatistics.biasByTruth(ofSkill, row.skill()));
        byLabel.sort(Comparator.comparingInt(b -> matrix.labels().indexOf(b.truthLabel())));
        biases.set(byLabel);
    }

    /**
     * The matrix over every label seen as truth or answer, ordered by the value the label stands
     * for (so bands run low to high, pan from left to right) rather than alphabetically, with how
     * many answers in each cell counted as right.
     */
    static Confusion confusion(List<Attempt> ofSkill) {
        Map<String, Double> valueOf = new LinkedHashMap<>();
        for (Attempt a : ofSkill) {
            valueOf.putIfAbsent(a.truthLabel(), a.truth());
            valueOf.putIfAbsent(a.answerLabel(), a.answer());
        }
        TreeSet<String> labels = new TreeSet<>((x, y) -> {
            int byValue = Double.compare(valueOf.getOrDefault(x, 0.0), valueOf.getOrDefault(y, 0.0));
            return byValue != 0 ? byValue : x.compareTo(y);
        });
        labels.addAll(valueOf.keySet());
        List<String> ordered = List.copyOf(labels);
        int[][] counts = new int[ordered.size()][ordered.size()];
        int[][] right = new int[ordered.size()][ordered.size()];
        for (Attempt a : ofSkill) {
            int i = ordered.indexOf(a.truthLabel());
            int j = ordered.indexOf(a.answerLabel());
            counts[i][j]++;
            right[i][j] += a.correct() ? 1 : 0;
        }
        return new Confusion(ordered, counts, right);
    }
}
