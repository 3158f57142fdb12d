package dev.mixdojo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.classroom.Assignment;
import dev.mixdojo.classroom.AssignmentDrill;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.AssignmentMixChallenge;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.classroom.live.SessionMode;
import dev.mixdojo.grading.KnownMix;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live session under attack, all on 127.0.0.1 with loops bounded in count and time: each attack is refused,
 * nothing is written outside the results folder, and the session keeps serving the other students.
 */
class LiveAttackTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A small upload limit, so that going past it costs the test little. */
    private static final long UPLOAD_LIMIT = 8L << 20;

    @TempDir
    static Path root;
    static LiveFixtures.Sources sources;
    static OpenedPack pack;
    static KnownMix.Delivery delivery;
    static ServedSession served;
    static HttpClient http;
    static LiveClients.Teacher teacher;
    static LiveClients.Student ana;
    static LiveClients.Student ben;

    private Map<Path, Long> before;

    @BeforeAll
    static void serve() throws IOException {
        sources = LiveFixtures.Sources.under(root.resolve("sources"));
        delivery = KnownMix.writeBassThreeDecibelsUp(Files.createDirectories(root.resolve("delivery")));
        Files.writeString(root.resolve("delivery").resolve("notes.txt"), "not a mix");
        List<AssignmentPack.MaterialFile> material = new ArrayList<>();
        AssignmentMixChallenge challenge = AssignmentPack.mixChallenge(delivery.stemsFolder(), delivery.target(), material);
        Assignment assignment = Assignment.create("live-quiz", "Octave boosts, live", List.of(
                new AssignmentDrill("eq-octaves", "octave", "eq", "eq-band")), 2, 77, AssignmentMode.PRACTICE, 50,
                Optional.empty(), new SecureRandom()).withMixChallenge(challenge);
        AssignmentPack.write(root.resolve("quiz.mixdojo"), assignment, material);
        pack = AssignmentPack.open(root.resolve("quiz.mixdojo"));
        served = ServedSession.start(pack, sources, SessionMode.ROOM, ServerLimits.CLASSROOM.withUploadBytes(UPLOAD_LIMIT),
                root.resolve("session"));
        http = LiveClients.http();
        teacher = LiveClients.Teacher.open(http, served.server());
        ana = LiveClients.Student.join(http, served.base(), served.code(), "Ana");
        ben = LiveClients.Student.join(http, served.base(), served.code(), "Ben");
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    /** Every file outside the sessions' results folders and questions' audio, with its size, before each attack. */
    @BeforeEach
    void snapshot() throws IOException {
        before = filesOutsideResults();
    }

    @AfterEach
    void nothingWrittenOutsideTheResultsFolderAndTheOthersAreStillServed() throws Exception {
        assertThat(filesOutsideResults()).isEqualTo(before);
        HttpResponse<String> me = get("api/me", ana.token);
        assertThat(me.statusCode()).as("Ana is still served").isEqualTo(200);
    }

    private static Map<Path, Long> filesOutsideResults() throws IOException {
        Map<Path, Long> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Path session = root.relativize(p);
                boolean sessions = session.getNameCount() > 2 && Set.of("session", "guessing", "flood")
                        .contains(session.getName(0).toString()) && Set.of("results", "work").contains(session.getName(1).toString());
                if (!sessions) {
                    files.put(p, Files.size(p));
                }
            }
        }
        return files;
    }

    @Test
    void aWrongJoinCodeIsRefusedAndAnAddressThatKeepsGuessingIsShutOutForAMinute() throws Exception {
        try (ServedSession other = ServedSession.start(pack, sources, SessionMode.ROOM, ServerLimits.CLASSROOM,
                root.resolve("guessing"))) {
            String wrong = other.code().equals("000000") ? "000001" : "000000";
            HttpResponse<String> refused = LiveClients.post(http, other.base() + "api/join",
                    "{\"code\":\"" + wrong + "\",\"name\":\"Mallory\"}");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(LiveClients.read(refused.body()).path("message").asText()).contains("not this session's code");
            int shutOutAfter = 0;
            for (int guess = 1; guess <= 20; guess++) {
                HttpResponse<String> response = LiveClients.post(http, other.base() + "api/join",
                        String.format("{\"code\":\"%06d\",\"name\":\"Mallory\"}", (Integer.parseInt(other.code()) + guess) % 1_000_000));
                if (response.statusCode() == 429) {
                    shutOutAfter = guess;
                    break;
                }
                assertThat(response.statusCode()).isEqualTo(403);
            }
            assertThat(shutOutAfter).as("guesses before the address is shut out").isBetween(9, 11);
            HttpResponse<String> evenTheRightCode = LiveClients.post(http, other.base() + "api/join",
                    "{\"code\":\"" + other.code() + "\",\"name\":\"Mallory\"}");
            assertThat(evenTheRightCode.statusCode()).isEqualTo(429);
            assertThat(other.session().projector().seats()).isEmpty();
        }
    }

    @Test
    void aForgedOrRemovedTokenIsRefusedAndAnAnswerAlwaysCountsForTheSocketsOwnStudent() throws Exception {
        String forged = ana.token.substring(0, ana.token.length() - 2) + (ana.token.endsWith("A") ? "BB" : "AA");
        assertThat(get("api/me", forged).statusCode()).isEqualTo(401);
        assertThat(get("api/me", "").statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> new LiveClients.Page().open(http, URI.create(served.base().replace("http", "ws")
                + "ws/student?token=" + forged))).hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
                .hasStackTraceContaining("status code 401");

        LiveClients.Student cleo = LiveClients.Student.join(http, served.base(), served.code(), "Cleo");
        teacher.send(LiveClients.JSON.createObjectNode().put("type", "remove").put("id", cleo.id));
        cleo.await(m -> m.path("phase").asText().equals("removed"), WAIT);
        Browsers.until("Cleo's page closed by the server", WAIT, () -> cleo.closeCode == 4001);
        assertThat(get("api/me", cleo.token).statusCode()).isEqualTo(401);
        assertThatThrownBy(cleo::connect).hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
                .hasStackTraceContaining("status code 401");

        int question = openQuestion();
        // Ben's socket names Ana in every way a message could: the answer is still Ben's.
        JsonNode pretending = LiveClients.read("{\"type\":\"answer\",\"number\":" + question + ",\"student\":\"Ana\",\"id\":\""
                + ana.id + "\",\"token\":\"" + ana.token + "\",\"answer\":{\"chosen\":\"" + served.wrong(question) + "\"}}");
        int seen = ben.count();
        ben.send(pretending);
        ben.await(seen, m -> m.path("phase").asText().equals("answered"), WAIT);
        assertThat(served.session().view(ana.id).phase().name()).isEqualTo("ANSWERING");
    }

    @Test
    void aSecondAnswerAndAnAnswerBeforeItsQuestionAreRefused() throws Exception {
        int open = openQuestion();
        LiveClients.Student dan = LiveClients.Student.join(http, served.base(), served.code(), "Dan");
        int seen = dan.count();
        if (open < 2) {
            dan.choose(open + 1, served.truth(open + 1));
            JsonNode early = dan.await(seen, m -> m.path("type").asText().equals("refused"), WAIT);
            assertThat(early.path("reason").asText()).isEqualTo("NOT_OPEN");
        }
        dan.awaitView("answering", open, WAIT);
        dan.choose(open, served.wrong(open));
        dan.await(seen, m -> m.path("phase").asText().equals("answered"), WAIT);
        seen = dan.count();
        dan.choose(open, served.truth(open));
        JsonNode second = dan.await(seen, m -> m.path("type").asText().equals("refused"), WAIT);
        assertThat(second.path("reason").asText()).isEqualTo("ALREADY_ANSWERED");
        String file = Files.readString(served.results().resolve(new dev.mixdojo.classroom.ResultsWriter(pack).liveFileName("Dan")));
        assertThat(file).contains("\"answer\": \"" + served.wrong(open) + "\"").doesNotContain("\"answer\": \""
                + served.truth(open) + "\"");
    }

    @Test
    void noTruthReachesAStudentBeforeTheRevealWhateverTheyAsk() throws Exception {
        int open = openQuestion();
        LiveClients.Student eve = LiveClients.Student.join(http, served.base(), served.code(), "Eve");
        eve.awaitView("answering", open, WAIT);
        // The teacher's doors, with Eve's token: the projector's socket, the teacher's audio, the QR code.
        assertThat(get("api/teacher/audio/" + open + "/a", eve.token).statusCode()).isEqualTo(401);
        assertThat(get("api/teacher/qr.svg", eve.token).statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> new LiveClients.Page().open(http, URI.create(served.base().replace("http", "ws")
                + "ws/teacher?token=" + eve.token))).hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
                .hasStackTraceContaining("status code 401");
        // In the room only the teacher plays the audio; and the page asking for its view again learns nothing new.
        assertThat(get("api/audio/" + open + "/a", eve.token).statusCode()).isEqualTo(404);
        eve.send(LiveClients.JSON.createObjectNode().put("type", "view"));
        LiveClients.pause(200);
        for (LiveClients.Received r : eve.received) {
            assertThat(hasTruth(r.message())).as("message before the reveal: %s", r.message()).isFalse();
            assertThat(r.message().toString()).doesNotContain("histogram");
        }
    }

    @Test
    void aTwoGigabyteUploadIsRefusedFromItsHeaderOrCutOffAtTheLimitWithoutBeingKept() throws Exception {
        URI base = URI.create(served.base());
        // Declared: refused before the body is read.
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/mix?file=mix.wav HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAuthorization: Bearer "
                    + ana.token + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + (2L << 30)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(socket.getInputStream())).contains(" 413 ");
        }
        // Streamed without a length: cut off once past the limit; the client never gets to send its 2 GB.
        long sent = 0;
        String status = "";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /api/mix?file=mix.wav HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAuthorization: Bearer "
                    + ana.token + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            try {
                while (sent < (2L << 30) && System.nanoTime() < deadline && in.available() == 0 && sent < 4 * UPLOAD_LIMIT) {
                    out.write(header);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                }
                status = statusLine(in);
            } catch (IOException closedByTheServer) {
                status = "closed";
            }
        }
        assertThat(status).as("after %d bytes", sent).matches(s -> s.contains(" 413 ") || s.equals("closed"));
        assertThat(sent).as("bytes the client got to send").isLessThan(4 * UPLOAD_LIMIT);
        Path homework = served.results().resolve(pack.assignment().id());
        Browsers.until("no upload left in the homework folder", WAIT, () -> {
            try (Stream<Path> files = Files.list(homework.resolve(".uploads"))) {
                return files.findAny().isEmpty();
            } catch (IOException e) {
                return !Files.exists(homework.resolve(".uploads"));
            }
        });
        assertThat(served.session().projector().seats()).filteredOn(s -> s.name().equals("Ana")).singleElement()
                .satisfies(s -> assertThat(s.handedIn()).isEmpty());
    }

    @Test
    void anUploadNamedToClimbOutIsStoredUnderTheStudentsNameInsideTheHomeworkFolder() throws Exception {
        LiveClients.Student climber = LiveClients.Student.join(http, served.base(), served.code(), "../../Frank");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(served.base()
                        + "api/mix?file=" + java.net.URLEncoder.encode("../../x.wav", StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + climber.token)
                .POST(HttpRequest.BodyPublishers.ofFile(delivery.mix())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Path homework = served.results().resolve(pack.assignment().id());
        Path stored = homework.resolve(LiveClients.read(response.body()).path("file").asText());
        assertThat(stored.getParent()).isEqualTo(homework);
        assertThat(stored.getFileName().toString()).isEqualTo("-.-..-Frank.wav");
        assertThat(stored).hasSameBinaryContentAs(delivery.mix());
        for (Path outside : List.of(served.results().resolve("x.wav"), served.results().getParent().resolve("x.wav"),
                root.resolve("x.wav"), Path.of("x.wav"))) {
            assertThat(outside).doesNotExist();
        }
        // Not audio at all: refused with the hand-in's sentence, nothing kept.
        Path text = root.resolve("delivery").resolve("notes.txt");
        HttpResponse<String> notAudio = http.send(HttpRequest.newBuilder(URI.create(served.base() + "api/mix?file=mix.wav"))
                .header("Authorization", "Bearer " + ana.token).POST(HttpRequest.BodyPublishers.ofFile(text)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notAudio.statusCode()).isEqualTo(400);
        assertThat(homework.resolve("Ana.wav")).doesNotExist();
    }

    @Test
    void aThousandRequestsASecondFromOneClientAreRefusedWhileTheOthersAnswer() throws Exception {
        try (ServedSession other = ServedSession.start(pack, sources, SessionMode.ROOM, ServerLimits.CLASSROOM,
                root.resolve("flood"))) {
            LiveClients.Teacher projector = LiveClients.Teacher.open(http, other.server());
            LiveClients.Student flooder = LiveClients.Student.join(http, other.base(), other.code(), "Flo");
            LiveClients.Student calm = LiveClients.Student.join(http, other.base(), other.code(), "Gus");
            projector.next(1, WAIT);
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            List<CompletableFuture<Void>> flood = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                // 1000 requests spread over one second.
                long due = start + i * 1_000_000L;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                flood.add(http.sendAsync(HttpRequest.newBuilder(URI.create(other.base() + "api/me"))
                                .header("Authorization", "Bearer " + flooder.token).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.discarding()).thenAccept(r -> (r.statusCode() == 429 ? refused : ok)
                        .incrementAndGet()));
                if (i == 500) {
                    calm.awaitView("answering", 1, WAIT);
                    calm.choose(1, other.truth(1));
                }
            }
            CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).get(60, java.util.concurrent.TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(refused.get() + ok.get()).isEqualTo(1000);
            // At most the burst plus what the budget refills while the flood lasts (its requests are still
            // arriving after the second it took to send them).
            assertThat(ok.get()).as("served in %.1f s", seconds).isLessThanOrEqualTo(
                    (int) (ServerLimits.CLASSROOM.participantBurst() + ServerLimits.CLASSROOM.participantPerSecond() * seconds) + 1);
            assertThat(refused.get()).as("refused of 1000").isGreaterThanOrEqualTo(800);
            calm.awaitView("answered", 1, WAIT);
            projector.awaitState(s -> s.path("answered").asInt() == 1, WAIT);
            // The flooder's own socket is limited too, but the others' answers go on.
            for (int i = 0; i < 200; i++) {
                flooder.send(LiveClients.JSON.createObjectNode().put("type", "view"));
            }
            flooder.await(m -> m.path("reason").asText().equals("TOO_MANY"), WAIT);
        }
    }

    @Test
    void anOversizedRequestOrMessageIsRefusedAndASpoofedForwardedForChangesNothing() throws Exception {
        String big = "{\"code\":\"" + "1".repeat(100_000) + "\",\"name\":\"Big\"}";
        try {
            assertThat(LiveClients.post(http, served.base() + "api/join", big).statusCode()).isEqualTo(413);
        } catch (UncheckedIOException closedByTheServer) {
            // Jetty answers 413 and closes at once: a client still sending its body may see only the close.
            assertThat(closedByTheServer).hasRootCauseInstanceOf(IOException.class);
        }
        assertThat(served.session().projector().seats()).noneMatch(seat -> seat.name().equals("Big"));
        LiveClients.Student hal = LiveClients.Student.join(http, served.base(), served.code(), "Hal");
        hal.socket.sendText("{\"type\":\"view\",\"pad\":\"" + "x".repeat(200_000) + "\"}", true);
        Browsers.until("the oversized message closes Hal's socket", WAIT, () -> hal.closeCode == 1009);
        assertThat(served.session().authenticate(hal.token)).isPresent();
        HttpResponse<String> spoofed = http.send(HttpRequest.newBuilder(URI.create(served.base() + "api/me"))
                .header("Authorization", "Bearer " + hal.token).header("X-Forwarded-For", "8.8.8.8").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(spoofed.statusCode()).isEqualTo(200);
    }

    @Test
    void theServerListensOnlyOnALocalNetworkAddressAndKnowsWhichClientsAreLocal() throws Exception {
        for (String local : List.of("127.0.0.1", "10.1.2.3", "172.20.0.5", "192.168.1.20", "169.254.3.4", "::1", "fd12::1",
                "fe80::1")) {
            assertThat(LocalNetwork.isLocal(local)).as(local).isTrue();
        }
        for (String outside : List.of("8.8.8.8", "172.32.0.1", "100.64.1.1", "2001:4860::8888", "example.org", "", "1.2")) {
            assertThat(LocalNetwork.isLocal(outside)).as(outside).isFalse();
        }
        assertThatThrownBy(() -> new LiveServer.Options(InetAddress.getByName("8.8.8.8"), 8421, ServerLimits.CLASSROOM))
                .isInstanceOf(BadInputException.class).hasMessageContaining("local network address");
        assertThatThrownBy(() -> new LiveServer.Options(InetAddress.getByName("0.0.0.0"), 8421, ServerLimits.CLASSROOM))
                .isInstanceOf(BadInputException.class);
    }

    private static int openQuestion() {
        JsonNode state = teacher.last("projector");
        if (state != null && state.path("phase").asText().equals("open")) {
            return state.path("questionNumber").asInt();
        }
        int next = state == null ? 1 : state.path("questionNumber").asInt() + 1;
        return teacher.next(next, WAIT).path("questionNumber").asInt();
    }

    /** Whether a message carries a truth: an "outcome" or "truth" anywhere in it that is not null. */
    private static boolean hasTruth(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (Set.of("outcome", "truth", "histogram").contains(field.getKey()) && !field.getValue().isNull()) {
                    return true;
                }
                if (hasTruth(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (hasTruth(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(served.base() + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
