package dev.mixdojo.bench;

import dev.mixdojo.grading.HomeworkTestSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The homework test set of issue 17 at full size, apart from the test suite: every case on each song named, the
 * built-in songs by name ({@code pop-sunrise}, optionally {@code pop-sunrise@20-60} for seconds 20 to 60) and LMMS
 * projects by path ({@code /usr/share/lmms/projects/demos/X.mmpz}, rendered track by track into
 * {@code target/lmms-stems}). Prints one line per case, the time each song took and the totals; with
 * {@code --reports}, the text report of every case with problems; with {@code --only=TEXT}, only the cases whose
 * name contains TEXT (the options come before the songs). Run with
 * {@code bin/bench HomeworkTestSetBench [--reports] [--only=TEXT] SONG…}.
 */
public final class HomeworkTestSetBench {
    private HomeworkTestSetBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("mixdojo-homework-set");
        Path cache = Path.of("target", "lmms-stems");
        boolean reports = false;
        String only = "";
        List<HomeworkTestSet.Outcome> all = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--reports")) {
                reports = true;
                continue;
            }
            if (arg.startsWith("--only=")) {
                only = arg.substring("--only=".length());
                continue;
            }
            String source = arg;
            double from = 0;
            double to = Double.MAX_VALUE;
            int at = arg.lastIndexOf('@');
            if (at > 0) {
                source = arg.substring(0, at);
                String[] span = arg.substring(at + 1).split("-");
                from = Double.parseDouble(span[0]);
                to = Double.parseDouble(span[1]);
            }
            long t0 = System.nanoTime();
            HomeworkTestSet.Song song = source.endsWith(".mmpz") || source.endsWith(".mmp")
                    ? HomeworkTestSet.lmms(Path.of(source), cache) : HomeworkTestSet.builtIn(source, work);
            if (at > 0) {
                song = song.excerpt(from, to);
            }
            double loadS = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %d stems, %.1f s (loaded in %.1f s)%n", song.name(), song.stems().size(),
                    song.stems().values().iterator().next().frames() / 48000.0, loadS);
            long t1 = System.nanoTime();
            for (HomeworkTestSet.Case c : HomeworkTestSet.cases(song)) {
                if (!c.name().contains(only)) {
                    continue;
                }
                HomeworkTestSet.Outcome o = HomeworkTestSet.run(song, c);
                all.add(o);
                System.out.println("  " + o.line());
                if (reports && !o.problems().isEmpty()) {
                    System.out.println(o.report().indent(6));
                }
            }
            System.out.printf(Locale.ROOT, "  (%.1f s)%n", (System.nanoTime() - t1) / 1e9);
        }
        long failed = all.stream().filter(o -> !o.problems().isEmpty()).count();
        System.out.printf(Locale.ROOT, "%d cases, %d passed, %d with problems%n", all.size(), all.size() - failed, failed);
    }
}
