package dev.mixdojo.base.yaml;

import dev.mixdojo.base.BadInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in one or more files, so all can be reported at once. */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();

    /** Records a problem at a place (once: the same problem found twice is one problem). */
    public void add(Location location, String message) {
        Problem problem = new Problem(location, message);
        if (!found.contains(problem)) {
            found.add(problem);
        }
    }

    /** The problems, ordered by file, line and column. */
    public List<Problem> all() {
        return found.stream()
                .sorted(Comparator.comparing((Problem p) -> p.location().file().toString())
                        .thenComparingInt(p -> p.location().line())
                        .thenComparingInt(p -> p.location().column()))
                .toList();
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws a BadInputException listing every problem, one per line, if there are any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new BadInputException(String.join("\n", all().stream().map(Problem::toString).toList()));
        }
    }
}
