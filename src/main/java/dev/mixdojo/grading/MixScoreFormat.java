package dev.mixdojo.grading;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixdojo.analysis.report.Comparison;
import dev.mixdojo.analysis.report.Html;
import dev.mixdojo.analysis.report.JsonTree;
import dev.mixdojo.analysis.report.TextReport;
import dev.mixdojo.analysis.spectrum.BandLevels;
import java.util.List;
import java.util.Locale;

/** The ways a mix score is written out: 80-column text, JSON, or one self-contained HTML page. */
public enum MixScoreFormat {
    /** Plain text for a terminal, at most 80 columns: the score, each item beyond its JND with advice, then the items within. */
    TEXT {
        @Override
        public String render(MixScore score) {
            StringBuilder out = new StringBuilder();
            out.append("Mix score: ").append(score.score()).append(" / 100\n\n");
            java.util.Map<String, List<String>> fine = new java.util.LinkedHashMap<>();
            for (ScoreItem item : score.items()) {
                if (item.verdict() == Verdict.WITHIN) {
                    fine.computeIfAbsent(item.subject(), k -> new java.util.ArrayList<>()).add(item.aspect());
                    continue;
                }
                String head = String.format(Locale.ROOT, "%-7s %-14s %-8s %+6.1f %-6s ", item.verdict().word(),
                        clip(item.subject(), 14), item.aspect(), item.error(), item.unit());
                TextReport.wrap(item.advice(), head).forEach(l -> out.append(l).append('\n'));
            }
            if (!fine.isEmpty()) {
                List<String> parts = new java.util.ArrayList<>();
                fine.forEach((subject, aspects) -> parts.add(subject + " " + String.join(", ", aspects)));
                TextReport.wrap(String.join("; ", parts) + ".", "Within what an ear notices: ")
                        .forEach(l -> out.append(l).append('\n'));
            }
            out.append('\n');
            TextReport.wrap(EXPLANATION, "").forEach(l -> out.append(l).append('\n'));
            return out.toString();
        }
    },
    /** JSON: {@code score}, {@code stems} and {@code targetStems} (name, gainDb, pan, eqBandsHz, eqGainDb), {@code mix}, {@code items}. */
    JSON {
        @Override
        public String render(MixScore score) {
            ObjectNode root = JsonTree.object();
            root.put("score", score.score());
            stems(root.putArray("stems"), score.mix().stems());
            stems(root.putArray("targetStems"), score.target().stems());
            ObjectNode mix = root.putObject("mix");
            number(mix, "mixOffsetFrames", score.mix().mixOffsetFrames());
            number(mix, "targetOffsetFrames", score.target().mixOffsetFrames());
            number(mix, "residualDb", score.mix().residualDb());
            number(mix, "overallGainDb", score.overallGainDb());
            score.mixAnalysis().loudness().ifPresent(l -> {
                number(mix, "integratedLufs", l.integratedLufs());
                number(mix, "truePeakDbtp", l.truePeakDbtp());
            });
            score.mixAnalysis().stereo().ifPresent(s -> number(mix, "widthRatio", s.widthRatio()));
            score.mixAnalysis().comparison().ifPresent(c -> comparison(mix, c));
            ArrayNode items = root.putArray("items");
            for (ScoreItem i : score.items()) {
                ObjectNode node = items.addObject();
                node.put("subject", i.subject());
                node.put("aspect", i.aspect());
                number(node, "error", i.error());
                node.put("unit", i.unit());
                number(node, "jnd", i.jnd());
                node.put("verdict", i.verdict().word());
                number(node, "pointsLost", i.pointsLost());
                node.put("advice", i.advice());
            }
            return JsonTree.write(root);
        }
    },
    /** One HTML page with inline styles, no scripts, nothing fetched. */
    HTML {
        @Override
        public String render(MixScore score) {
            StringBuilder out = new StringBuilder();
            out.append(Html.pageStart("Mix score " + score.score() + " / 100", STYLE))
                    .append("<h1>Mix score: ").append(score.score()).append(" / 100</h1>\n<table>\n")
                    .append("<tr><th>Stem</th><th>Aspect</th><th>Error</th><th>Verdict</th><th>Points lost</th><th>Advice</th></tr>\n");
            for (ScoreItem i : score.items()) {
                out.append("<tr class=\"").append(i.verdict().word()).append("\"><td>").append(Html.escape(i.subject()))
                        .append("</td><td>").append(i.aspect()).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%+.1f %s", i.error(), i.unit())).append("</td><td>")
                        .append(i.verdict().word()).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.1f", i.pointsLost())).append("</td><td>")
                        .append(Html.escape(i.advice())).append("</td></tr>\n");
            }
            out.append("</table>\n<h2>Estimated stems (mix / target)</h2>\n<table>\n")
                    .append("<tr><th>Stem</th><th>Gain</th><th>Pan</th><th>Target gain</th><th>Target pan</th></tr>\n");
            for (int s = 0; s < score.mix().stems().size(); s++) {
                StemEstimate m = score.mix().stems().get(s);
                StemEstimate t = score.target().stems().get(s);
                out.append("<tr><td>").append(Html.escape(m.name())).append("</td>")
                        .append(String.format(Locale.ROOT, "<td>%+.1f dB</td><td>%s</td><td>%+.1f dB</td><td>%s</td></tr>%n",
                                m.gainDb(), MixScorer.position(m.pan()), t.gainDb(), MixScorer.position(t.pan())));
            }
            return out.append("</table>\n<p>").append(Html.escape(EXPLANATION)).append("</p>\n</body>\n</html>\n").toString();
        }
    };

