package dev.mixdojo.ui.projector;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.classroom.Assignment;
import dev.mixdojo.classroom.AssignmentDrill;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentQuestions;
import dev.mixdojo.classroom.PlannedQuestion;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.drill.DrillMode;
import dev.mixdojo.ui.drill.DrillPaneModel;
import dev.mixdojo.ui.exam.DrillSources;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A drill played to a room: the teacher picks a lesson drill, plays A/B, reveals the answer when the
 * room has guessed, and moves on. The round is a one-drill practice assignment with a fresh seed, so
 * its questions are made exactly as a student's assignment would make them. Questions are made on
 * {@code background}; the properties belong to the JavaFX thread.
 */
public final class ProjectorViewModel {
    /** Questions in one round before it starts again with a new seed. */
    static final int ROUND_QUESTIONS = 100;

    /**
     * One drill the teacher can play.
     *
     * @param drill what the round asks
     * @param title {@code Lesson title — drill title}
     */
    public record DrillChoice(AssignmentDrill drill, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    private final Executor background;
    private final Executor onUiThread;
    private final Supplier<DrillSources> sources;
    private final LongSupplier seeds;
    private final DrillPaneModel drill;
    private final ObservableList<DrillChoice> drills = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper chosen = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper questionNumber = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private AssignmentQuestions questions;
    private List<PlannedQuestion> plan = List.of();
    private Question current;

    /** A projector playing through {@code audio}; {@code seeds} gives each round's seed. */
    public ProjectorViewModel(AudioOutput audio, Executor background, Executor onUiThread, Supplier<DrillSources> sources,
            LongSupplier seeds) {
        this.background = background;
        this.onUiThread = onUiThread;
        this.sources = sources;
        this.seeds = seeds;
        this.drill = new DrillPaneModel(audio, DrillMode.PROJECTOR);
        drill.setOnNext(this::next);
    }

    /** Seeds from a {@link SecureRandom}: every round is new. */
    public static LongSupplier randomSeeds() {
        SecureRandom random = new SecureRandom();
        return random::nextLong;
    }

    /** The drill pane's model (projector mode: no meters; the truth shows when revealed). */
    public DrillPaneModel drill() {
        return drill;
    }

    /** Every drill of every lesson, in the library's order; filled by {@link #load()}. */
    public ObservableList<DrillChoice> drills() {
        return drills;
    }

    /** The index of the drill being played, or −1. */
    public ReadOnlyIntegerProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The question's number in this round, from 1 (0 before the first). */
    public ReadOnlyIntegerProperty questionNumberProperty() {
        return questionNumber.getReadOnlyProperty();
    }

    /** Whether the answer is shown. */
    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** The right answer, once revealed; empty before. */
    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** A problem's sentence; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether lessons are loading or a question is being made. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Loads the lessons in the background and starts a round of the first drill. */
    public void load() {
        busy.set(true);
        background.execute(() -> {
            try {
                List<DrillChoice> found = new ArrayList<>();
                for (Lesson lesson : sources.get().lessons().lessons()) {
                    for (DrillSpec spec : lesson.drills()) {
                        found.add(new DrillChoice(new AssignmentDrill(lesson.id(), spec.id(), lesson.area().key(),
                                spec.kind()), lesson.title() + " — " + spec.title()));
                    }
                }
                onUiThread.execute(() -> {
                    drills.setAll(found);
                    busy.set(false);
                    if (!found.isEmpty()) {
                        choose(0);
                    }
                });
            } catch (RuntimeException e) {
                onUiThread.execute(() -> fail(e instanceof BadInputException ? e.getMessage()
                        : "The lessons could not be loaded (" + e + ")."));
            }
        });
    }

    /** Starts a new round of the drill at {@code index} of {@link #drills()}. */
    public void choose(int index) {
        if (index < 0 || index >= drills.size()) {
            return;
        }
        chosen.set(index);
        AssignmentDrill picked = drills.get(index).drill();
        busy.set(true);
        background.execute(() -> {
            try {
                DrillSources from = sources.get();
                Assignment round = Assignment.create("projector", drills.get(index).title(), List.of(picked),
                        ROUND_QUESTIONS, seeds.getAsLong(), AssignmentMode.PRACTICE, 0, Optional.empty(), new SecureRandom());
                AssignmentQuestions made = new AssignmentQuestions(round, from.lessons(), from.kinds(), from.audio());
                onUiThread.execute(() -> {
                    questions = made;
                    plan = round.questionPlan();
                    questionNumber.set(0);
                    next();
                });
            } catch (RuntimeException e) {
                onUiThread.execute(() -> fail(e instanceof BadInputException ? e.getMessage()
                        : "That drill cannot be played (" + e + ")."));
            }
        });
    }

    /** Shows the right answer to the room, marked on the answer widget, with both versions' spectra and waveforms. */
    public void reveal() {
        if (current != null) {
            answer.set(current.key().truthLabel());
            revealed.set(true);
            drill.reveal();
        }
    }

    /** Hides the answer and makes the next question of the round (a new round after the last). */
    public void next() {
        if (questions == null) {
            return;
        }
        if (questionNumber.get() >= plan.size()) {
            choose(chosen.get());
            return;
        }
        PlannedQuestion planned = plan.get(questionNumber.get());
        AssignmentQuestions from = questions;
        busy.set(true);
        revealed.set(false);
        answer.set("");
        background.execute(() -> {
            try {
                Question made = from.question(planned);
                onUiThread.execute(() -> {
                    busy.set(false);
                    current = made;
                    drill.show(made); // the question first: whoever sees the new number finds its question
                    questionNumber.set(planned.number());
                });
            } catch (RuntimeException e) {
                onUiThread.execute(() -> fail("The question could not be made (" + e.getMessage() + ")."));
            }
        });
    }

    private void fail(String sentence) {
        busy.set(false);
        message.set(sentence);
    }
}
