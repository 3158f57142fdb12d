package dev.mixdojo.classroom;

import java.util.List;
import java.util.Locale;

/** The gradebook as a plain-text table no wider than 80 columns. */
final class GradebookText {
    static final int WIDTH = 80;

    private GradebookText() {
    }

    static String render(Gradebook g) {
        StringBuilder out = new StringBuilder();
        line(out, "Gradebook: " + g.title());
        for (String sentence : GradebookFormat.trustSentences(g)) {
            for (String part : wrap(sentence)) {
                line(out, part);
            }
        }
        line(out, g.students().size() + " results files, " + g.classSize() + " students counted in the class summary.");
        out.append('\n');
        line(out, String.format(Locale.ROOT, "%-26s %7s  %-6s %8s  %s", "Student", "Score", "Result", "Time", "Flags"));
        line(out, "-".repeat(WIDTH));
        for (StudentRow row : g.students()) {
            line(out, String.format(Locale.ROOT, "%-26s %7s  %-6s %8s  %s", fit(row.student(), 26),
                    GradebookFormat.percent(row.scorePercent()) + "%", GradebookFormat.passWord(row),
                    GradebookFormat.duration(row.timeSpent()), row.flagWords()));
        }
        out.append('\n');
        line(out, "Checks: what the gradebook could verify in each file");
        line(out, "-".repeat(WIDTH));
        for (StudentRow row : g.students()) {
            line(out, row.file());
            for (String check : row.checks()) {
                line(out, "  " + check);
            }
        }
        out.append('\n');
        line(out, "Questions: share of the class that got each one right");
        line(out, String.format(Locale.ROOT, "%4s  %-40s %4s  %11s %7s", "#", "Lesson / drill", "Q", "Right", "Share"));
        line(out, "-".repeat(WIDTH));
        for (QuestionShare q : g.questions()) {
            line(out, String.format(Locale.ROOT, "%4d  %-40s %4d  %11s %7s", q.question().number(),
                    fit(q.question().lessonId() + " / " + q.question().drillId(), 40), q.question().questionIndex(),
                    q.right() + " / " + q.classSize(), GradebookFormat.percent(q.sharePercent()) + "%"));
        }
        out.append('\n');
        line(out, "Skills: share of the class's answers that were right");
        line(out, String.format(Locale.ROOT, "%-52s %15s %7s", "Skill (area / drill kind)", "Right", "Share"));
        line(out, "-".repeat(WIDTH));
        for (SkillShare s : g.skills()) {
            line(out, String.format(Locale.ROOT, "%-52s %15s %7s", fit(s.skill(), 52), s.right() + " / " + s.possible(),
                    GradebookFormat.percent(s.sharePercent()) + "%"));
        }
        return out.toString();
    }

    /** The sentence in lines of at most {@link #WIDTH} characters, broken between words. */
    private static List<String> wrap(String sentence) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : sentence.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > WIDTH) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(word);
        }
        lines.add(current.toString());
        return lines;
    }

    /** Cuts text to {@code width} characters, ending in an ellipsis when cut. */
    static String fit(String text, int width) {
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= width ? oneLine : oneLine.substring(0, width - 1) + "…";
    }

    private static void line(StringBuilder out, String text) {
        out.append(fit(text.stripTrailing(), WIDTH)).append('\n');
    }
}
