package dev.mixdojo.delivery;

import java.util.Comparator;
import java.util.List;

/**
 * Every rule checked on one file of the delivery, passes included; immutable.
 *
 * @param file     the file name inside the delivery folder
 * @param findings one finding per rule checked, in rule order
 */
public record FileCheck(String file, List<Finding> findings) {

    /** Copies the findings in rule order. */
    public FileCheck {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a file check needs a file name");
        }
        findings = findings.stream().sorted(Comparator.comparing(Finding::rule)).toList();
    }

    /** The worst severity among the findings (pass when there are none). */
    public Severity verdict() {
        return Reports.worst(findings);
    }

    /** The findings that are not passes. */
    public List<Finding> problems() {
        return Reports.problems(findings);
    }
}
