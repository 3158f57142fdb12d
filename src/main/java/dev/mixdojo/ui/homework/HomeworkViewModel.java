package dev.mixdojo.ui.homework;

import dev.mixdojo.base.Warnings;
import dev.mixdojo.delivery.DeliveryReport;
import dev.mixdojo.delivery.FileCheck;
import dev.mixdojo.delivery.Finding;
import dev.mixdojo.delivery.StemDeliveryCheck;
import dev.mixdojo.exercise.PlaybackSystem;
import dev.mixdojo.grading.FitQuality;
import dev.mixdojo.grading.MixScore;
import dev.mixdojo.grading.MixScoreFiles;
import dev.mixdojo.grading.MixScoreFormat;
import dev.mixdojo.grading.ScoreItem;
import dev.mixdojo.grading.StemSet;
import dev.mixdojo.grading.Translation;
import dev.mixdojo.grading.TranslationFormat;
import dev.mixdojo.ui.Work;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Homework screen's logic: checks a stem delivery, scores a bounced mix against a target and checks the
 * mix's translation with the same code as {@code check-stems}, {@code score-mix} and {@code translation}, on a
 * worker. Properties belong to the JavaFX thread.
 */
public final class HomeworkViewModel {
    /** The sentence shown before anything was run. */
    public static final String EMPTY = "Choose your stems folder, your bounced mix and the target (a reference WAV "
            + "or a session .yaml), or drop them here; then check the stems, score your mix, or hear what will be lost "
            + "on a phone, earbuds, in a car and in a club (that needs only the stems).";

    private final Executor background;
    private final Executor onUiThread;
    private final StringProperty stemsFolder = new SimpleStringProperty("");
    private final StringProperty mixFile = new SimpleStringProperty("");
    private final StringProperty targetFile = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(EMPTY);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(false);
    /** The latest score and what it scored, for Apply suggestions; null until a score has suggestions. */
    private Scored scored;

    /** A score and the files it came from. */
    private record Scored(MixScore score, Path stems, Path mix, Path target) {
    }

    /** A model that works on {@code background} and reports on {@code onUiThread}. */
    public HomeworkViewModel(Executor background, Executor onUiThread) {
        this.background = background;
        this.onUiThread = onUiThread;
    }

    /** The folder of stems, as typed or chosen. */
    public StringProperty stemsFolderProperty() {
        return stemsFolder;
    }

    /** The learner's bounced mix, as typed or chosen. */
    public StringProperty mixFileProperty() {
        return mixFile;
    }

    /** The target: a reference WAV/AIFF or a mix session YAML, as typed or chosen. */
    public StringProperty targetFileProperty() {
        return targetFile;
    }

    /** Whether a check or a scoring is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What to do next, or the one sentence about bad input; empty when results are shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the latest score has suggestions to apply. */
    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    /** The summary of the latest result: the score out of 100 or the delivery's counts. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The latest result's lines: score items worst first, or each file's problems. */
    public ObservableList<String> lines() {
        return lines;
    }

    /** Sorts dropped files into the fields: a folder is the stems, a YAML the target, a WAV the mix then the target. */
    public void drop(List<Path> paths) {
        for (Path p : paths) {
            String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (Files.isDirectory(p)) {
                stemsFolder.set(p.toString());
            } else if (name.endsWith(".yaml") || name.endsWith(".yml") || !mixFile.get().isBlank()) {
                targetFile.set(p.toString());
            } else {
                mixFile.set(p.toString());
            }
        }
    }

    /** Plays the mix of the stems on a phone, earbuds, in a car and in a club, as {@code translation} does. */
    public void checkTranslation() {
        if (stemsFolder.get().isBlank()) {
            message.set("Choose the stems folder first: the stems bounced from your mix.");
            return;
        }
        Path folder = Path.of(stemsFolder.get().strip());
        List<Path> notStems = new ArrayList<>();
        for (String chosen : List.of(mixFile.get(), targetFile.get())) {
            if (!chosen.isBlank()) {
                notStems.add(Path.of(chosen.strip()));
            }
        }
        start("The translation check", () -> Translation.check(MixScoreFiles.readStems(folder, new Warnings(), notStems),
                List.of(PlaybackSystem.values())), this::show);
    }

    /** Runs the stem delivery check on the stems folder. */
    public void checkStems() {
        if (stemsFolder.get().isBlank()) {
            message.set("Choose the stems folder first.");
            return;
        }
        Path folder = Path.of(stemsFolder.get().strip());
        start("The stem check", () -> StemDeliveryCheck.check(folder), this::show);
    }

