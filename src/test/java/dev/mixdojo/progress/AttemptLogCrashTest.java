package dev.mixdojo.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.base.Warnings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer process (SIGKILL) at random moments, many times, and checks that the log still
 * holds every attempt the writer had confirmed, in order.
 */
class AttemptLogCrashTest {
    @TempDir
    Path dir;

    @Test
    void killingTheWriterMidWriteLosesNoCompletedAttempt() throws Exception {
        Path logFile = dir.resolve(AttemptLog.FILE_NAME);
        SplittableRandom random = new SplittableRandom(7);
        List<String> confirmed = new ArrayList<>();
        int damagedSoFar = 0;
        for (int run = 0; run < 8; run++) {
            Process writer = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    CrashWriter.class.getName(), logFile.toString(), "run" + run)
                    .redirectErrorStream(true)
                    .start();
            int killAfter = 5 + random.nextInt(60);
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("saved ")) {
                        confirmed.add(line.substring("saved ".length()));
                        if (--killAfter == 0) {
                            writer.destroyForcibly();
                            break;
                        }
                    }
                }
            }
            writer.waitFor();

            Warnings warnings = new Warnings();
            List<String> ids = AttemptLog.inDataDirectory(dir).readAll(warnings).stream().map(Attempt::id).toList();
            // Every confirmed attempt is there, in order. The writer may have saved a few more
            // before the kill landed: those follow in sequence, and at most one line (the one being
            // written at the kill) is damaged.
            assertThat(ids.subList(0, confirmed.size())).containsExactlyElementsOf(confirmed);
            List<String> extra = ids.subList(confirmed.size(), ids.size());
            for (int i = 0; i < extra.size(); i++) {
                String expected = "run" + run + "-" + (confirmedInRun(confirmed, run) + i);
                assertThat(extra.get(i)).isEqualTo(expected);
            }
            assertThat(warnings.all().size()).isLessThanOrEqualTo(damagedSoFar + 1);
            damagedSoFar = warnings.all().size();
            confirmed = new ArrayList<>(ids);
        }
        assertThat(confirmed.size()).isGreaterThan(8 * 5);
    }

    private static long confirmedInRun(List<String> ids, int run) {
        return ids.stream().filter(id -> id.startsWith("run" + run + "-")).count();
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The writer: appends attempts as fast as it can and prints each id once it is on disk. */
    public static final class CrashWriter {
        public static void main(String[] args) {
            AttemptLog log = new AttemptLog(Path.of(args[0]));
            for (int i = 0; ; i++) {
                String id = args[1] + "-" + i;
                log.append(Attempts.of(id, "eq.frequency", 9, i % 3 != 0));
                System.out.println("saved " + id);
                System.out.flush();
            }
        }
    }
}
