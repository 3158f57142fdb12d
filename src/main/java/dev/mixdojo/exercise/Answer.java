package dev.mixdojo.exercise;

import java.util.List;
import java.util.Map;

/**
 * What the learner answered: a chosen option's label, a value in the skill's unit, a drawn curve
 * or a set of dialled settings.
 */
public sealed interface Answer {

    /** The label of the chosen option. */
    record Chosen(String label) implements Answer {
    }

    /** A value in the unit of the question's quantity. */
    record Valued(double value) implements Answer {
    }

    /** A curve drawn over the excerpt, as points in time order (seconds from its start, value in the form's unit). */
    record Drawn(List<Point> points) implements Answer {
        public Drawn {
            points = List.copyOf(points);
            for (int i = 1; i < points.size(); i++) {
                if (points.get(i).timeS() < points.get(i - 1).timeS()) {
                    throw new IllegalArgumentException("a drawn curve's points must be in time order");
                }
            }
        }
    }

    /** One point of a drawn curve: seconds from the excerpt's start and the value there. */
    record Point(double timeS, double value) {
    }

    /** Dialled settings by name (see {@link AnswerForm.Setting}), each in its quantity's unit. */
    record Dialed(Map<String, Double> values) implements Answer {
        public Dialed {
            values = Map.copyOf(values);
        }
    }
}
