package dev.mixdojo.classroom;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks an assignment's drills from a lesson library: whole lessons and single drills, in the order given. */
public final class AssignmentDrills {
    private AssignmentDrills() {
    }

    /**
     * Every drill of each lesson in {@code lessonIds}, then each {@code lesson:drill} of
     * {@code drillReferences}, without repeats. An unknown lesson or drill is a BadInputException
     * naming it and what there is instead.
     */
    public static List<AssignmentDrill> pick(LessonLibrary library, List<String> lessonIds, List<String> drillReferences) {
        Map<String, AssignmentDrill> picked = new LinkedHashMap<>();
        for (String lessonId : lessonIds) {
            Lesson lesson = lesson(library, lessonId);
            for (DrillSpec drill : lesson.drills()) {
                picked.putIfAbsent(lessonId + ":" + drill.id(), of(lesson, drill));
            }
        }
        for (String reference : drillReferences) {
            int colon = reference.indexOf(':');
            if (colon <= 0 || colon == reference.length() - 1) {
                throw new BadInputException("A drill is given as LESSON:DRILL, e.g. eq-octaves:octave; got '" + reference
                        + "'.");
            }
            Lesson lesson = lesson(library, reference.substring(0, colon));
            String drillId = reference.substring(colon + 1);
            DrillSpec drill = lesson.drills().stream().filter(d -> d.id().equals(drillId)).findFirst()
                    .orElseThrow(() -> new BadInputException("The lesson '" + lesson.id() + "' has no drill '" + drillId
                            + "'; its drills are " + String.join(", ", lesson.drills().stream().map(DrillSpec::id).toList())
                            + "."));
            picked.putIfAbsent(reference, of(lesson, drill));
        }
        if (picked.isEmpty()) {
            throw new BadInputException("An assignment needs at least one lesson or drill: give --lesson ID or --drill"
                    + " LESSON:DRILL.");
        }
        return List.copyOf(picked.values());
    }

    private static Lesson lesson(LessonLibrary library, String id) {
        return library.lesson(id).orElseThrow(() -> new BadInputException("There is no lesson '" + id
                + "'; the lessons are " + String.join(", ", library.lessons().stream().map(Lesson::id).toList()) + "."));
    }

    private static AssignmentDrill of(Lesson lesson, DrillSpec drill) {
        return new AssignmentDrill(lesson.id(), drill.id(), lesson.area().key(), drill.kind());
    }
}
