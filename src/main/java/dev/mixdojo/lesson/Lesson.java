package dev.mixdojo.lesson;

import dev.mixdojo.base.yaml.Location;
import java.nio.file.Path;
import java.util.List;

/**
 * A lesson: it explains one idea and why a mix engineer cares, lets the learner hear it in
 * demonstrations, then drills it, starting easy.
 *
 * @param id       stable identifier (lower-case words joined by hyphens), used by the curriculum,
 *                 progress and the command line
 * @param title    what the lesson is called on screen
 * @param area     the part of the craft, e.g. {@code eq} or {@code compression}
 * @param requires ids of lessons to finish first
 * @param teach    the explanation, in paragraphs separated by blank lines
 * @param why      why a mix engineer cares, in a few sentences
 * @param demos    things to listen to before drilling
 * @param drills   the exercises, easiest first
 * @param challenges mix challenges: stems to mix towards a target, scored (after the drills)
 * @param location where the lesson starts in its file, for messages
 * @param requiresLocation where its 'requires' list is (or the lesson's start), for messages
 */
public record Lesson(
        String id,
        String title,
        Area area,
        List<String> requires,
        String teach,
        String why,
        List<Demo> demos,
        List<DrillSpec> drills,
        List<MixChallenge> challenges,
        Location location,
        Location requiresLocation) {

    /** The lesson file. */
    public Path file() {
        return location.file();
    }

    public Lesson {
        requires = List.copyOf(requires);
        demos = List.copyOf(demos);
        drills = List.copyOf(drills);
        challenges = List.copyOf(challenges);
    }
}
