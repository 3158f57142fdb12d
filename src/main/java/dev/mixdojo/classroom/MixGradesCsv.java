package dev.mixdojo.classroom;

import dev.mixdojo.base.Csv;
import dev.mixdojo.grading.MixScore;
import dev.mixdojo.grading.ScoreItem;
import dev.mixdojo.grading.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A class's mix grades as CSV (RFC 4180, CRLF, cells defused as in the gradebook): one row per
 * handed-in mix with {@code student,file,score,problem}, then one column per item reported for any
 * mix of the class ({@code Bass level}, {@code Keys eq}, …, {@code mix loudness}) holding the
 * verdict and the signed error, e.g. {@code outside +3.0 dB}, or {@code within} for a scored mix
 * that has no such item (it matches the target there within what an ear notices).
 */
public final class MixGradesCsv {
    /** The columns every file has, before the per-item ones. */
    public static final List<String> HEADER = List.of("student", "file", "score", "problem");

    private MixGradesCsv() {
    }

    /** The CSV text of {@code grades}, in their order. */
    public static String render(List<MixGrade> grades) {
        Set<String> items = new LinkedHashSet<>();
        for (MixGrade grade : grades) {
            grade.score().ifPresent(s -> s.items().forEach(item -> items.add(column(item))));
        }
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(HEADER);
        header.addAll(items);
        Csv.row(out, header.stream().map(Csv::text).toList());
        for (MixGrade grade : grades) {
            List<String> cells = new ArrayList<>();
            cells.add(Csv.text(grade.student()));
            cells.add(Csv.text(grade.file()));
            cells.add(grade.score().map(s -> Integer.toString(s.score())).orElse(""));
            cells.add(Csv.text(grade.problem().orElse("")));
            for (String column : items) {
                cells.add(Csv.text(grade.score()
                        .map(s -> item(s, column).map(MixGradesCsv::verdict).orElse(Verdict.WITHIN.word())).orElse("")));
            }
            Csv.row(out, cells);
        }
        return out.toString();
    }

    private static String column(ScoreItem item) {
        return item.subject() + " " + item.aspect();
    }

    private static Optional<ScoreItem> item(MixScore score, String column) {
        return score.items().stream().filter(i -> column(i).equals(column)).findFirst();
    }

    private static String verdict(ScoreItem item) {
        return String.format(Locale.ROOT, "%s %+.1f %s", item.verdict().word(), item.error(), item.unit());
    }
}
