package dev.mixdojo.lesson;

import dev.mixdojo.base.yaml.Location;
import dev.mixdojo.base.yaml.YamlNode;
import dev.mixdojo.progress.StaircaseSettings;

/**
 * One drill of a lesson: which kind of question, on which material, how many, with the kind's
 * own options and the staircase on its difficulty variable.
 *
 * @param id         stable within the lesson
 * @param kind       the question kind, e.g. {@code eq-band}
 * @param title      what the drill asks, on screen
 * @param material   the exercise audio
 * @param questions  questions in one round
 * @param options    the kind's own settings, validated by the kind
 * @param difficulty the staircase on the kind's difficulty variable
 * @param location   where the drill starts in its lesson file, for messages
 */
public record DrillSpec(
        String id,
        String kind,
        String title,
        MaterialRef material,
        int questions,
        YamlNode options,
        StaircaseSettings difficulty,
        Location location) {
}
