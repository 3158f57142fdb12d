package dev.mixdojo.ui;

import dev.mixdojo.base.Warnings;
import dev.mixdojo.progress.Attempt;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one place every screen reads the learner's progress from (Home, Lessons, Practice, Progress,
 * the Mixer's lock): the lessons and the attempt log, read once on a worker, and what follows from
 * them ({@link LearnerRecords}), replaced by a new value each time an attempt is saved. No screen
 * keeps a copy: views follow {@link #recordsProperty()} while they are shown ({@link WhileShown}).
 * JavaFX thread only; reading runs on the background executor.
 */
public final class ProgressStore {
    private final Teaching teaching;
    private final Clock clock;
    private final Executor background;
    private final Executor onUiThread;
    private final ReadOnlyObjectWrapper<LearnerRecords> records = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    /**
     * A store of {@code teaching}'s lessons and log, read on {@code background}, published through
     * {@code onUiThread}; {@code clock} is the learner's time (it stamps answers and says which day it is).
     */
    public ProgressStore(Teaching teaching, Clock clock, Executor background, Executor onUiThread) {
        this.teaching = teaching;
        this.clock = clock;
        this.background = background;
        this.onUiThread = onUiThread;
    }

    /** The lessons and the log this store reads. */
    public Teaching teaching() {
        return teaching;
    }

    /** The learner's time and time zone: it stamps answers and says which day it is (injected in tests). */
    public Clock clock() {
        return clock;
    }

    /** The records now; null until they are read (or when they could not be). */
    public ReadOnlyObjectProperty<LearnerRecords> recordsProperty() {
        return records.getReadOnlyProperty();
    }

    /** The records now, once read. */
    public Optional<LearnerRecords> now() {
        return Optional.ofNullable(records.get());
    }

    /** Why the lessons could not be read (one sentence), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether the lessons and the log are being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Reads the lessons and the log in the background, unless they are read or being read. */
    public void load() {
        if (records.get() != null || loading.get()) {
            return;
        }
        loading.set(true);
        problem.set("");
        Work.run(background, onUiThread, "Reading the lessons", () -> {
            Warnings warnings = new Warnings();
            List<Attempt> attempts = teaching.log().readAll(warnings);
            return LearnerRecords.of(teaching.lessons(), attempts, warnings.all());
        }, read -> {
            loading.set(false);
            records.set(read);
        }, sentence -> {
            loading.set(false);
            problem.set(sentence);
        });
    }

    /** An attempt was saved to the log: every screen following the store sees the records with it. */
    public void add(Attempt saved) {
        if (records.get() != null) {
            records.set(records.get().with(saved));
        }
    }
}
