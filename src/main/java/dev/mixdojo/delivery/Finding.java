package dev.mixdojo.delivery;

import java.util.Objects;

/**
 * The outcome of one rule for one file (or for the whole delivery); immutable.
 *
 * @param rule     the rule checked
 * @param severity pass, warn or fail
 * @param message  one sentence for the person who delivered the stems
 */
public record Finding(Rule rule, Severity severity, String message) {

    /** Checks that nothing is missing. */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a finding needs a message");
        }
    }

    static Finding pass(Rule rule, String message) {
        return new Finding(rule, Severity.PASS, message);
    }

    static Finding warn(Rule rule, String message) {
        return new Finding(rule, Severity.WARN, message);
    }

    static Finding fail(Rule rule, String message) {
        return new Finding(rule, Severity.FAIL, message);
    }
}