    static final String EXPLANATION = String.format(Locale.ROOT,
            "Each stem's level, pan (as interaural level difference), EQ (per third-octave band), level rides (per "
                    + "3-second window), compression (its loudness range) and, where the target has a reverb bus, reverb "
                    + "send is compared with the target, and so is low-end masking between kick and bass. Within the "
                    + "just-noticeable difference costs nothing; beyond it an item loses up to %.0f points, all of them at "
                    + "%.0f JNDs past the JND. Level errors are measured after removing the whole mix's level change (the "
                    + "median stem difference).", MixScorer.POINTS_PER_ITEM, MixScorer.FULL_COST_JNDS);
    private static final String STYLE = """
            body { font: 15px/1.4 system-ui, sans-serif; margin: 2em; color: #1d1d1f; }
            table { border-collapse: collapse; margin-bottom: 2em; }
            th, td { padding: 0.3em 0.8em; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
            .near td { background: #fff3cd; }
            .outside td { background: #f8d7da; }
            """;

    /** The score in this format. */
    public abstract String render(MixScore score);

    private static void stems(ArrayNode array, List<StemEstimate> stems) {
        for (StemEstimate s : stems) {
            ObjectNode node = array.addObject();
            node.put("name", s.name());
            number(node, "gainDb", s.gainDb());
            number(node, "pan", s.pan());
            ArrayNode bands = node.putArray("eqBandsHz");
            s.eqBandsHz().forEach(bands::add);
            ArrayNode gains = node.putArray("eqGainDb");
            s.eqGainDb().forEach(g -> {
                if (Double.isFinite(g)) {
                    gains.add(g);
                } else {
                    gains.addNull();
                }
            });
        }
    }

    private static void comparison(ObjectNode mix, Comparison c) {
        number(mix, "loudnessDifferenceLu", c.integratedDifferenceLu());
        number(mix, "truePeakDifferenceDb", c.truePeakDifferenceDb());
        number(mix, "widthRatioDifference", c.widthRatioDifference());
        BandLevels tonal = c.tonalBalanceDb();
        if (tonal != null) {
            ArrayNode bands = mix.putArray("tonalBalanceBandsHz");
            ArrayNode levels = mix.putArray("tonalBalanceDifferenceDb");
            for (int b = 0; b < tonal.bands().count(); b++) {
                bands.add(tonal.bands().centreHz(b));
                double v = tonal.levelDb(b);
                if (Double.isFinite(v)) {
                    levels.add(v);
                } else {
                    levels.addNull();
                }
            }
        }
    }

    private static void number(ObjectNode node, String key, double value) {
        JsonTree.number(node, key, value);
    }

    /** The text, cut to {@code width} characters with an ellipsis when longer. */
    static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