    /** Scores the mix against the target, as {@code score-mix} does. */
    public void scoreMix() {
        if (stemsFolder.get().isBlank() || mixFile.get().isBlank() || targetFile.get().isBlank()) {
            message.set("Choose the stems folder, your mix and the target first.");
            return;
        }
        Path stems = Path.of(stemsFolder.get().strip());
        Path mix = Path.of(mixFile.get().strip());
        Path target = Path.of(targetFile.get().strip());
        start("Scoring", () -> MixScoreFiles.score(stems, mix, target, new Warnings()),
                score -> show(new Scored(score, stems, mix, target)));
    }

    /**
     * Applies the latest score's suggestions to the mix re-made from the stems, saves it beside the mix as
     * {@code NAME-suggested.wav} and scores it, as following the advice would.
     */
    public void applySuggestions() {
        Scored last = scored;
        if (last == null) {
            message.set("Score your mix first: the suggestions come from the score.");
            return;
        }
        String name = last.mix().getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Path out = last.mix().resolveSibling(name + "-suggested.wav");
        start("Applying the suggestions", () -> MixScoreFiles.applySuggestions(last.stems(), last.mix(), last.target(),
                last.score(), out, new Warnings()), after -> {
                    lines.setAll(worstFirst(after).stream().map(HomeworkViewModel::line).toList());
                    headline.set(String.format(Locale.ROOT, "With the suggestions applied: %d / 100 (was %d), saved as %s",
                            after.score(), last.score().score(), out.getFileName()));
                });
    }

    private <T> void start(String what, Callable<T> job, Consumer<T> done) {
        if (running.get()) {
            return;
        }
        running.set(true);
        canApply.set(false);
        message.set("");
        headline.set("");
        lines.clear();
        Work.run(background, onUiThread, what, job, result -> {
            running.set(false);
            done.accept(result);
        }, sentence -> {
            running.set(false);
            message.set(sentence);
        });
    }

    private void show(Scored result) {
        MixScore score = result.score();
        List<String> shown = new ArrayList<>();
        score.fit().sentence().ifPresent(shown::add);
        if (!score.setAside().isEmpty()) {
            shown.add(new StemSet(List.of(), score.setAside()).setAsideSentence());
        }
        worstFirst(score).stream().map(HomeworkViewModel::line).forEach(shown::add);
        // Lines first: the headline is what a watcher waits for.
        lines.setAll(shown);
        scored = score.suggestions().isEmpty() ? null : result;
        canApply.set(scored != null);
        headline.set(score.fit().trust() == FitQuality.Trust.WITHHELD ? "Score withheld: the stems do not explain the mixes"
                : "Score: " + score.score() + " / 100");
    }

    private void show(Translation.Report report) {
        List<String> shown = new ArrayList<>();
        if (!report.setAside().isEmpty()) {
            shown.add(new StemSet(List.of(), report.setAside()).setAsideSentence());
        }
        List<String> lost = new ArrayList<>();
        for (Translation.SystemChange change : report.systems()) {
            for (Translation.StemChange stem : change.stems()) {
                shown.add(change.system().label() + ": " + stem.stem() + " " + stem.word() + " ("
                        + TranslationFormat.decibels(stem.changeDb()) + " dB)");
                if (stem.atRisk()) {
                    lost.add(stem.stem() + " (" + change.system().label() + ", " + stem.word() + ")");
                }
            }
        }
        lines.setAll(shown);
        headline.set(lost.isEmpty() ? "Translation: no stem is nearly lost on any system"
                : "Lost or nearly lost: " + String.join(", ", lost));
    }

    private void show(DeliveryReport report) {
        List<String> shown = new ArrayList<>();
        for (FileCheck file : report.files()) {
            for (Finding f : file.problems()) {
                shown.add(file.file() + ": " + f.severity().word() + " — " + f.message());
            }
        }
        for (Finding f : report.delivery()) {
            shown.add("Delivery: " + f.severity().word() + " — " + f.message());
        }
        if (shown.isEmpty()) {
            shown.add("Every file passes.");
        }
        lines.setAll(shown);
        headline.set("Stems: " + report.verdict().word() + " (" + report.counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().word()).reduce((a, b) -> a + ", " + b).orElse("") + ")");
    }

    /** The items by points lost, then by how many just-noticeable differences they are off. */
    static List<ScoreItem> worstFirst(MixScore score) {
        return MixScoreFormat.worstFirst(score);
    }

    private static String line(ScoreItem item) {
        return String.format(Locale.ROOT, "%s %s: %+.1f %s, %s — %s", item.subject(), item.aspect(), item.error(),
                item.unit(), item.verdict().word(), item.advice());
    }
}
