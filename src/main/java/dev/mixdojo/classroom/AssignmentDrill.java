package dev.mixdojo.classroom;

import java.util.Objects;

/**
 * One drill of an assignment, by lesson id and drill id, with the lesson's area and the drill's
 * kind copied in when the assignment was made, so the gradebook can group skills without the
 * lesson files.
 *
 * @param lessonId the lesson's id
 * @param drillId  the drill's id within the lesson
 * @param area     the lesson's area key, e.g. {@code eq}
 * @param kind     the drill's question kind, e.g. {@code eq-band}
 */
public record AssignmentDrill(String lessonId, String drillId, String area, String kind) {
    public AssignmentDrill {
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(drillId, "drillId");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(kind, "kind");
    }

    /** {@code lesson:drill}, as on the command line. */
    public String reference() {
        return lessonId + ":" + drillId;
    }
}
