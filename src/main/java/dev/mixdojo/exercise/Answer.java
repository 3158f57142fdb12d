package dev.mixdojo.exercise;

/** What the learner answered: a chosen option's label, or a value in the skill's unit. */
public sealed interface Answer {

    /** The label of the chosen option. */
    record Chosen(String label) implements Answer {
    }

    /** A value in the unit of the question's quantity. */
    record Valued(double value) implements Answer {
    }
}
