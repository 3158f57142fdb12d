package dev.mixdojo.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.classroom.AnswerJson;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.live.JoinQr;
import dev.mixdojo.classroom.live.LiveQuestions;
import dev.mixdojo.classroom.live.LiveSession;
import dev.mixdojo.classroom.live.SessionMode;
import dev.mixdojo.classroom.live.SessionRefusal;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Serves a live session on the local network: the student's page ({@code /}) and its WebSocket, joining,
 * the questions' audio for own headphones, homework mix uploads, and the teacher's projector page
 * ({@code /teacher}, this computer only, with the teacher's token). Every request must come from a local
 * network address and keep within {@link ServerLimits}. See docs/decisions/live-classroom.md.
 */
public final class LiveServer implements AutoCloseable {
    /** Where the pages' files are, on the class path. */
    private static final String RESOURCES = "/dev/mixdojo/web/";
    private static final List<String> FILES = List.of("student.html", "teacher.html", "live.css", "student.js",
            "teacher.js", "abplayer.js");
    private static final Map<String, String> CONTENT_TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8");
    private static final String PARTICIPANT = "mixdojo.participant";
    /** How long the pages get to hear that the session ended before the server stops. */
    static final long GOODBYE_MS = 300;
    private static final String CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self';"
            + " script-src 'self'; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * Where and how to listen.
     *
     * @param bind   the local-network address students reach (loopback for this computer only)
     * @param port   the port (0: any free one)
     * @param limits what one client may ask
     */
    public record Options(InetAddress bind, int port, ServerLimits limits) {
        public Options {
            if (!LocalNetwork.isLocal(bind) || bind.isAnyLocalAddress()) {
                throw new BadInputException("A live session listens on a local network address (192.168.x.x, 10.x.x.x,"
                        + " 172.16-31.x.x or this computer's 127.0.0.1), not " + bind.getHostAddress() + ".");
            }
            if (port < 0 || port > 65535) {
                throw new BadInputException("--port must be between 0 and 65535, got " + port + ".");
            }
        }

        /** The local network address of this computer, or loopback when it has none; the given port; classroom limits. */
        public static Options onThisNetwork(int port) {
            return new Options(LocalNetwork.thisComputer().orElse(InetAddress.getLoopbackAddress()), port,
                    ServerLimits.CLASSROOM);
        }
    }

    private final LiveSession session;
    private final ServerLimits limits;
    private final String teacherToken;
    private final Map<String, byte[]> files = new HashMap<>();
    private final RateLimiter participants;
    private final RateLimiter addresses;
    private final RateLimiter wrongCodes;
    private final Pages pages;
    private final Javalin app;
    private volatile String joinAddress = "";
    private final String projectorAddress;

    private LiveServer(LiveSession session, Options options, SecureRandom random) {
        this.session = session;
        this.limits = options.limits();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.teacherToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        for (String file : FILES) {
            try (InputStream in = LiveServer.class.getResourceAsStream(RESOURCES + file)) {
                files.put(file, in.readAllBytes());
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("the page file " + file + " is missing from MixDojo", e);
            }
        }
        participants = new RateLimiter(limits.participantPerSecond(), limits.participantBurst(), System::nanoTime);
        addresses = new RateLimiter(limits.addressPerSecond(), limits.addressBurst(), System::nanoTime);
        wrongCodes = new RateLimiter(limits.wrongCodesPerMinute() / 60.0, limits.wrongCodesPerMinute(), System::nanoTime);
        pages = new Pages(session, () -> joinAddress);
        String bindHost = options.bind().getHostAddress();
        boolean alsoLoopback = !options.bind().isLoopbackAddress();
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = limits.jsonBytes();
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.jetty.addConnector((server, http) -> connector(server, http, bindHost, options.port()));
            if (alsoLoopback) {
                config.jetty.addConnector((server, http) -> connector(server, http, "127.0.0.1", options.port()));
            }
            config.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setMaxTextMessageSize(limits.jsonBytes());
                factory.setMaxBinaryMessageSize(1024);
                factory.setIdleTimeout(Duration.ofMinutes(2));
            });
            config.routes.before(this::guard);
            config.routes.get("/", ctx -> page(ctx, "student.html"));
            config.routes.get("/teacher", ctx -> page(ctx, "teacher.html"));
            config.routes.get("/live/{file}", this::file);
            config.routes.post("/api/join", this::join);
            config.routes.get("/api/me", this::me);
            config.routes.get("/api/audio/{number}/{letter}", this::studentAudio);
            config.routes.post("/api/mix", this::upload);
            config.routes.get("/api/teacher/audio/{number}/{letter}", this::teacherAudio);
            config.routes.get("/api/teacher/qr.svg", this::qr);
            config.routes.wsBeforeUpgrade("/ws/student", this::admitStudent);
            config.routes.ws("/ws/student", this::studentSocket);
            config.routes.wsBeforeUpgrade("/ws/teacher", this::admitTeacher);
            config.routes.ws("/ws/teacher", this::teacherSocket);
            config.routes.exception(Refused.class, (e, ctx) -> refuse(ctx, e.status, e.reason, e.getMessage()));
            config.routes.exception(SessionRefusal.class, (e, ctx) -> refuse(ctx, status(e.reason()), e.reason().name(),
                    e.getMessage()));
            config.routes.exception(BadInputException.class, (e, ctx) -> refuse(ctx, 400, "BAD_INPUT", e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> refuse(ctx, 500, "INTERNAL",
                    "The session's server hit an internal error (" + e.getClass().getSimpleName() + ")."));
        });
        app.start();
        int studentPort = ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
        int teacherPort = ((ServerConnector) app.jettyServer().server().getConnectors()[alsoLoopback ? 1 : 0]).getLocalPort();
        String host = options.bind() instanceof java.net.Inet6Address ? "[" + bindHost + "]" : bindHost;
        joinAddress = "http://" + host + ":" + studentPort + "/";
        projectorAddress = "http://127.0.0.1:" + teacherPort + "/teacher#" + teacherToken;
        session.addListener(pages);
    }

    /**
     * Starts serving {@code session}; a port in use or an address this computer does not have is a
     * BadInputException with a sentence.
     */
    public static LiveServer start(LiveSession session, Options options, SecureRandom random) {
        try {
            return new LiveServer(session, options, random);
        } catch (io.javalin.util.JavalinBindException e) {
            throw new BadInputException("The live session cannot listen on " + options.bind().getHostAddress() + " port "
                    + options.port() + ": it is in use or not this computer's; choose another with --port or --bind.", e);
        } catch (io.javalin.util.JavalinException e) {
            throw new BadInputException("The live session cannot listen on " + options.bind().getHostAddress() + " port "
                    + options.port() + " (" + e.getMessage() + ").", e);
        }
    }

    /**
     * Serves a new session of {@code pack} in {@code mode}, its questions made by {@code questions}, results in
     * {@code resultsFolder}: what {@code classroom serve} and the app's Projector screen both run. When the session
     * or its server cannot start, the questions are closed and the reason is a BadInputException.
     */
    public static LiveServer serve(OpenedPack pack, LiveQuestions questions, SessionMode mode, Path resultsFolder,
            Options options, SecureRandom random) {
        LiveSession session;
        try {
            session = new LiveSession(pack, questions, mode, resultsFolder, Clock.systemUTC(), random);
        } catch (RuntimeException e) {
            questions.close();
            throw e;
        }
        try {
            return start(session, options, random);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Ends the session (every open page says so), gives the pages {@link #GOODBYE_MS} to hear it, stops serving and
     * closes the session. Every answer taken is in its results file by then: an answer is written before it counts.
     */
    public void endAndClose() {
        session.end();
        try {
            Thread.sleep(GOODBYE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        session.close();
    }

    /** The address students open, e.g. {@code http://192.168.1.20:8421/}. */
    public String joinAddress() {
        return joinAddress;
    }

    /** The address with the join code in it, as the QR code carries it: scanning it leaves only the name to type. */
    public String joinLink() {
        return joinAddress + "#code=" + session.code().digits();
    }

    /** The teacher's projector page on this computer, with the teacher's token after {@code #}. */
    public String projectorAddress() {
        return projectorAddress;
    }

    /** The session served. */
    public LiveSession session() {
        return session;
    }

    /** Stops serving (open pages see the connection close) and stops pushing. */
    @Override
    public void close() {
        app.stop();
        pages.close();
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** Every HTTP request: from the local network, within its budget; teacher paths from this computer with the token. */
    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        String ip = ctx.ip();
        if (!LocalNetwork.isLocal(ip)) {
            throw new Refused(403, "NOT_LOCAL", "This session takes devices on its local network only.");
        }
        requireSameOrigin(ctx.header("Origin"), ctx.header("Host"));
        if (ctx.path().equals("/teacher") || ctx.path().startsWith("/api/teacher/")) {
            if (!LocalNetwork.isLoopback(ip)) {
                throw new Refused(403, "TEACHER_ONLY", "The projector page opens on the teacher's computer only.");
            }
            if (ctx.path().startsWith("/api/teacher/")) {
                requireTeacherToken(bearer(ctx));
            }
            return;
        }
        Optional<String> participant = bearer(ctx).flatMap(session::authenticate);
        boolean within = participant.map(id -> participants.tryAcquire(id)).orElseGet(() -> addresses.tryAcquire(ip));
        if (!within) {
            ctx.header("Retry-After", "1");
            throw new Refused(429, "TOO_MANY", "Too many requests from this device; wait a moment.");
        }
        participant.ifPresent(id -> ctx.attribute(PARTICIPANT, id));
    }

    private void page(Context ctx, String name) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.contentType(CONTENT_TYPES.get("html")).result(files.get(name));
    }

    private void file(Context ctx) {
        String name = ctx.pathParam("file");
        if (!FILES.contains(name) || name.endsWith(".html")) {
            throw new Refused(404, "NOT_FOUND", "There is no such file.");
        }
        ctx.contentType(CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1))).result(files.get(name));
    }

    private void join(Context ctx) {
        String ip = ctx.ip();
        if (!wrongCodes.hasBudget(ip)) {
            throw new Refused(429, "TOO_MANY_WRONG_CODES", "Too many wrong codes from this device; wait a minute.");
        }
        JsonNode body = LiveJson.object(body(ctx));
        try {
            LiveSession.Joined joined = session.join(body.path("code").asText(""), body.path("name").asText(""));
            var node = LiveJson.info(session.info());
            node.put("type", "joined");
            node.put("token", joined.token());
            node.put("id", joined.participantId());
            node.put("name", joined.name());
            ctx.contentType("application/json").result(LiveJson.text(node));
        } catch (SessionRefusal refusal) {
            if (refusal.reason() == SessionRefusal.Reason.WRONG_CODE) {
                wrongCodes.tryAcquire(ip);
            }
            throw refusal;
        }
    }

    /** Who a token belongs to: a reloaded page asks before it reconnects, and joins again on 401. */
    private void me(Context ctx) {
        String id = participant(ctx);
        ctx.contentType("application/json").result(LiveJson.text(LiveJson.info(session.info()).put("type", "me")
                .put("id", id).put("name", session.view(id).name())));
    }

    private void studentAudio(Context ctx) {
        String id = participant(ctx);
        Path file = session.studentAudio(id, number(ctx), letter(ctx)).orElseThrow(() -> new Refused(404, "NO_AUDIO",
                "That question's audio is not yours to play now."));
        sendWav(ctx, file);
    }

    private void teacherAudio(Context ctx) {
        Path file = session.teacherAudio(number(ctx), letter(ctx)).orElseThrow(() -> new Refused(404, "NO_AUDIO",
                "That question has not been asked yet."));
        sendWav(ctx, file);
    }

    private void qr(Context ctx) {
        ctx.contentType("image/svg+xml").result(JoinQr.of(joinLink()).svg());
    }

    /**
     * A homework mix, sent as the request body with its file name in {@code ?file=}: refused at once when its
     * declared length is over the limit, else streamed to a hidden file in the homework folder and cut off the
     * moment it passes the limit, then checked and stored under the student's name.
     */
    private void upload(Context ctx) {
        String id = participant(ctx);
        String name = Optional.ofNullable(ctx.queryParam("file")).orElse("");
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        if (!extension.matches("\\.[a-z0-9]{1,5}")) {
            throw new Refused(400, "BAD_MIX", "Name your mix as an audio file (.wav, .aiff, .flac, .mp3, .ogg, .m4a) and send it"
                    + " again.");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > limits.uploadBytes()) {
            throw tooLarge(ctx);
        }
        Path upload = session.uploadFile(id, extension);
        try {
            long copied = 0;
            try (InputStream in = ctx.req().getInputStream(); OutputStream out = Files.newOutputStream(upload)) {
                byte[] block = new byte[64 * 1024];
                int n;
                while ((n = in.read(block)) > 0) {
                    copied += n;
                    if (copied > limits.uploadBytes()) {
                        throw tooLarge(ctx);
                    }
                    out.write(block, 0, n);
                }
            }
            Path stored = session.handIn(id, upload);
            ctx.contentType("application/json").result(LiveJson.text(LiveJson.JSON.createObjectNode()
                    .put("type", "handedIn").put("file", stored.getFileName().toString())));
        } catch (IOException e) {
            throw new Refused(400, "BAD_MIX", "The upload broke off (" + e.getMessage() + "); send it again.");
        } finally {
            try {
                Files.deleteIfExists(upload);
            } catch (IOException e) {
                // A hidden file left in the homework folder: grade-mixes ignores it.
            }
        }
    }

    private Refused tooLarge(Context ctx) {
        ctx.header("Connection", "close");
        return new Refused(413, "TOO_LARGE", "The mix is larger than " + (limits.uploadBytes() >> 20)
                + " MiB; bounce it as 24-bit WAV and send that.");
    }

    private void admitStudent(Context ctx) {
        String ip = ctx.ip();
        if (!LocalNetwork.isLocal(ip)) {
            throw new Refused(403, "NOT_LOCAL", "This session takes devices on its local network only.");
        }
        requireSameOrigin(ctx.header("Origin"), ctx.header("Host"));
        Optional<String> id = session.authenticate(ctx.queryParam("token"));
        if (id.isEmpty()) {
            addresses.tryAcquire(ip);
            throw new Refused(401, "UNKNOWN_TOKEN", "This device is not in the session; join again.");
        }
        if (!participants.tryAcquire(id.get())) {
            throw new Refused(429, "TOO_MANY", "Too many requests from this device; wait a moment.");
        }
        ctx.attribute(PARTICIPANT, id.get());
    }

    private void studentSocket(WsConfig ws) {
        ws.onConnect(ctx -> {
            String id = ctx.attribute(PARTICIPANT);
            pages.addStudent(id, ctx, LiveJson.text(LiveJson.info(session.info())));
            session.connected(id, +1);
        });
        ws.onMessage(ctx -> {
            String id = ctx.attribute(PARTICIPANT);
            if (!participants.tryAcquire(id)) {
                pages.send(ctx, LiveJson.refusal("TOO_MANY", "Too many messages from this device; wait a moment."));
                return;
            }
            try {
                JsonNode message = LiveJson.object(ctx.message());
                switch (message.path("type").asText("")) {
                    case "answer" -> session.answer(id, message.path("number").asInt(0),
                            AnswerJson.read(message.get("answer")));
                    case "view" -> pages.studentsChanged(List.of(id));
                    default -> pages.send(ctx, LiveJson.refusal("BAD_MESSAGE", "The page sent something this session"
                            + " does not know; reload the page."));
                }
            } catch (SessionRefusal refusal) {
                pages.send(ctx, LiveJson.refusal(refusal.reason().name(), refusal.getMessage()));
            } catch (IllegalArgumentException e) {
                pages.send(ctx, LiveJson.refusal("BAD_ANSWER", "That answer could not be read (" + e.getMessage() + ")."));
            }
        });
        ws.onClose(ctx -> {
            String id = ctx.attribute(PARTICIPANT);
            if (pages.removeStudent(id, ctx)) {
                session.connected(id, -1);
            }
        });
    }

    private void admitTeacher(Context ctx) {
        if (!LocalNetwork.isLoopback(ctx.ip())) {
            throw new Refused(403, "TEACHER_ONLY", "The projector connects from the teacher's computer only.");
        }
        requireSameOrigin(ctx.header("Origin"), ctx.header("Host"));
        requireTeacherToken(Optional.ofNullable(ctx.queryParam("token")));
    }

    private void teacherSocket(WsConfig ws) {
        ws.onConnect(pages::addTeacher);
        ws.onMessage(ctx -> {
            JsonNode message;
            try {
                message = LiveJson.object(ctx.message());
            } catch (IllegalArgumentException e) {
                return;
            }
            switch (message.path("type").asText("")) {
                case "next" -> session.next();
                case "reveal" -> session.reveal();
                case "end" -> session.end();
                case "remove" -> session.remove(message.path("id").asText(""));
                default -> pages.send(ctx, LiveJson.refusal("BAD_MESSAGE", "Unknown command."));
            }
        });
        ws.onClose(pages::removeTeacher);
    }

    private void requireTeacherToken(Optional<String> token) {
        boolean same = token.isPresent() && MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8),
                teacherToken.getBytes(StandardCharsets.UTF_8));
        if (!same) {
            throw new Refused(401, "NOT_TEACHER", "The teacher's token is missing or wrong.");
        }
    }

    /** A browser's request from another site's page (its Origin is not this server) is refused. */
    private static void requireSameOrigin(String origin, String host) {
        if (origin != null && !origin.equals("http://" + host)) {
            throw new Refused(403, "OTHER_ORIGIN", "Requests from other sites' pages are refused.");
        }
    }

    private String participant(Context ctx) {
        String id = ctx.attribute(PARTICIPANT);
        if (id == null) {
            throw new Refused(401, "UNKNOWN_TOKEN", "This device is not in the session; join again.");
        }
        return id;
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.startsWith("Bearer ") ? Optional.of(header.substring(7).strip()) : Optional.empty();
    }

    private static int number(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("number"));
        } catch (NumberFormatException e) {
            throw new Refused(404, "NOT_FOUND", "There is no such question.");
        }
    }

    private static String letter(Context ctx) {
        String letter = ctx.pathParam("letter");
        if (!letter.equals("a") && !letter.equals("b")) {
            throw new Refused(404, "NOT_FOUND", "A question has versions a and b.");
        }
        return letter;
    }

    private static void sendWav(Context ctx, Path file) {
        try {
            ctx.header("Content-Length", Long.toString(Files.size(file)));
            ctx.contentType("audio/wav").result(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request body as text, at most {@link ServerLimits#jsonBytes()}. */
    private String body(Context ctx) {
        if (ctx.req().getContentLengthLong() > limits.jsonBytes()) {
            throw new Refused(413, "TOO_LARGE", "The request is too large.");
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(limits.jsonBytes() + 1);
            if (bytes.length > limits.jsonBytes()) {
                throw new Refused(413, "TOO_LARGE", "The request is too large.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Refused(400, "BAD_REQUEST", "The request broke off.");
        }
    }

    private static void refuse(Context ctx, int status, String reason, String sentence) {
        ctx.status(status).contentType("application/json").result(LiveJson.refusal(reason, sentence));
    }

    private static int status(SessionRefusal.Reason reason) {
        return switch (reason) {
            case WRONG_CODE -> 403;
            case BAD_NAME, BAD_ANSWER, BAD_MIX -> 400;
            case NAME_TAKEN, NOT_OPEN, ALREADY_ANSWERED -> 409;
            case FULL -> 503;
            case UNKNOWN_TOKEN -> 401;
            case ENDED -> 410;
        };
    }

    /** A request refused with an HTTP status, a reason word for the page and a sentence for the person. */
    private static final class Refused extends RuntimeException {
        final int status;
        final String reason;

        Refused(int status, String reason, String sentence) {
            super(sentence);
            this.status = status;
            this.reason = reason;
        }
    }
}
