package dev.mixdojo.grading;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixdojo.analysis.report.JsonTree;
import dev.mixdojo.analysis.report.TextReport;
import dev.mixdojo.analysis.spectrum.BandLevels;
import java.util.List;
import java.util.Locale;

/** The ways a translation check is written out: 80-column text or JSON. */
public enum TranslationFormat {
    /** Plain text for a terminal, at most 80 columns: per system the octave bands, then each stem with what a listener notices. */
    TEXT {
        @Override
        public String render(Translation.Report report) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "What will be lost: the mix of %d stems (%.1f s) on each system,%n", report.stemCount(),
                    report.durationS()));
            out.append("turned to the studio mix's loudness.\n");
            if (!report.setAside().isEmpty()) {
                TextReport.wrap(setAsideSentence(report), "").forEach(l -> out.append(l).append('\n'));
            }
            for (Translation.SystemChange change : report.systems()) {
                out.append(String.format(Locale.ROOT, "%n%s (%s)%n", change.system().label(), Double.isNaN(change.matchGainDb())
                        ? "the whole mix cancels out" : "matched " + decibels(change.matchGainDb()) + " dB"));
                BandLevels levels = change.bandChangesDb();
                StringBuilder centres = new StringBuilder("  octave (Hz) ");
                StringBuilder changes = new StringBuilder("  change (dB) ");
                for (int b = 0; b < levels.bands().count(); b++) {
                    double hz = levels.bands().centreHz(b);
                    double db = levels.levelDb(b);
                    centres.append(String.format(Locale.ROOT, "%6s", hz >= 1000 ? Math.round(hz / 1000) + "k" : Long.toString(Math.round(hz))));
                    changes.append(String.format(Locale.ROOT, "%6s", decibels(db)));
                }
                out.append(centres).append('\n').append(changes).append('\n');
                for (Translation.StemChange stem : change.stems()) {
                    out.append(String.format(Locale.ROOT, "  %-15s %-24s %6s dB%n", stem.word(), MixScoreFormat.clip(stem.stem(), 24),
                            decibels(stem.changeDb())));
                }
            }
            out.append('\n');
            TextReport.wrap(EXPLANATION, "").forEach(l -> out.append(l).append('\n'));
            return out.toString();
        }
    },
    /**
     * JSON: {@code stemCount}, {@code durationS}, {@code systems} (each {@code system}, {@code matchGainDb},
     * {@code octaves} of {@code centreHz} and {@code changeDb}, {@code stems} of {@code stem}, {@code changeDb} and
     * {@code verdict}).
     */
    JSON {
        @Override
        public String render(Translation.Report report) {
            ObjectNode root = JsonTree.object();
            root.put("stemCount", report.stemCount());
            ArrayNode setAside = root.putArray("setAside");
            for (StemSet.SetAside file : report.setAside()) {
                setAside.addObject().put("name", file.name()).put("reason", file.reason());
            }
            JsonTree.number(root, "durationS", report.durationS());
            ArrayNode systems = root.putArray("systems");
            for (Translation.SystemChange change : report.systems()) {
                ObjectNode system = systems.addObject();
                system.put("system", change.system().word());
                JsonTree.number(system, "matchGainDb", change.matchGainDb());
                ArrayNode octaves = system.putArray("octaves");
                BandLevels levels = change.bandChangesDb();
                for (int b = 0; b < levels.bands().count(); b++) {
                    ObjectNode band = octaves.addObject();
                    JsonTree.number(band, "centreHz", levels.bands().centreHz(b));
                    JsonTree.number(band, "changeDb", levels.levelDb(b));
                }
                ArrayNode stems = system.putArray("stems");
                for (Translation.StemChange stem : change.stems()) {
                    ObjectNode node = stems.addObject();
                    node.put("stem", stem.stem());
                    JsonTree.number(node, "changeDb", stem.changeDb());
                    node.put("verdict", stem.word());
                }
            }
            return JsonTree.write(root);
        }
    };

    private static final String EXPLANATION = String.format(Locale.ROOT, "Each system is the translation drills' simulation at "
            + "full strength (phone: nothing below 300 Hz and mono; earbuds: the low end leaks away; car: cabin gain below "
            + "70 Hz, dull highs; club: subwoofers, a room and mono), turned up or down until the mix is as loud as in the "
            + "studio. A change is a K-weighted level against the mix. A stem that drops %.0f dB is heard at about half its "
            + "loudness: nearly lost. Within %.0f dB it keeps its place. A part nearly lost on the phone reaches it only "
            + "through its harmonics above 300 Hz.", -Translation.NEARLY_LOST_DB, Aspect.LEVEL.jnd());

    /** The files left out of the mix, in one sentence. */
    static String setAsideSentence(Translation.Report report) {
        return new StemSet(List.of(), report.setAside()).setAsideSentence();
    }

    /** A change in dB with its sign and one decimal; "-inf" for a part that cancels out, "n/a" where there is nothing to change. */
    public static String decibels(double db) {
        return Double.isFinite(db) ? String.format(Locale.ROOT, "%+.1f", db) : db == Double.NEGATIVE_INFINITY ? "-inf" : "n/a";
    }

    /** The report as text in this format. */
    public abstract String render(Translation.Report report);
}
