package dev.mixdojo.classroom;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.Grade;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.exercise.QuestionKind;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The questions of an assignment's plan as a student hears them: each planned question is its
 * drill's question kind generated at the drill's starting difficulty with the question's seed, so
 * every student with the same pack and the same MixDojo lessons gets the same audio and key.
 * Generation renders audio and blocks; one at a time (the exercise audio is not thread-safe).
 */
public final class AssignmentQuestions {
    /** Most points a drawn curve may have (a finger drawing for ten seconds at 50 points a second). */
    static final int MAX_CURVE_POINTS = 1000;

    private final ExerciseAudio audio;
    private final Map<String, Drill> drills = new LinkedHashMap<>();

    private record Drill(Lesson lesson, DrillSpec spec, QuestionKind kind) {
    }

    /** Checks that every drill of the assignment exists in {@code lessons} with its kind; a missing one is one sentence. */
    public AssignmentQuestions(Assignment assignment, LessonLibrary lessons, QuestionKinds kinds, ExerciseAudio audio) {
        this.audio = audio;
        for (AssignmentDrill d : assignment.drills()) {
            Lesson lesson = lessons.lesson(d.lessonId()).orElseThrow(() -> new BadInputException("This assignment asks for"
                    + " the lesson '" + d.lessonId() + "', which this MixDojo does not have; update MixDojo to take it."));
            DrillSpec spec = lesson.drills().stream().filter(s -> s.id().equals(d.drillId())).findFirst()
                    .orElseThrow(() -> new BadInputException("This assignment asks for the drill '" + d.reference()
                            + "', which this MixDojo's lesson does not have; update MixDojo to take it."));
            QuestionKind kind = kinds.kind(spec.kind()).orElseThrow(() -> new BadInputException("This assignment asks"
                    + " for questions of the kind '" + spec.kind() + "', which this MixDojo cannot ask; update MixDojo."));
            drills.put(d.reference(), new Drill(lesson, spec, kind));
        }
    }

    /** The question for {@code planned} (blocks while its audio renders). */
    public synchronized Question question(PlannedQuestion planned) {
        Drill drill = drill(planned);
        return drill.kind().generate(planned.lessonId(), drill.spec(), drill.spec().difficulty().startLevel(),
                planned.questionSeed(), audio);
    }

    /** What practice mode shows beside a question: the drill's title and what its lesson teaches. */
    public String hint(PlannedQuestion planned) {
        Drill drill = drill(planned);
        return drill.spec().title() + " — " + drill.lesson().teach().strip().replaceAll("\\s+", " ");
    }

    private Drill drill(PlannedQuestion planned) {
        Drill drill = drills.get(planned.lessonId() + ":" + planned.drillId());
        if (drill == null) {
            throw new IllegalArgumentException("question " + planned.number() + " is not of this assignment");
        }
        return drill;
    }

    /** The answer to record in the results: the question, the answer and truth as the student saw them, and the grade. */
    public static AnsweredQuestion answered(PlannedQuestion planned, Question question, Answer answer, Grade grade,
            long responseTimeMs) {
        return new AnsweredQuestion(planned, answerText(question.form(), answer), question.key().truthLabel(), grade,
                responseTimeMs);
    }

    /**
     * An answer as the student gave it, in words: the chosen label, a value as an engineer writes it
     * ({@code 2.5 kHz}), each dialled setting in the form's order, or how many points a drawn curve has.
     */
    static String answerText(AnswerForm form, Answer answer) {
        if (answer instanceof Answer.Chosen chosen) {
            return chosen.label();
        }
        if (answer instanceof Answer.Valued valued) {
            return form instanceof AnswerForm.Value value ? value.quantity().format(valued.value())
                    : String.valueOf(valued.value());
        }
        if (answer instanceof Answer.Dialed dialed && form instanceof AnswerForm.Settings settings) {
            return String.join(", ", settings.settings().stream().filter(s -> dialed.values().containsKey(s.name()))
                    .map(s -> s.quantity().format(dialed.values().get(s.name()))).toList());
        }
        if (answer instanceof Answer.Drawn drawn) {
            return "a drawn curve of " + drawn.points().size() + " points";
        }
        return answer.toString();
    }

    /** Checks that {@code answer} is of the form's kind and within its ranges; an IllegalArgumentException says why not. */
    public static void requireFits(AnswerForm form, Answer answer) {
        if (form instanceof AnswerForm.Choice choice) {
            if (!(answer instanceof Answer.Chosen chosen)
                    || choice.options().stream().noneMatch(o -> o.label().equals(chosen.label()))) {
                throw new IllegalArgumentException("choose one of the options");
            }
        } else if (form instanceof AnswerForm.Value value) {
            if (!(answer instanceof Answer.Valued valued) || !(valued.value() >= value.min() && valued.value() <= value.max())) {
                throw new IllegalArgumentException("set a value between " + value.quantity().format(value.min()) + " and "
                        + value.quantity().format(value.max()));
            }
        } else if (form instanceof AnswerForm.Settings settings) {
            if (!(answer instanceof Answer.Dialed dialed) || dialed.values().size() != settings.settings().size()) {
                throw new IllegalArgumentException("set every dial");
            }
            settings.valuesOf(answer);
        } else if (form instanceof AnswerForm.Curve curve) {
            if (!(answer instanceof Answer.Drawn drawn) || drawn.points().isEmpty()
                    || drawn.points().size() > MAX_CURVE_POINTS) {
                throw new IllegalArgumentException("draw a curve of 1 to " + MAX_CURVE_POINTS + " points");
            }
            for (Answer.Point p : drawn.points()) {
                if (!(p.timeS() >= 0 && p.timeS() <= curve.durationS() && p.value() >= curve.min() && p.value() <= curve.max())) {
                    throw new IllegalArgumentException("draw the curve inside its box");
                }
            }
        }
    }
}
