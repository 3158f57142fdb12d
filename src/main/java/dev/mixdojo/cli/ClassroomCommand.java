package dev.mixdojo.cli;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.live.JoinQr;
import dev.mixdojo.classroom.live.LiveQuestions;
import dev.mixdojo.classroom.live.LiveSession;
import dev.mixdojo.classroom.live.SessionMode;
import dev.mixdojo.exercise.ExerciseAudio;
import dev.mixdojo.exercise.QuestionKinds;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.web.LiveServer;
import dev.mixdojo.web.ServerLimits;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mixdojo classroom serve}: a live session of an assignment, served to the students' browsers. */
@Command(name = "classroom", mixinStandardHelpOptions = true,
        description = "Run a live classroom session that students join from their browsers.",
        subcommands = {ClassroomCommand.Serve.class})
final class ClassroomCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Starts making the questions of {@code pack} on the teacher's computer, their audio in a temporary folder. */
    static LiveQuestions questions(OpenedPack pack, LessonLibrary lessons, UserFolderOptions folders) {
        return LiveQuestions.inTemporaryFolder(pack, lessons, new QuestionKinds(), new ExerciseAudio(folders.materialLibrary()));
    }

    /** {@code mixdojo classroom serve}. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            header = "Serve a live session of an assignment on the local network.",
            description = {"Students open the address shown (or scan the QR code) on a phone or laptop, type the code"
                    + " and their name, and answer; every answer is graded here and kept in their signed results file.",
                "The projector page (this computer only) opens and reveals the questions. End the session there or"
                    + " with Ctrl+C."})
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        UserFolderOptions folders;

        @Option(names = "--assignment", required = true, paramLabel = "FILE",
                description = "The assignment file (yours: it holds the questions' seeds and the results key).")
        Path assignment;

        @Option(names = "--mode", paramLabel = "room|own-headphones", defaultValue = "room",
                description = "room: you play A/B to everyone and reveal each question; own-headphones: each browser"
                        + " plays the questions and students work at their own pace (default: ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--port", paramLabel = "N", defaultValue = "8421",
                description = "The port students connect to (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--bind", paramLabel = "ADDRESS",
                description = "The local network address to listen on (default: this computer's on its local network).")
        String bind;

        @Option(names = "--results", paramLabel = "DIR",
                description = "Where the results files go, and homework mixes in DIR/<assignment id>/ (default: the"
                        + " results folder in your data folder).")
        Path results;

        @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "512",
                description = "The largest homework mix a student may upload, in MiB (default: ${DEFAULT-VALUE}).")
        long maxUploadMb;

        @Override
        public Integer call() {
            SessionMode sessionMode = SessionMode.ofKey(mode.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                    new BadInputException("--mode must be " + String.join(" or ", SessionMode.keys()) + ", got '" + mode
                            + "'."));
            if (maxUploadMb < 1) {
                throw new BadInputException("--max-upload-mb must be at least 1, got " + maxUploadMb + ".");
            }
            OpenedPack pack = AssignmentPack.open(assignment);
            LessonLibrary lessons = LessonsCommand.loadOrFail(folders.lessons(), folders);
            Path resultsFolder = results != null ? results : folders.directories().data().resolve("results");
            SecureRandom random = new SecureRandom();
            LiveServer.Options options = new LiveServer.Options(address(), port,
                    ServerLimits.CLASSROOM.withUploadBytes(maxUploadMb << 20));
            LiveServer server = LiveServer.serve(pack, questions(pack, lessons, folders), sessionMode, resultsFolder,
                    options, random);
            LiveSession session = server.session();
            CountDownLatch ended = new CountDownLatch(1);
            session.addListener(new LiveSession.Listener() {
                @Override
                public void projectorChanged() {
                    if (session.hasEnded()) {
                        ended.countDown();
                    }
                }

                @Override
                public void studentsChanged(Collection<String> participantIds) {
                }
            });
            Thread stopping = new Thread(server::endAndClose, "live-session-stop");
            Runtime.getRuntime().addShutdownHook(stopping);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Live session \"" + pack.assignment().title() + "\": " + session.info().questionCount() + " questions, "
                    + sessionMode.key() + ", " + pack.assignment().mode().key() + ".");
            out.println("Students open " + server.joinAddress() + " and type the code " + session.code().spaced()
                    + " (or scan the code below).");
            out.print(JoinQr.of(server.joinLink()).terminal());
            out.println("Projector (this computer only): " + server.projectorAddress());
            out.println("Results go to " + resultsFolder.toAbsolutePath() + ". End the session on the projector page or"
                    + " with Ctrl+C.");
            out.flush();
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().removeShutdownHook(stopping);
            server.endAndClose();
            out.println("The session has ended. Read it with: mixdojo gradebook " + resultsFolder + " --assignment "
                    + assignment);
            out.flush();
            return 0;
        }

        private InetAddress address() {
            if (bind == null) {
                return LiveServer.Options.onThisNetwork(port).bind();
            }
            try {
                return InetAddress.getByName(bind);
            } catch (UnknownHostException e) {
                throw new BadInputException("--bind '" + bind + "' is not an address of this computer.", e);
            }
        }
    }
}
