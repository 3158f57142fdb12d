package dev.mixdojo.classroom;

import dev.mixdojo.base.Csv;
import java.util.List;

/**
 * The gradebook as CSV ({@link Csv}: RFC 4180, text cells defused against formula injection, since
 * names are typed by students). Three sections, each a header row then its rows, separated by one
 * empty row: students, then questions, then skills.
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
        Csv.row(out, STUDENT_HEADER.stream().map(Csv::text).toList());
        for (StudentRow s : g.students()) {
            Csv.row(out, List.of(Csv.text(s.student()), GradebookFormat.percent(s.scorePercent()), GradebookFormat.passWord(s),
                    Long.toString(s.timeSpent().getSeconds()), yesNo(s.flags().contains(GradebookFlag.TAMPERED)),
                    yesNo(s.flags().contains(GradebookFlag.LATE)), yesNo(s.flags().contains(GradebookFlag.DUPLICATE)),
                    yesNo(s.counted()), Csv.text(String.join("; ", s.notes())), Csv.text(s.file()),
                    yesNo(s.flags().contains(GradebookFlag.UNVERIFIED)), Csv.text(String.join("; ", s.checks()))));
        }
        out.append("\r\n");
        Csv.row(out, QUESTION_HEADER.stream().map(Csv::text).toList());
        for (QuestionShare q : g.questions()) {
            PlannedQuestion p = q.question();
            Csv.row(out, List.of(Integer.toString(p.number()), Csv.text(p.lessonId()), Csv.text(p.drillId()),
                    Integer.toString(p.questionIndex()), Long.toString(p.questionSeed()), Csv.text(p.skill()),
                    Integer.toString(q.right()), Integer.toString(q.classSize()), GradebookFormat.percent(q.sharePercent())));
        }
        out.append("\r\n");
        Csv.row(out, SKILL_HEADER.stream().map(Csv::text).toList());
        for (SkillShare s : g.skills()) {
            Csv.row(out, List.of(Csv.text(s.skill()), Integer.toString(s.right()), Integer.toString(s.possible()),
                    GradebookFormat.percent(s.sharePercent())));
        }
        return out.toString();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
