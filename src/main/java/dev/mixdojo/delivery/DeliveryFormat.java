package dev.mixdojo.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixdojo.analysis.report.Html;
import dev.mixdojo.analysis.report.JsonTree;
import dev.mixdojo.analysis.report.TextReport;
import java.util.List;
import java.util.Map;

/** The ways a delivery report is written out: 80-column text, JSON, or one self-contained HTML page. */
public enum DeliveryFormat {
    /** Plain text for a terminal, at most 80 columns; only problems are listed, passes are counted. */
    TEXT {
        @Override
        public String render(DeliveryReport report) {
            StringBuilder out = new StringBuilder();
            lines(out, "Stem delivery check: " + report.folder(), "");
            out.append('\n');
            for (FileCheck file : report.files()) {
                lines(out, file.file(), file.verdict().word().toUpperCase(java.util.Locale.ROOT) + "  ");
                for (Finding f : file.problems()) {
                    lines(out, f.message(), "      " + f.rule().key() + ": ");
                }
            }
            out.append('\n');
            List<Finding> deliveryProblems = Reports.problems(report.delivery());
            out.append(deliveryProblems.isEmpty() ? "Delivery: nothing missing.\n" : "Delivery:\n");
            for (Finding f : deliveryProblems) {
                lines(out, f.message(), "  " + f.severity().word() + " " + f.rule().key() + ": ");
            }
            out.append('\n');
            lines(out, summary(report), "");
            return out.toString();
        }
    },
    /** JSON: {@code folder}, {@code files} (each {@code file}, {@code verdict}, {@code problems} with every rule checked), {@code delivery}, {@code summary}. */
    JSON {
        @Override
        public String render(DeliveryReport report) {
            ObjectNode root = JsonTree.object();
            root.put("folder", report.folder());
            ArrayNode files = root.putArray("files");
            for (FileCheck file : report.files()) {
                ObjectNode node = files.addObject();
                node.put("file", file.file());
                node.put("verdict", file.verdict().word());
                findings(node.putArray("problems"), file.findings());
            }
            findings(root.putArray("delivery"), report.delivery());
            ObjectNode summary = root.putObject("summary");
            summary.put("files", report.files().size());
            report.counts().forEach((severity, count) -> summary.put(severity.word(), count));
            summary.put("verdict", report.verdict().word());
            return JsonTree.write(root);
        }
    },
    /** One HTML page with inline styles, no scripts, nothing fetched. */
    HTML {
        @Override
        public String render(DeliveryReport report) {
            StringBuilder out = new StringBuilder();
            out.append(Html.pageStart("Stem delivery check: " + report.folder(), STYLE))
                    .append("<h1>Stem delivery check</h1>\n<p>").append(Html.escape(report.folder())).append("</p>\n<p class=\"")
                    .append(report.verdict().word()).append("\">").append(Html.escape(summary(report))).append("</p>\n")
                    .append("<h2>Files</h2>\n<table>\n<tr><th>File</th><th>Rule</th><th>Result</th><th>Why</th></tr>\n");
            for (FileCheck file : report.files()) {
                List<Finding> shown = file.problems();
                if (shown.isEmpty()) {
                    out.append("<tr class=\"pass\"><td>").append(Html.escape(file.file()))
                            .append("</td><td></td><td>pass</td><td>All ").append(file.findings().size())
                            .append(" checks pass.</td></tr>\n");
                }
                for (Finding f : shown) {
                    out.append("<tr class=\"").append(f.severity().word()).append("\"><td>").append(Html.escape(file.file()))
                            .append("</td>");
                    row(out, f);
                }
            }
            out.append("</table>\n<h2>Delivery</h2>\n<table>\n<tr><th>Rule</th><th>Result</th><th>Why</th></tr>\n");
            for (Finding f : report.delivery()) {
                out.append("<tr class=\"").append(f.severity().word()).append("\">");
                row(out, f);
            }
            return out.append("</table>\n</body>\n</html>\n").toString();
        }
    };

    private static final String STYLE = """
            body { font: 15px/1.4 system-ui, sans-serif; margin: 2em; color: #1d1d1f; }
            table { border-collapse: collapse; margin-bottom: 2em; }
            th, td { padding: 0.3em 0.8em; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
            .warn td, p.warn { background: #fff3cd; }
            .fail td, p.fail { background: #f8d7da; }
            """;

    /** The report in this format. */
    public abstract String render(DeliveryReport report);

    private static void lines(StringBuilder out, String text, String prefix) {
        TextReport.wrap(text, prefix).forEach(l -> out.append(l).append('\n'));
    }

    private static void findings(ArrayNode array, List<Finding> findings) {
        for (Finding f : findings) {
            array.addObject().put("rule", f.rule().key()).put("severity", f.severity().word()).put("message", f.message());
        }
    }

    private static void row(StringBuilder out, Finding f) {
        out.append("<td>").append(f.rule().key()).append("</td><td>").append(f.severity().word()).append("</td><td>")
                .append(Html.escape(f.message())).append("</td></tr>\n");
    }

    static String summary(DeliveryReport report) {
        Map<Severity, Integer> counts = report.counts();
        String verdict = switch (report.verdict()) {
            case PASS -> "The delivery is ready to mix.";
            case WARN -> "The delivery can be mixed; ask about the warnings.";
            case FAIL -> "The delivery needs fixing before mixing.";
        };
        return report.files().size() + " audio files; " + counts.get(Severity.FAIL) + " failed, "
                + counts.get(Severity.WARN) + " warnings, " + counts.get(Severity.PASS) + " checks passed. " + verdict;
    }
}
