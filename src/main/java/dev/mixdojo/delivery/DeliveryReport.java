package dev.mixdojo.delivery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of checking a stem delivery; immutable.
 *
 * @param folder   the delivery folder as the user named it
 * @param files    one check per audio file, in name order
 * @param delivery findings about the delivery as a whole (notes, rough mix, effect returns)
 */
public record DeliveryReport(String folder, List<FileCheck> files, List<Finding> delivery) {

    /** Copies the lists. */
    public DeliveryReport {
        files = List.copyOf(files);
        delivery = List.copyOf(delivery);
    }

    /** How many findings (file and delivery findings together) have each severity. */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Finding f : allFindings()) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        return counts;
    }

    /** The worst severity of any finding: pass, warn or fail. */
    public Severity verdict() {
        return Reports.worst(allFindings());
    }

    private List<Finding> allFindings() {
        List<Finding> all = new ArrayList<>(delivery);
        files.forEach(f -> all.addAll(f.findings()));
        return all;
    }
}
