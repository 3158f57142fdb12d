package dev.mixdojo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.ResultsWriter;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.classroom.live.LiveQuestions;
import dev.mixdojo.classroom.live.LiveSession;
import dev.mixdojo.classroom.live.SessionMode;
import dev.mixdojo.web.LiveClients;
import dev.mixdojo.web.LiveServer;
import dev.mixdojo.web.ServerLimits;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A lecture hall on this machine: S simulated students (default 300, WebSocket clients of this JVM) join one live
 * session served by a MixDojo of its own (a child process running the real session and server), and all answer one
 * question within the same second, twice (the session's first burst, with the server's code still being compiled, and
 * the next question's). Prints the time from each answer to its count on the projector (the k-th answer
 * sent to the first projector message showing k answers; p50, p99, max;
 * goal p99 ≤ 200 ms), the server's CPU time and peak memory, and checks that no answer was lost (every student's
 * page says answered, the projector counts S, every results file holds the answer). The baseline is the same
 * question answered by 10 students in a second, in the same run. Run with {@code bin/bench LiveClassBench [S]}.
 *
 * <p>All students come from 127.0.0.1, so the server's budget for requests without a token (joining) is raised to
 * let S students join from one address; each student's own budget stays the classroom's. The environment variable
 * {@code LIVE_BENCH_SERVER_OPTS} adds JVM options to the server; {@code LIVE_BENCH_PROFILE=FILE} records the server's
 * CPU samples during the lecture hall's second into a flight recording; {@code LIVE_BENCH_SERVER_CLASSES=DIR} puts another
 * build's classes (e.g. the base commit's {@code target/classes}) first on the server's class path, so that a script
 * can measure before and after a change in one run (scripts/live-bench-before-after.sh).
 */
public final class LiveClassBench {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int BASELINE_STUDENTS = 10;

    private LiveClassBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--serve")) {
            serve(Path.of(args[1]));
            return;
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path work = Files.createTempDirectory("mixdojo-live-bench");
        Process server = null;
        try {
            LiveFixtures.octavePack(work.resolve("hall.mixdojo"), AssignmentMode.PRACTICE, 3);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-Djava.awt.headless=true"));
            String extra = System.getenv().getOrDefault("LIVE_BENCH_SERVER_OPTS", "");
            if (!extra.isBlank()) {
                command.addAll(List.of(extra.strip().split("\\s+")));
            }
            String serverClasses = System.getenv().getOrDefault("LIVE_BENCH_SERVER_CLASSES", "");
            String classPath = serverClasses.isBlank() ? System.getProperty("java.class.path")
                    : serverClasses + File.pathSeparator + System.getProperty("java.class.path");
            command.addAll(List.of("-cp", classPath, LiveClassBench.class.getName(), "--serve", work.toString()));
            server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("READY ")) {
                line = out.readLine();
            }
            if (line == null) {
                throw new IllegalStateException("the server stopped before it was ready");
            }
            String[] ready = line.split(" ");
            String base = ready[1];
            String code = ready[2];
            String projector = ready[3];
            long pid = server.pid();
            System.out.printf(Locale.ROOT, "%d cores; load before: %s; server pid %d%n",
                    Runtime.getRuntime().availableProcessors(), load(), pid);

