package dev.mixdojo.exercise;

import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.lesson.DrillSpec;

/** A kind of question (e.g. {@code eq-band}): checks a drill's options and makes questions. */
public interface QuestionKind {

    /** The name lesson files use; stable. */
    String name();

    /** The skill whose staircase this kind's answers move, e.g. {@code eq.frequency}. */
    String skill();

    /** What the staircase's level means for this kind, e.g. "boost size in dB". */
    String difficulty();

    /** Records every problem with the drill's options (unknown keys, values out of range, unsuitable material). */
    void checkOptions(DrillSpec drill, Problems problems);

    /** Makes the question for this level and seed; the same arguments always give the same question. */
    Question generate(String lessonId, DrillSpec drill, double level, long seed, ExerciseAudio audio);

    /**
     * Makes the question as {@link #generate(String, DrillSpec, double, long, ExerciseAudio)} does, but
     * chooses its target (a band, a stem) more often where the learner is weak; the same arguments
     * and weights always give the same question, and {@link TargetWeights#NONE} gives exactly the
     * unweighted question. Kinds without labelled targets ignore the weights.
     */
    default Question generate(String lessonId, DrillSpec drill, double level, long seed, ExerciseAudio audio,
            TargetWeights weights) {
        return generate(lessonId, drill, level, seed, audio);
    }
}
