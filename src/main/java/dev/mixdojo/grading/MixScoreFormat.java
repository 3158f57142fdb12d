package dev.mixdojo.grading;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixdojo.analysis.report.Html;
import dev.mixdojo.analysis.report.JsonTree;
import dev.mixdojo.analysis.report.TextReport;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ways a mix score is written out: 80-column text, JSON, or one self-contained HTML page. */
public enum MixScoreFormat {
    /**
     * Plain text for a terminal, at most 80 columns: the score, what the stems do not explain, each item with its
     * advice (worst first), the stems that match, how much of each mix the stems explain, and how the score is made.
     */
    TEXT {
        @Override
        public String render(MixScore score) {
            StringBuilder out = new StringBuilder();
            out.append(headline(score)).append("\n\n");
            score.fit().sentence().ifPresent(s -> {
                TextReport.wrap(s, "").forEach(l -> out.append(l).append('\n'));
                out.append('\n');
            });
            if (!score.setAside().isEmpty()) {
                TextReport.wrap(setAside(score), "").forEach(l -> out.append(l).append('\n'));
                out.append('\n');
            }
            for (ScoreItem item : worstFirst(score)) {
                String head = String.format(Locale.ROOT, "%-7s %-14s %-11s %s ", item.verdict().word(),
                        clip(item.subject(), 14), item.aspect(), error(item));
                TextReport.wrap(item.advice(), head).forEach(l -> out.append(l).append('\n'));
            }
            List<String> matching = matching(score);
            if (!matching.isEmpty() && score.fit().trust() != FitQuality.Trust.WITHHELD) {
                TextReport.wrap(String.join(", ", matching) + ".", "Match the target within what an ear notices: ")
                        .forEach(l -> out.append(l).append('\n'));
            }
            out.append('\n');
            TextReport.wrap(coverage(score), "").forEach(l -> out.append(l).append('\n'));
            out.append('\n');
            TextReport.wrap(EXPLANATION, "").forEach(l -> out.append(l).append('\n'));
            return out.toString();
        }
    },
    /**
     * JSON: {@code score}, {@code fit}, {@code compared}, {@code items} (each with its {@code fix} in the chain
     * vocabulary), {@code suggestions} (per stem, the fixes as one chain), {@code stems} and {@code targetStems},
     * {@code mix}.
     */
    JSON {
        @Override
        public String render(MixScore score) {
            ObjectNode root = JsonTree.object();
            root.put("score", score.score());
            ObjectNode fit = root.putObject("fit");
            number(fit, "mixResidualDb", score.fit().mixResidualDb());
            number(fit, "targetResidualDb", score.fit().targetResidualDb());
            fit.put("trust", score.fit().trust().name().toLowerCase(Locale.ROOT));
            score.fit().sentence().ifPresent(s -> fit.put("sentence", s));
            ArrayNode setAside = root.putArray("setAside");
            for (StemSet.SetAside file : score.setAside()) {
                setAside.addObject().put("name", file.name()).put("reason", file.reason());
            }
            ObjectNode compared = root.putObject("compared");
            number(compared, "fromS", score.mix().comparedFromS());
            number(compared, "toS", score.mix().comparedToS());
            ArrayNode items = root.putArray("items");
            for (ScoreItem i : score.items()) {
                ObjectNode node = items.addObject();
                node.put("subject", i.subject());
                node.put("aspect", i.aspect());
                number(node, "error", i.error());
                number(node, "uncertainty", i.uncertainty());
                node.put("unit", i.unit());
                number(node, "jnd", i.jnd());
                node.put("verdict", i.verdict().word());
                number(node, "distance", i.distance());
                number(node, "pointsLost", i.pointsLost());
                node.put("advice", i.advice());
                i.fix().ifPresent(f -> node.set("fix", JsonTree.tree(
                        ChainWriter.entries(new ChainDescription(List.of(f))).get(0))));
            }
            ObjectNode suggestions = root.putObject("suggestions");
            for (Map.Entry<String, ChainDescription> e : score.suggestions().entrySet()) {
                suggestions.set(e.getKey(), JsonTree.tree(ChainWriter.entries(e.getValue())));
            }
            stems(root.putArray("stems"), score.mix().stems());
            stems(root.putArray("targetStems"), score.target().stems());
            ObjectNode mix = root.putObject("mix");
            number(mix, "mixOffsetFrames", score.mix().mixOffsetFrames());
            number(mix, "targetOffsetFrames", score.target().mixOffsetFrames());
            mix.put("mono", score.mix().mono());
            mix.put("targetMono", score.target().mono());
            number(mix, "overallGainDb", score.overallGainDb());
            number(mix, "integratedLufs", score.loudness().mixLufs());
            number(mix, "targetIntegratedLufs", score.loudness().targetLufs());
            number(mix, "loudnessDifferenceLu", score.loudness().differenceLu());
            return JsonTree.write(root);
        }
    },
    /** One HTML page with inline styles, no scripts, nothing fetched. */
    HTML {
        @Override
        public String render(MixScore score) {
            StringBuilder out = new StringBuilder();
            out.append(Html.pageStart(headline(score), STYLE))
                    .append("<h1>").append(Html.escape(headline(score))).append("</h1>\n");
            score.fit().sentence().ifPresent(s -> out.append("<p class=\"fit\">").append(Html.escape(s)).append("</p>\n"));
            if (!score.setAside().isEmpty()) {
                out.append("<p>").append(Html.escape(setAside(score))).append("</p>\n");
            }
            out.append("<table>\n<tr><th>Stem</th><th>Aspect</th><th>Error</th><th>Verdict</th><th>Points lost</th>"
                    + "<th>Advice</th><th>Move</th></tr>\n");
            for (ScoreItem i : worstFirst(score)) {
                out.append("<tr class=\"").append(i.verdict().word()).append("\"><td>").append(Html.escape(i.subject()))
                        .append("</td><td>").append(i.aspect()).append("</td><td>").append(Html.escape(error(i).strip()))
                        .append("</td><td>").append(i.verdict().word()).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.1f", i.pointsLost())).append("</td><td>")
                        .append(Html.escape(i.advice())).append("</td><td><code>")
                        .append(Html.escape(i.fix().map(f -> ChainWriter.write(new ChainDescription(List.of(f))).strip())
                                .orElse(""))).append("</code></td></tr>\n");
            }
            out.append("</table>\n");
            List<String> matching = matching(score);
            if (!matching.isEmpty() && score.fit().trust() != FitQuality.Trust.WITHHELD) {
                out.append("<p>Match the target within what an ear notices: ")
                        .append(Html.escape(String.join(", ", matching))).append(".</p>\n");
            }
            out.append("<h2>Estimated stems (mix / target)</h2>\n<table>\n")
                    .append("<tr><th>Stem</th><th>Gain</th><th>Pan</th><th>Target gain</th><th>Target pan</th></tr>\n");
            for (int s = 0; s < score.mix().stems().size(); s++) {
                StemEstimate m = score.mix().stems().get(s);
                StemEstimate t = score.target().stems().get(s);
                out.append("<tr><td>").append(Html.escape(m.name())).append("</td>")
                        .append(String.format(Locale.ROOT, "<td>%+.1f dB</td><td>%s</td><td>%+.1f dB</td><td>%s</td></tr>%n",
                                m.gainDb(), Words.position(m.pan()), t.gainDb(), Words.position(t.pan())));
            }
            return out.append("</table>\n<p>").append(Html.escape(coverage(score))).append("</p>\n<p>")
                    .append(Html.escape(EXPLANATION)).append("</p>\n</body>\n</html>\n").toString();
        }
    };

