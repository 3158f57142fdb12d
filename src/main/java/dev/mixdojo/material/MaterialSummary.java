package dev.mixdojo.material;

import java.util.List;

/**
 * A material as listed without rendering it: name, title, kind ({@code song}, {@code signal} or
 * {@code imported}), style, length in seconds (what a render or import holds) and stem roles.
 */
public record MaterialSummary(String name, String title, String kind, String style, double durationS, List<Role> roles) {
    /** Copies the role list. */
    public MaterialSummary {
        roles = List.copyOf(roles);
    }
}
