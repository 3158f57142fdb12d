package dev.mixdojo.delivery;

import java.util.Locale;

/** How much a check's outcome matters, from fine to must-fix; ordered, so the worst is the largest. */
public enum Severity {
    /** The check found nothing to fix. */
    PASS,
    /** Worth a question to whoever delivered the stems; the mix can start. */
    WARN,
    /** Must be fixed before mixing (wrong format, clipping, different lengths, unreadable). */
    FAIL;

    /** The lower-case word used in reports: pass, warn or fail. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
