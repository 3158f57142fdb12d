package dev.mixdojo.delivery;

import java.util.List;

/** Small helpers over lists of findings; pure. */
final class Reports {
    private Reports() {
    }

    static Severity worst(List<Finding> findings) {
        return findings.stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.PASS);
    }

    static List<Finding> problems(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() != Severity.PASS).toList();
    }
}