    static final String EXPLANATION = String.format(Locale.ROOT,
            "Each stem's difference from the target is explained with the fewest moves a mix engineer would make (a "
                    + "fader, a pan, EQ bands, a ride over part of the song, a compressor); what every stem shares (the "
                    + "whole mix louder, a master EQ, master compression, a fade) is no stem's fault and is not scored. A "
                    + "move is reported when it is above half its just-noticeable difference (JND) and at least %.0f "
                    + "times its uncertainty (±, from the song's stretches apart). Each move adds its distance beyond "
                    + "the JND, in JNDs; the score is 100 / (1 + (D / %.0f)^%.1f) for the distance D of all of them "
                    + "together: within the JND costs nothing, 1.5 JND off costs 3 points, a distance of %.0f scores 50.",
            Diagnosis.SIGNIFICANCE, ScoreScale.HALF_DISTANCE, ScoreScale.STEEPNESS, ScoreScale.HALF_DISTANCE);
    private static final String STYLE = """
            body { font: 15px/1.4 system-ui, sans-serif; margin: 2em; color: #1d1d1f; }
            table { border-collapse: collapse; margin-bottom: 2em; }
            th, td { padding: 0.3em 0.8em; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
            .near td { background: #fff3cd; }
            .outside td { background: #f8d7da; }
            .fit { font-weight: 600; }
            """;

