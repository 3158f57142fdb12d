package dev.mixdojo.web;

import dev.mixdojo.classroom.AssignmentQuestions;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.PlannedQuestion;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.classroom.live.LiveSession;
import dev.mixdojo.classroom.live.SessionMode;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A live session served on 127.0.0.1 for a test: the pack, the session, its server, and the truth of every
 * question, worked out from questions made afresh from the pack (the teacher's side), never from the server.
 *
 * @param pack    the teacher's assignment
 * @param session the session
 * @param server  its server (any free port on the loopback address)
 * @param truths  the right label of question n at index n − 1
 * @param results the results folder
 */
public record ServedSession(OpenedPack pack, LiveSession session, LiveServer server, List<String> truths, Path results)
        implements AutoCloseable {

    /** Serves {@code pack} in {@code mode} with {@code limits}, its results and audio under {@code dir}. */
    public static ServedSession start(OpenedPack pack, LiveFixtures.Sources sources, SessionMode mode, ServerLimits limits,
            Path dir) {
        Path results = dir.resolve("results");
        LiveSession session = LiveFixtures.session(pack, sources, mode, results, dir.resolve("work"));
        LiveServer server = LiveServer.start(session, new LiveServer.Options(InetAddress.getLoopbackAddress(), 0, limits),
                new SecureRandom());
        AssignmentQuestions questions = new AssignmentQuestions(pack.assignment(), sources.lessons(), sources.kinds(),
                sources.audio());
        List<String> truths = new ArrayList<>();
        for (PlannedQuestion planned : pack.assignment().questionPlan()) {
            truths.add(questions.question(planned).key().truthLabel());
        }
        return new ServedSession(pack, session, server, List.copyOf(truths), results);
    }

    /** The address students open. */
    public String base() {
        return server.joinAddress();
    }

    /** The join code's digits. */
    public String code() {
        return session.code().digits();
    }

    /** The right label of question {@code number}. */
    public String truth(int number) {
        return truths.get(number - 1);
    }

    /** An option at least four octaves from the truth of {@code number}, so it earns no credit. */
    public String wrong(int number) {
        return truth(number).endsWith("kHz") ? "63 Hz" : "8 kHz";
    }

    @Override
    public void close() {
        server.close();
        session.close();
    }
}
