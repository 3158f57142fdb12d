package dev.mixdojo.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Simulated pages for the live classroom's tests and benchmark: a student (joins over HTTP, then a WebSocket)
 * and the teacher's projector (its WebSocket), each keeping every message with the time it arrived.
 */
public final class LiveClients {
    static final ObjectMapper JSON = new ObjectMapper();

    private LiveClients() {
    }

    /** One HTTP client for many simulated pages (its selector thread serves all their sockets). */
    public static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A message as received, with {@link System#nanoTime()} at its arrival. */
    public record Received(JsonNode message, long atNanos) {
    }

    /** A WebSocket that keeps every JSON message it receives. */
    public static class Page implements WebSocket.Listener {
        final List<Received> received = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        volatile int closeCode = -1;

        void open(HttpClient http, URI uri) {
            socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, this).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long at = System.nanoTime();
                try {
                    received.add(new Received(JSON.readTree(partial.toString()), at));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }

        /** Sends one JSON message. */
        public void send(JsonNode message) {
            socket.sendText(message.toString(), true).join();
        }

        /** The first message (from the start) that matches, waiting up to {@code timeout}; fails the test when none comes. */
        public JsonNode await(Predicate<JsonNode> wanted, Duration timeout) {
            return await(0, wanted, timeout);
        }

        /** The first message from message number {@code from} on that matches, waiting up to {@code timeout}. */
        public JsonNode await(int from, Predicate<JsonNode> wanted, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                // A snapshot: a view of a CopyOnWriteArrayList fails when a message arrives while it is read.
                List<Received> all = List.copyOf(received);
                for (Received r : all.subList(Math.min(from, all.size()), all.size())) {
                    if (wanted.test(r.message())) {
                        return r.message();
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no message matched within " + timeout + "; last: "
                            + (received.isEmpty() ? "none" : received.get(received.size() - 1).message()));
                }
                pause(5);
            }
        }

        /** The messages received since message number {@code from}. */
        public List<Received> since(int from) {
            List<Received> all = List.copyOf(received);
            return all.subList(from, all.size());
        }

        /** How many messages have arrived. */
        public int count() {
            return received.size();
        }

        /** The last message of {@code type}, or null. */
        public JsonNode last(String type) {
            for (int i = received.size() - 1; i >= 0; i--) {
                if (received.get(i).message().path("type").asText().equals(type)) {
                    return received.get(i).message();
                }
            }
            return null;
        }

        /** Closes the socket (as a page that reloads or loses its network does). */
        public void close() {
            if (socket != null) {
                socket.abort();
            }
        }
    }

    /** A simulated student: joined with the code and a name, with a WebSocket open on the session. */
    public static final class Student extends Page {
        public final String name;
        public final String token;
        public final String id;
        private final HttpClient http;
        private final String base;

        private Student(HttpClient http, String base, String name, String token, String id) {
            this.http = http;
            this.base = base;
            this.name = name;
            this.token = token;
            this.id = id;
        }

        /** Joins {@code base} (e.g. {@code http://127.0.0.1:8421/}) with the code and name and opens the page's socket. */
        public static Student join(HttpClient http, String base, String code, String name) {
            HttpResponse<String> response = post(http, base + "api/join", "{\"code\":\"" + code + "\",\"name\":\""
                    + name + "\"}");
            if (response.statusCode() != 200) {
                throw new AssertionError(name + " could not join: " + response.statusCode() + " " + response.body());
            }
            JsonNode joined = read(response.body());
            Student student = new Student(http, base, name, joined.path("token").asText(), joined.path("id").asText());
            student.connect();
            return student;
        }

        /** Opens (again) the page's socket with the same token, as a reloaded page does. */
        public void connect() {
            open(http, URI.create(base.replace("http://", "ws://") + "ws/student?token=" + token));
        }

        /** Sends an answer choosing {@code label} for question {@code number}. */
        public void choose(int number, String label) {
            ObjectNode message = JSON.createObjectNode().put("type", "answer").put("number", number);
            message.putObject("answer").put("chosen", label);
            send(message);
        }

        /** The latest view whose phase is {@code phase} and (when positive) whose asked question is {@code number}. */
        public JsonNode awaitView(String phase, int number, Duration timeout) {
            return await(m -> m.path("type").asText().equals("view") && m.path("phase").asText().equals(phase)
                    && (number <= 0 || m.path("asked").path("number").asInt() == number), timeout);
        }
    }

    /** The teacher's projector page: its socket, and the commands it sends. */
    public static final class Teacher extends Page {
        /** Opens the projector socket of a server. */
        public static Teacher open(HttpClient http, LiveServer server) {
            return open(http, server.projectorAddress());
        }

        /** Opens the projector socket of the projector page {@code http://127.0.0.1:PORT/teacher#TOKEN}. */
        public static Teacher open(HttpClient http, String projectorAddress) {
            Teacher teacher = new Teacher();
            URI page = URI.create(projectorAddress);
            teacher.open(http, URI.create("ws://" + page.getAuthority() + "/ws/teacher?token=" + page.getFragment()));
            return teacher;
        }

        public void command(String type) {
            send(JSON.createObjectNode().put("type", type));
        }

        /** The first projector state (from the start) that matches. */
        public JsonNode awaitState(Predicate<JsonNode> wanted, Duration timeout) {
            return await(m -> m.path("type").asText().equals("projector") && wanted.test(m), timeout);
        }

        /** Opens the next question and waits until it is open for answers. */
        public JsonNode next(int number, Duration timeout) {
            command("next");
            return awaitState(s -> s.path("questionNumber").asInt() == number && s.path("phase").asText().equals("open"),
                    timeout);
        }
    }

    static HttpResponse<String> post(HttpClient http, String uri, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
