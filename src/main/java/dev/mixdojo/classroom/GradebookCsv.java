package dev.mixdojo.classroom;

import java.util.List;

/**
 * The gradebook as CSV (RFC 4180: CRLF lines, fields with commas, quotes or line breaks quoted).
 * Three sections, each a header row then its rows, separated by one empty row: students, then
 * questions, then skills. Text that a spreadsheet would run as a formula (starting with =, +,
 * -, @) is prefixed with an apostrophe (OWASP "CSV injection"), since names are typed by students.
 */
final class GradebookCsv {
    static final List<String> STUDENT_HEADER = List.of("student", "score_percent", "result", "time_spent_s",
            "tampered", "late", "duplicate", "counted", "notes", "file", "unverified", "checks");
    static final List<String> QUESTION_HEADER = List.of("question", "lesson", "drill", "question_in_drill", "seed",
            "skill", "right", "class_size", "share_percent");
    static final List<String> SKILL_HEADER = List.of("skill", "right", "possible", "share_percent");

    private GradebookCsv() {
    }

    static String render(Gradebook g) {
        StringBuilder out = new StringBuilder();
        row(out, STUDENT_HEADER.stream().map(GradebookCsv::text).toList());
        for (StudentRow s : g.students()) {
            row(out, List.of(text(s.student()), GradebookFormat.percent(s.scorePercent()), GradebookFormat.passWord(s),
                    Long.toString(s.timeSpent().getSeconds()), yesNo(s.flags().contains(GradebookFlag.TAMPERED)),
                    yesNo(s.flags().contains(GradebookFlag.LATE)), yesNo(s.flags().contains(GradebookFlag.DUPLICATE)),
                    yesNo(s.counted()), text(String.join("; ", s.notes())), text(s.file()),
                    yesNo(s.flags().contains(GradebookFlag.UNVERIFIED)), text(String.join("; ", s.checks()))));
        }
        out.append("\r\n");
        row(out, QUESTION_HEADER.stream().map(GradebookCsv::text).toList());
        for (QuestionShare q : g.questions()) {
            PlannedQuestion p = q.question();
            row(out, List.of(Integer.toString(p.number()), text(p.lessonId()), text(p.drillId()),
                    Integer.toString(p.questionIndex()), Long.toString(p.questionSeed()), text(p.skill()),
                    Integer.toString(q.right()), Integer.toString(q.classSize()), GradebookFormat.percent(q.sharePercent())));
        }
        out.append("\r\n");
        row(out, SKILL_HEADER.stream().map(GradebookCsv::text).toList());
        for (SkillShare s : g.skills()) {
            row(out, List.of(text(s.skill()), Integer.toString(s.right()), Integer.toString(s.possible()),
                    GradebookFormat.percent(s.sharePercent())));
        }
        return out.toString();
    }

    /** A text cell: defused if a spreadsheet would read it as a formula, quoted when needed. */
    static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** Appends one CSV row (cells already escaped) and its CRLF. */
    static void row(StringBuilder out, List<String> cells) {
        out.append(String.join(",", cells)).append("\r\n");
    }
}