            HttpClient http = LiveClients.http();
            LiveClients.Teacher teacher = LiveClients.Teacher.open(LiveClients.http(), projector);
            long joinStart = System.nanoTime();
            List<LiveClients.Student> students = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                students.add(LiveClients.Student.join(http, base, code, String.format(Locale.ROOT, "Student %03d", i)));
            }
            double joinS = (System.nanoTime() - joinStart) / 1e9;
            teacher.awaitState(s -> s.path("connected").asInt() == count, WAIT);
            System.out.printf(Locale.ROOT, "%d students joined and connected in %.1f s; server memory: %s%n", count, joinS,
                    memory(pid));

            Round baseline = round(teacher, students.subList(0, BASELINE_STUDENTS), 1, pid);
            String profile = System.getenv().getOrDefault("LIVE_BENCH_PROFILE", "");
            if (!profile.isBlank()) {
                jcmd(pid, "JFR.start", "name=hall", "settings=profile", "jdk.ExecutionSample#period=1ms");
            }
            Round first = round(teacher, students, 2, pid);
            Round again = round(teacher, students, 3, pid);
            if (!profile.isBlank()) {
                jcmd(pid, "JFR.stop", "name=hall", "filename=" + profile);
            }
            System.out.printf(Locale.ROOT, "baseline, %d students in one second: %s%n", BASELINE_STUDENTS, baseline);
            System.out.printf(Locale.ROOT, "lecture hall, %d students in one second, the session's first such burst: %s%n",
                    count, first);
            System.out.printf(Locale.ROOT, "lecture hall, %d students in one second, the next question: %s%n", count, again);
            for (Round hall : List.of(first, again)) {
                System.out.printf(Locale.ROOT, "p99 %.2f× the baseline's; goal p99 ≤ 200 ms: %s%n",
                        hall.p99Ms / baseline.p99Ms, hall.p99Ms <= 200 ? "met" : "NOT met");
            }

            teacher.command("end");
            teacher.awaitState(s -> s.path("phase").asText().equals("ended"), WAIT);
            server.getOutputStream().close();
            server.waitFor();
            OpenedPack pack = AssignmentPack.open(work.resolve("hall.mixdojo"));
            Gradebook book = Gradebook.read(work.resolve("results"), Optional.of(pack));
            ResultsWriter results = new ResultsWriter(pack);
            long lost = 0;
            for (int i = 0; i < count; i++) {
                Set<Integer> expected = i < BASELINE_STUDENTS ? Set.of(1, 2, 3) : Set.of(2, 3);
                Set<Integer> kept = results.readOwn(work.resolve("results").resolve(results.liveFileName(students.get(i).name)))
                        .map(r -> r.answers().stream().map(a -> a.question().number()).collect(Collectors.toSet()))
                        .orElse(Set.of());
                lost += expected.stream().filter(n -> !kept.contains(n)).count();
            }
            System.out.printf(Locale.ROOT, "results files: %d (%d unflagged by the gradebook); answers lost: %d of %d%n",
                    book.students().size(), book.students().stream().filter(r -> r.flags().isEmpty()).count(), lost,
                    2 * count + BASELINE_STUDENTS);
            System.out.printf(Locale.ROOT, "load after: %s%n", load());
        } finally {
            if (server != null && server.isAlive()) {
                server.destroy();
            }
            AtomicFiles.deleteTree(work);
        }
    }

    /** Timings of one question answered by a group within one second. */
    private record Round(int answers, double sendingS, double p50Ms, double p99Ms, double maxMs, double serverCpuS,
            double wallS, String memory) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d answers sent over %.2f s; answer to projector count p50 %.1f ms, p99"
                    + " %.1f ms, max %.1f ms; server CPU %.2f s over %.1f s (%.0f %% of one core); server memory: %s",
                    answers, sendingS, p50Ms, p99Ms, maxMs, serverCpuS, wallS, 100 * serverCpuS / wallS, memory);
        }
    }

    /**
     * Opens question {@code number}; the group answers it, spread evenly over one second; returns for each answer the
     * time from sending it to the first projector state that counts it, and checks every page says answered.
     */
    private static Round round(LiveClients.Teacher teacher, List<LiveClients.Student> group, int number, long pid)
            throws IOException {
        teacher.next(number, WAIT);
        for (LiveClients.Student s : group) {
            s.awaitView("answering", number, WAIT);
        }
        int from = teacher.count();
        double cpuBefore = cpuSeconds(pid);
        long start = System.nanoTime();
        Map<String, Long> sent = new HashMap<>();
        for (int i = 0; i < group.size(); i++) {
            long due = start + i * 1_000_000_000L / group.size();
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            LiveClients.Student s = group.get(i);
            sent.put(s.id, System.nanoTime());
            s.choose(number, "1 kHz");
        }
        double sendingS = (System.nanoTime() - start) / 1e9;
        teacher.await(from, m -> Set.of("projector", "counts").contains(m.path("type").asText())
                && m.path("questionNumber").asInt() == number && m.path("answered").asInt() == group.size(), WAIT);
        double wallS = (System.nanoTime() - start) / 1e9;
        double cpuS = cpuSeconds(pid) - cpuBefore;
        for (LiveClients.Student s : group) {
            s.awaitView("answered", number, WAIT);
        }
        // The k-th answer sent is counted when the projector first shows k answers: the count is what the projector
        // shows, and the server counts answers in whatever order they arrive.
        long[] sendTimes = sent.values().stream().mapToLong(Long::longValue).sorted().toArray();
        double[] ms = new double[sendTimes.length];
        int k = 0;
        for (LiveClients.Received r : teacher.since(from)) {
            JsonNode state = r.message();
            if (!Set.of("projector", "counts").contains(state.path("type").asText())
                    || state.path("questionNumber").asInt() != number) {
                continue;
            }
            int answered = state.path("answered").asInt();
            while (k < answered && k < sendTimes.length) {
                ms[k] = (r.atNanos() - sendTimes[k]) / 1e6;
                k++;
            }
        }
        Arrays.sort(ms);
        return new Round(ms.length, sendingS, percentile(ms, 50), percentile(ms, 99), ms[ms.length - 1], cpuS, wallS,
                memory(pid));
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The child process: the real session and server over the bench's pack, until its input closes. */
    private static void serve(Path work) throws Exception {
        LiveFixtures.Sources sources = LiveFixtures.Sources.under(work.resolve("sources"));
        OpenedPack pack = AssignmentPack.open(work.resolve("hall.mixdojo"));
        LiveQuestions questions = new LiveQuestions(pack, sources.lessons(), sources.kinds(), sources.audio(),
                work.resolve("audio"));
        for (int n = 1; n <= questions.size(); n++) {
            questions.question(n).join();
        }
        LiveSession session = new LiveSession(pack, questions, SessionMode.ROOM, work.resolve("results"), Clock.systemUTC(),
                new SecureRandom());
        LiveServer server = LiveServer.start(session, new LiveServer.Options(InetAddress.getLoopbackAddress(), 0,
                ServerLimits.CLASSROOM.withAddressBudget(1000, 1000)), new SecureRandom());
        System.out.println("READY " + server.joinAddress() + " " + session.code().digits() + " " + server.projectorAddress());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Serves until the bench closes this process's input.
        }
        server.close();
        session.close();
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** The process's user + system CPU time in seconds, from /proc (Linux). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / 100.0;
    }

    /** Resident memory now and at its peak, from /proc (Linux). */
    private static String memory(long pid) throws IOException {
        Map<String, String> status = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                status.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return "resident " + status.get("VmRSS") + ", peak " + status.get("VmHWM");
    }

    private static String load() {
        try {
            return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(3)
                    .reduce((a, b) -> a + " " + b).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
