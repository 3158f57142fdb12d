package dev.mixdojo.ui.drill;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.exercise.OwnMusic;
import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.material.ImportedMaterial;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.material.OwnSong;
import dev.mixdojo.material.SongTempo;
import dev.mixdojo.ui.LearnerRecords;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.Work;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Use my own music" on the Practice screen: imports one song the learner chooses (any format
 * MixDojo reads) as material, shows the tempo found (and, when it may be double or half the felt
 * one, asks to keep, halve or double it) and the stretch drills play (which the learner can move),
 * and starts a drill that fits one song ({@link OwnMusic#fits}) on it. Importing decodes the file
 * and tracks its beat, and adjusting rewrites its {@code material.yaml}: both run on the background
 * executor; the properties belong to the JavaFX thread.
 */
public final class OwnMusicModel {
    /** A drill that can run on one song: its lesson, its id and "lesson — drill" to show. */
    public record FittingDrill(String lessonId, String drillId, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    /** Starts a drill on an imported song: lesson id, drill id, the song's material name. */
    public interface Starter {
        void start(String lessonId, String drillId, String materialName);
    }

    private final Supplier<MaterialLibrary> library;
    private final ProgressStore store;
    private final Executor background;
    private final Executor onUiThread;
    private final Starter starter;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Optional<ImportedMaterial>> song = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableList<FittingDrill> drills = FXCollections.observableArrayList();

    /**
     * Own music imported into {@code library} (the learner's materials), with the drills of the
     * lessons {@code store} has unlocked, started through {@code starter}.
     */
    public OwnMusicModel(Supplier<MaterialLibrary> library, ProgressStore store, Executor background, Executor onUiThread,
            Starter starter) {
        this.library = library;
        this.store = store;
        this.background = background;
        this.onUiThread = onUiThread;
        this.starter = starter;
    }

    /** Whether a song is being imported or changed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is being done, e.g. "Importing song.mp3: decoding it and finding its tempo…"; empty when idle. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** A problem in one sentence naming the file, or warnings about the import; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The song imported last, with its tempo and stretch; empty before one is imported. */
    public ReadOnlyObjectProperty<Optional<ImportedMaterial>> songProperty() {
        return song.getReadOnlyProperty();
    }

    /** The drills of the unlocked lessons that fit one song, in curriculum order. */
    public ObservableList<FittingDrill> drills() {
        return drills;
    }

    /** Reads the drills that fit one song from the store's lessons (the store is asked to read them if nobody has). */
    public void refreshDrills() {
        store.load();
        LearnerRecords records = store.recordsProperty().get();
        if (records == null) {
            return;
        }
        List<FittingDrill> fitting = new ArrayList<>();
        for (PracticePlan.LessonProgress lesson : records.plan().lessons()) {
            if (!lesson.unlocked()) {
                continue;
            }
            for (DrillSpec drill : lesson.lesson().drills()) {
                if (OwnMusic.fits(drill)) {
                    fitting.add(new FittingDrill(lesson.lesson().id(), drill.id(), lesson.lesson().title() + " — " + drill.title()));
                }
            }
        }
        drills.setAll(fitting);
    }

    /** The song's tempo in words, e.g. "104.0 BPM (found)"; empty before a song is imported. */
    public static String tempo(Optional<ImportedMaterial> imported) {
        return imported.flatMap(ImportedMaterial::song).map(s -> s.tempo().describe()).orElse("");
    }

    /** The question to ask when the tempo found may be double or half the felt one, or empty. */
    public static String doubt(Optional<ImportedMaterial> imported) {
        return imported.flatMap(ImportedMaterial::song).map(OwnSong::tempo).map(SongTempo::doubtSentence).orElse("");
    }

    /** The stretch the drills play, e.g. "Drills play 20.8 s from 0:41.5 (8 bars)."; empty before a song. */
    public static String excerpt(Optional<ImportedMaterial> imported) {
        return imported.flatMap(ImportedMaterial::song).map(s -> "Drills play " + s.describeExcerpt() + ".").orElse("");
    }

    /**
     * Imports {@code file} as a new material named after it (a number added when the name is taken):
     * decodes it, finds its tempo and chooses a stretch, in the background.
     */
    public void importFile(Path file) {
        String fileName = String.valueOf(file.getFileName());
        run("Importing " + fileName + ": decoding it and finding its tempo…", () -> {
            Warnings warnings = new Warnings();
            MaterialLibrary materials = library.get();
            ImportedMaterial imported = materials.importMaterial(file, freeName(materials, fileName), warnings);
            if (imported.song().isEmpty()) {
                throw new BadInputException(file, "has no steady beat MixDojo could find, so drills cannot place"
                        + " their stretch in it; try a song with a clear pulse.");
            }
            return new Outcome(imported, String.join(" ", warnings.all()));
        });
    }

    /** Keeps, halves or doubles the tempo found (when it was in doubt) and shows the song again. */
    public void chooseTempo(SongTempo.Choice choice) {
        song.get().ifPresent(imported -> run("Setting the tempo…", () -> new Outcome(
                library.get().adjustSong(imported.name(), Optional.of(choice), OptionalDouble.empty()), "")));
    }

    /** Moves the drills' stretch to the bar line nearest {@code startS} seconds into the song. */
    public void moveExcerpt(double startS) {
        song.get().ifPresent(imported -> run("Moving the stretch…", () -> new Outcome(
                library.get().adjustSong(imported.name(), Optional.empty(), OptionalDouble.of(startS)), "")));
    }

    /** Shows a problem with what the learner typed, in one sentence. */
    public void tell(String sentence) {
        message.set(sentence);
    }

    /** Starts {@code drill} on the imported song (the Practice screen opens it). */
    public void start(FittingDrill drill) {
        song.get().ifPresent(imported -> starter.start(drill.lessonId(), drill.drillId(), imported.name()));
    }

    /** An import or a change, and the warnings to show beside it. */
    private record Outcome(ImportedMaterial material, String warnings) {
    }

    private void run(String what, Supplier<Outcome> work) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        step.set(what);
        message.set("");
        Work.run(background, onUiThread, what, work::get, outcome -> {
            busy.set(false);
            step.set("");
            song.set(Optional.of(outcome.material()));
            message.set(outcome.warnings());
            refreshDrills();
        }, sentence -> {
            busy.set(false);
            step.set("");
            message.set(sentence);
        });
    }

    /** A material name from the file's name (lower-case letters, digits and '-'), numbered when taken. */
    static String freeName(MaterialLibrary materials, String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = (dot > 0 ? fileName.substring(0, dot) : fileName).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "my-song";
        }
        List<String> taken = materials.names();
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}
