package dev.mixdojo.ui.progress;

import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.exercise.QuestionKind;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.ProgressStatistics;
import dev.mixdojo.progress.SkillStates;
import dev.mixdojo.progress.StaircaseSettings;
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
     * @param skill      the skill id, e.g. {@code eq.frequency}
     * @param title      what it asks, from its first drill, e.g. "Which octave was boosted?"
     * @param attempts   answers given
     * @param accuracy   share right, 0…1
     * @param threshold  the staircase threshold once there are enough reversals
     * @param levelMeaning what the level measures, e.g. "size of the boost or cut in dB"
     * @param easiestLevel the staircase's easiest level
     * @param hardestLevel the staircase's hardest level
     */
    public record SkillRow(String skill, String title, int attempts, double accuracy, Optional<Threshold> threshold,
            String levelMeaning, double easiestLevel, double hardestLevel) {
        /** The row as one line for lists and screen readers. */
        public String describe() {
            String heard = threshold.map(t -> String.format(Locale.ROOT,
                    "threshold %.1f (95 %% CI %.1f to %.1f), %s", t.value(), t.lower95(), t.upper95(), levelMeaning))
                    .orElse("threshold after four staircase reversals");
            return String.format(Locale.ROOT, "%s: %d answer%s, %d %% right, %s", title, attempts, attempts == 1 ? "" : "s",
                    Math.round(accuracy * 100), heard);
        }
    }

    /** The confusion matrix of one skill: labels in order and counts[truth][answer]. */
    public record Confusion(List<String> labels, int[][] counts) {
    }

    private final ProgressStore store;
    private final ObservableList<SkillRow> skills = FXCollections.observableArrayList();
    private final ObjectProperty<SkillRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<ProgressStatistics.DailyAccuracy>> accuracyByDay =
            new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Confusion> confusion = new ReadOnlyObjectWrapper<>(new Confusion(List.of(), new int[0][0]));
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
                rows.add(new SkillRow(skill, skill, answers.size(), accuracy, Optional.empty(), "level", Double.NaN, Double.NaN));
                return;
            }
            StaircaseSettings settings = drill.drill().difficulty();
            String meaning = kinds.kind(drill.drill().kind()).map(QuestionKind::difficulty).orElse("level");
            rows.add(new SkillRow(skill, drill.drill().title(), answers.size(), accuracy, states.threshold(skill), meaning,
                    settings.easiestLevel(), settings.hardestLevel()));
        });
        return rows;
    }

    private void showSkill(SkillRow row) {
        if (row == null) {
            accuracyByDay.set(List.of());
            confusion.set(new Confusion(List.of(), new int[0][0]));
            biases.set(List.of());
            return;
        }
        accuracyByDay.set(ProgressStatistics.accuracyByDay(attempts, row.skill(), zone));
        List<Attempt> ofSkill = attempts.stream().filter(a -> a.skill().equals(row.skill())).toList();
        Confusion matrix = confusion(ProgressStatistics.confusion(attempts, row.skill()), ofSkill);
        confusion.set(matrix);
        List<ProgressStatistics.Bias> byLabel = new ArrayList<>(ProgressStatistics.biasByTruth(attempts, row.skill()));
        byLabel.sort(Comparator.comparingInt(b -> matrix.labels().indexOf(b.truthLabel())));
        biases.set(byLabel);
    }

    /**
     * The matrix over every label seen as truth or answer, ordered by the truth value the label
     * stands for (so bands run low to high) rather than alphabetically.
     */
    static Confusion confusion(Map<String, Map<String, Integer>> matrix, List<Attempt> attempts) {
        Map<String, Double> valueOf = new LinkedHashMap<>();
        for (Attempt a : attempts) {
            valueOf.putIfAbsent(a.truthLabel(), a.truth());
            valueOf.putIfAbsent(a.answerLabel(), a.answer());
        }
        TreeSet<String> labels = new TreeSet<>((x, y) -> {
            int byValue = Double.compare(valueOf.getOrDefault(x, 0.0), valueOf.getOrDefault(y, 0.0));
            return byValue != 0 ? byValue : x.compareTo(y);
        });
        matrix.forEach((truth, answers) -> {
            labels.add(truth);
            labels.addAll(answers.keySet());
        });
        List<String> ordered = List.copyOf(labels);
        int[][] counts = new int[ordered.size()][ordered.size()];
        matrix.forEach((truth, answers) -> answers.forEach((answer, n) ->
                counts[ordered.indexOf(truth)][ordered.indexOf(answer)] += n));
        return new Confusion(ordered, counts);
    }
}
