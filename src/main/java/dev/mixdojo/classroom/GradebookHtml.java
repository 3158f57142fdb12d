package dev.mixdojo.classroom;

import dev.mixdojo.analysis.report.Html;
import java.util.Locale;

/** The gradebook as one self-contained HTML page: inline styles, no scripts, nothing fetched. */
final class GradebookHtml {
    private static final String STYLE = """
            body { font: 15px/1.4 system-ui, sans-serif; margin: 2em; color: #1d1d1f; }
            table { border-collapse: collapse; margin-bottom: 2em; }
            th, td { padding: 0.3em 0.8em; border-bottom: 1px solid #ddd; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            tr.flagged td { background: #fff3cd; }
            .bar { display: inline-block; height: 0.8em; background: #3b7dd8; vertical-align: middle; }
            .warn { color: #a33; }
            """;

    private GradebookHtml() {
    }

    static String render(Gradebook g) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Gradebook: ")
                .append(Html.escape(g.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<h1>Gradebook: ").append(Html.escape(g.title())).append("</h1>\n<p>")
                .append(Html.escape(String.join(" ", GradebookFormat.trustSentences(g))))
                .append(' ').append(g.students().size()).append(" results files, ").append(g.classSize())
                .append(" students counted in the class summary.</p>\n");
        out.append("<h2>Students</h2>\n<table>\n<tr><th>Student</th><th>Score</th><th>Result</th><th>Time</th>"
                + "<th>Flags</th><th>Why</th><th>Checked</th><th>File</th></tr>\n");
        for (StudentRow s : g.students()) {
            out.append(s.flags().isEmpty() ? "<tr>" : "<tr class=\"flagged\">")
                    .append("<td>").append(Html.escape(s.student())).append("</td>")
                    .append("<td class=\"n\">").append(GradebookFormat.percent(s.scorePercent())).append(" %</td>")
                    .append("<td>").append(GradebookFormat.passWord(s)).append("</td>")
                    .append("<td class=\"n\">").append(GradebookFormat.duration(s.timeSpent())).append("</td>")
                    .append("<td>").append(Html.escape(s.flagWords())).append("</td>")
                    .append("<td>").append(Html.escape(String.join("; ", s.notes()))).append("</td>")
                    .append("<td>").append(Html.escape(String.join("; ", s.checks()))).append("</td>")
                    .append("<td>").append(Html.escape(s.file())).append("</td></tr>\n");
        }
        out.append("</table>\n<h2>Questions</h2>\n<table>\n<tr><th>#</th><th>Lesson / drill</th><th>Question</th>"
                + "<th>Right</th><th>Share of the class</th></tr>\n");
        for (QuestionShare q : g.questions()) {
            PlannedQuestion p = q.question();
            out.append("<tr><td class=\"n\">").append(p.number()).append("</td><td>")
                    .append(Html.escape(p.lessonId() + " / " + p.drillId())).append("</td><td class=\"n\">")
                    .append(p.questionIndex()).append("</td><td class=\"n\">").append(q.right()).append(" / ")
                    .append(q.classSize()).append("</td>").append(shareCell(q.sharePercent())).append("</tr>\n");
        }
        out.append("</table>\n<h2>Skills</h2>\n<table>\n<tr><th>Skill (area / drill kind)</th><th>Right</th>"
                + "<th>Share of the answers</th></tr>\n");
        for (SkillShare s : g.skills()) {
            out.append("<tr><td>").append(Html.escape(s.skill())).append("</td><td class=\"n\">").append(s.right())
                    .append(" / ").append(s.possible()).append("</td>").append(shareCell(s.sharePercent())).append("</tr>\n");
        }
        out.append("</table>\n");
        if (!g.warnings().isEmpty()) {
            out.append("<h2>Warnings</h2>\n<ul class=\"warn\">\n");
            g.warnings().forEach(w -> out.append("<li>").append(Html.escape(w)).append("</li>\n"));
            out.append("</ul>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static String shareCell(double percent) {
        return String.format(Locale.ROOT, "<td><span class=\"bar\" style=\"width:%.0fpx\"></span> %s %%</td>",
                2 * percent, GradebookFormat.percent(percent));
    }
}