    /** The score in this format. */
    public abstract String render(MixScore score);

    /** "Mix score: 57 / 100", or that the score is withheld. */
    static String headline(MixScore score) {
        return score.fit().trust() == FitQuality.Trust.WITHHELD ? "Mix score: withheld (the stems do not explain the mixes)"
                : "Mix score: " + score.score() + " / 100";
    }

    /** The items by points lost, then by how many JNDs off they are. */
    public static List<ScoreItem> worstFirst(MixScore score) {
        return score.items().stream().sorted(java.util.Comparator.comparingDouble(ScoreItem::pointsLost)
                .thenComparingDouble(i -> Math.abs(i.error()) / i.jnd()).reversed()).toList();
    }

    /** The error with its uncertainty and unit, e.g. "+3.0 ±0.1 dB". */
    static String error(ScoreItem item) {
        String spread = item.uncertainty() > 0 ? String.format(Locale.ROOT, " ±%.1f", item.uncertainty()) : "";
        return String.format(Locale.ROOT, "%+.1f%s %s", item.error(), spread, item.unit());
    }

    /** The files left out as not stems, in one sentence. */
    static String setAside(MixScore score) {
        return new StemSet(List.of(), score.setAside()).setAsideSentence();
    }

    /** The stems no item names. */
    static List<String> matching(MixScore score) {
        List<String> out = new ArrayList<>();
        for (StemEstimate s : score.mix().stems()) {
            if (score.items().stream().noneMatch(i -> i.subject().equals(s.name()))) {
                out.add(s.name());
            }
        }
        return out;
    }

    /** One sentence on what was compared and how much of each mix the stems explain. */
    static String coverage(MixScore score) {
        MixEstimate m = score.mix();
        return String.format(Locale.ROOT, "Compared from %s to %s of the stems (your mix %s, the target %s). The stems "
                + "explain all but %s of your mix and %s of the target.", Words.time(m.comparedFromS()),
                Words.time(m.comparedToS()), offset(m.mixOffsetFrames()), offset(score.target().mixOffsetFrames()),
                residual(score.fit().mixResidualDb()), residual(score.fit().targetResidualDb()));
    }

    private static String offset(int frames) {
        return frames == 0 ? "aligned" : String.format(Locale.ROOT, "%d samples %s", Math.abs(frames), frames > 0 ? "late" : "early");
    }

    private static String residual(double db) {
        return Double.isFinite(db) ? String.format(Locale.ROOT, "%.0f dB", db) : "nothing";
    }

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

    private static void number(ObjectNode node, String key, double value) {
        JsonTree.number(node, key, value);
    }

    /** The text, cut to {@code width} characters with an ellipsis when longer. */
    static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
