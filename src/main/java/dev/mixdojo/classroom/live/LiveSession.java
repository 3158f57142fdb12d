package dev.mixdojo.classroom.live;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.classroom.AnsweredQuestion;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.HomeworkMix;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.Results;
import dev.mixdojo.classroom.ResultsWriter;
import dev.mixdojo.classroom.StudentQuestion;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.Grade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A live classroom session on the teacher's computer: students join with the code and a name, answer the
 * assignment's questions from their devices, and every answer is graded here, against the key that never
 * leaves this computer, and kept at once in that student's signed results file (the format the gradebook
 * reads). In the room the teacher opens one question at a time and reveals it; with their own headphones
 * students work through the questions at their own pace. Truths are shown only after the reveal (room) or
 * after the student's answer is on disk (own headphones, practice), never in an exam taken at one's pace.
 *
 * <p>Thread-safe: one lock guards the session's state and is held only for quick work; results files are
 * written outside it, one student's writes in order. Listeners are told of changes outside the lock.
 */
public final class LiveSession implements AutoCloseable {
    /** Most devices one session admits at once. */
    public static final int MAX_PARTICIPANTS = 1000;
    /** Bytes of randomness in a participant's token (256 bits). */
    static final int TOKEN_BYTES = 32;

    /** Hears what changed, to push new views to pages; called outside the session's lock, from any thread. */
    public interface Listener {
        /** The projector's view changed. */
        void projectorChanged();

        /** The views of these participants changed (a removed participant's too, once). */
        void studentsChanged(Collection<String> participantIds);
    }

    /**
     * A device just admitted.
     *
     * @param participantId its id, as the teacher sees it
     * @param token         its secret: every later request carries it
     * @param name          the name it answers under
     */
    public record Joined(String participantId, String token, String name) {
    }

    private final OpenedPack pack;
    private final LiveQuestions questions;
    private final SessionInfo info;
    private final Path resultsFolder;
    private final Clock clock;
    private final SecureRandom random;
    private final JoinCode code;
    private final ResultsWriter writer;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    // Guarded by this.
    private final Map<String, Sheet> sheets = new HashMap<>();
    private final Map<String, Participant> byToken = new HashMap<>();
    private final Map<String, Participant> byId = new LinkedHashMap<>();
    private final Map<String, String> removed = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int nextId = 1;
    private ProjectorState.RoomPhase phase = ProjectorState.RoomPhase.WAITING;
    private int current;
    private Instant openedAt;
    private Optional<Histogram> histogram = Optional.empty();

    /**
     * A session asking {@code questions} (made from {@code pack}) in {@code mode}, keeping results in
     * {@code resultsFolder}. Results a session of this pack wrote there before (a restart) are taken up:
     * a student joining under the same name goes on with their answers.
     */
    public LiveSession(OpenedPack pack, LiveQuestions questions, SessionMode mode, Path resultsFolder, Clock clock,
            SecureRandom random) {
        this.pack = pack;
        this.questions = questions;
        this.resultsFolder = resultsFolder;
        this.clock = clock;
        this.random = random;
        this.code = JoinCode.random(random);
        this.writer = new ResultsWriter(pack);
        this.info = new SessionInfo(pack.assignment().title(), mode, pack.assignment().mode(), questions.size(),
                pack.assignment().mixChallenge().isPresent() ? SessionInfo.Homework.MIX : SessionInfo.Homework.NONE);
        try {
            Files.createDirectories(resultsFolder);
        } catch (IOException e) {
            throw new BadInputException(resultsFolder, "cannot be created to keep the class's results ("
                    + e.getMessage() + ").", e);
        }
        takeUpEarlierResults();
        for (int n = 1; n <= questions.size(); n++) {
            int number = n;
            questions.question(number).whenComplete((made, failure) -> made(number, failure));
        }
    }

    /** Adds a listener. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** The session as students know it. */
    public SessionInfo info() {
        return info;
    }

    /** The code that admits students. */
    public JoinCode code() {
        return code;
    }

    /** The folder of the class's results files (homework mixes go into its {@code <assignment id>/} folder). */
    public Path resultsFolder() {
        return resultsFolder;
    }

    /**
     * Admits a device with the join code under a name. The first device under a name starts that student's
     * results file; a name another device answers under now is refused until the teacher removes that device.
     */
    public Joined join(String typedCode, String typedName) {
        if (!code.matches(typedCode)) {
            throw new SessionRefusal(SessionRefusal.Reason.WRONG_CODE,
                    "That is not this session's code; check the code on the projector.");
        }
        String name;
        try {
            name = ResultsWriter.studentName(typedName);
        } catch (BadInputException e) {
            throw new SessionRefusal(SessionRefusal.Reason.BAD_NAME, e.getMessage());
        }
        Joined joined;
        Sheet sheet;
        boolean fresh;
        synchronized (this) {
            if (phase == ProjectorState.RoomPhase.ENDED) {
                throw ended();
            }
            if (byId.size() >= MAX_PARTICIPANTS) {
                throw new SessionRefusal(SessionRefusal.Reason.FULL, "The session is full (" + MAX_PARTICIPANTS
                        + " devices); ask your teacher.");
            }
            sheet = sheets.computeIfAbsent(ResultsWriter.nameKey(name),
                    key -> new Sheet(name, resultsFolder.resolve(writer.liveFileName(name)), clock.instant()));
            if (sheet.holder != null) {
                throw new SessionRefusal(SessionRefusal.Reason.NAME_TAKEN, "Someone is already answering as " + sheet.name
                        + ". If that is you on another device, ask your teacher to remove it, then join again.");
            }
            byte[] secret = new byte[TOKEN_BYTES];
            random.nextBytes(secret);
            Participant participant = new Participant("s" + nextId++,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(secret), sheet);
            sheet.holder = participant;
            byToken.put(participant.token, participant);
            byId.put(participant.id, participant);
            fresh = sheet.answers.isEmpty() && !Files.exists(sheet.file);
            joined = new Joined(participant.id, participant.token, sheet.name);
        }
        if (fresh) {
            store(sheet);
        }
        tellProjector();
        return joined;
    }

    /** The participant a token belongs to, if it is a participant's now. */
    public synchronized Optional<String> authenticate(String token) {
        return Optional.ofNullable(token == null ? null : byToken.get(token)).map(p -> p.id);
    }

    /** Counts a page opening ({@code +1}) or closing ({@code -1}) for a participant, for the projector's "connected". */
    public void connected(String participantId, int change) {
        synchronized (this) {
            Participant participant = byId.get(participantId);
            if (participant == null) {
                return;
            }
            participant.connections = Math.max(0, participant.connections + change);
        }
        tellProjector();
    }

    /**
     * Records a participant's answer to question {@code number}: refused unless that question is open for
     * them and they have not answered it, and unless the answer fits the question. The answer is graded here
     * and written to the student's results file before this returns; returns the student's new view.
     */
    public StudentView answer(String participantId, int number, Answer answer) {
        Sheet sheet;
        synchronized (this) {
            Participant participant = active(participantId);
            sheet = participant.sheet;
            if (phase == ProjectorState.RoomPhase.ENDED) {
                throw ended();
            }
            if (sheet.answers.containsKey(number)) {
                throw new SessionRefusal(SessionRefusal.Reason.ALREADY_ANSWERED, "You answered question " + number
                        + " already; one answer per question.");
            }
            if (!isOpenFor(sheet, number)) {
                throw new SessionRefusal(SessionRefusal.Reason.NOT_OPEN, "Question " + number + " is not open now.");
            }
            Instant now = clock.instant();
            Instant askedAt = info.mode() == SessionMode.ROOM ? openedAt : sheet.lastAnswerAt;
            long responseMs = Math.max(0, Duration.between(askedAt, now).toMillis());
            AnsweredQuestion recorded;
            try {
                recorded = questions.grade(number, answer, responseMs);
            } catch (IllegalArgumentException e) {
                throw new SessionRefusal(SessionRefusal.Reason.BAD_ANSWER, "That answer does not fit the question: "
                        + e.getMessage() + ".");
            }
            sheet.answers.put(number, new Sheet.Entry(Optional.of(answer), recorded, false));
            sheet.lastAnswerAt = now;
        }
        tellProjector();
        store(sheet);
        tellStudents(List.of(participantId));
        return view(participantId);
    }

    /** Room: closes the open question (if any) and makes and opens the next; after the last, ends the session. */
    public void next() {
        int number;
        synchronized (this) {
            if (info.mode() != SessionMode.ROOM || phase == ProjectorState.RoomPhase.ENDED
                    || phase == ProjectorState.RoomPhase.PREPARING) {
                return;
            }
            if (current >= questions.size()) {
                phase = ProjectorState.RoomPhase.ENDED;
                number = 0;
            } else {
                current++;
                number = current;
                phase = ProjectorState.RoomPhase.PREPARING;
                histogram = Optional.empty();
            }
        }
        tellEveryone();
        if (number > 0) {
            questions.question(number).whenComplete((made, failure) -> opened(number, failure));
        }
    }

    /** Room: closes the open question and shows the class's answers with the truth. */
    public void reveal() {
        synchronized (this) {
            if (info.mode() != SessionMode.ROOM || phase != ProjectorState.RoomPhase.OPEN) {
                return;
            }
            phase = ProjectorState.RoomPhase.REVEALED;
            List<Answer> given = new ArrayList<>();
            List<Grade> grades = new ArrayList<>();
            for (Sheet sheet : sheets.values()) {
                Sheet.Entry entry = sheet.answers.get(current);
                if (entry != null && entry.given.isPresent()) {
                    given.add(entry.given.get());
                    grades.add(entry.recorded.grade());
                }
            }
            StudentQuestion question = questions.question(current).join();
            histogram = Optional.of(Histogram.of(question.form(), questions.truth(current), given, grades));
        }
        tellEveryone();
    }

    /**
     * Removes a device: its token stops working and its page says so. The student's answers stay in their
     * results file, and whoever joins next under that name goes on with them.
     */
    public void remove(String participantId) {
        synchronized (this) {
            Participant participant = byId.remove(participantId);
            if (participant == null) {
                return;
            }
            byToken.remove(participant.token);
            if (participant.sheet.holder == participant) {
                participant.sheet.holder = null;
            }
            removed.put(participantId, participant.sheet.name);
        }
        tellStudents(List.of(participantId));
        tellProjector();
    }

    /** Ends the session: no more joins or answers; every page says it is over. */
    public void end() {
        synchronized (this) {
            phase = ProjectorState.RoomPhase.ENDED;
        }
        tellEveryone();
    }

    /** Whether the session has ended. */
    public synchronized boolean hasEnded() {
        return phase == ProjectorState.RoomPhase.ENDED;
    }

    /** What a participant's page shows now (a removed participant's says so). */
    public synchronized StudentView view(String participantId) {
        Participant participant = byId.get(participantId);
        if (participant == null) {
            return new StudentView(removed.getOrDefault(participantId, ""), StudentView.Phase.REMOVED, Optional.empty(),
                    Optional.empty(), Optional.empty(), "Your teacher removed this device from the session.");
        }
        Sheet sheet = participant.sheet;
        String message = "";
        if (phase == ProjectorState.RoomPhase.ENDED) {
            return new StudentView(sheet.name, StudentView.Phase.FINISHED, Optional.empty(), last(sheet),
                    sheet.handedIn, "The session has ended.");
        }
        if (info.mode() == SessionMode.ROOM) {
            StudentView.Phase shown = switch (phase) {
                case WAITING, FAILED -> StudentView.Phase.WAITING;
                case PREPARING -> StudentView.Phase.PREPARING;
                case OPEN -> sheet.answers.containsKey(current) ? StudentView.Phase.ANSWERED : StudentView.Phase.ANSWERING;
                case REVEALED -> StudentView.Phase.REVEALED;
                case ENDED -> StudentView.Phase.FINISHED;
            };
            if (phase == ProjectorState.RoomPhase.FAILED) {
                message = "Question " + current + " could not be made; wait for the next one.";
            }
            Optional<StudentView.Asked> asked = Optional.empty();
            if (phase == ProjectorState.RoomPhase.OPEN || phase == ProjectorState.RoomPhase.REVEALED) {
                asked = Optional.of(asked(sheet, current, phase == ProjectorState.RoomPhase.REVEALED));
            }
            return new StudentView(sheet.name, shown, asked, Optional.empty(), sheet.handedIn, message);
        }
        int next = sheet.nextUnanswered(questions.size());
        if (next > questions.size()) {
            return new StudentView(sheet.name, StudentView.Phase.FINISHED, Optional.empty(), last(sheet), sheet.handedIn,
                    "");
        }
        if (!questions.isDone(next)) {
            return new StudentView(sheet.name, StudentView.Phase.PREPARING, Optional.empty(), last(sheet),
                    sheet.handedIn, "");
        }
        if (questions.question(next).isCompletedExceptionally()) {
            return new StudentView(sheet.name, StudentView.Phase.WAITING, Optional.empty(), last(sheet), sheet.handedIn,
                    "Question " + next + " could not be made; tell your teacher.");
        }
        return new StudentView(sheet.name, StudentView.Phase.ANSWERING, Optional.of(asked(sheet, next, false)),
                last(sheet), sheet.handedIn, message);
    }

    /** What the projector shows now. */
    public synchronized ProjectorState projector() {
        List<ProjectorState.Seat> seats = new ArrayList<>(byId.size());
        for (Participant p : byId.values()) {
            seats.add(new ProjectorState.Seat(p.id, p.sheet.name, p.connections > 0, p.sheet.answers.size(),
                    answeredAsked(p), p.sheet.handedIn));
        }
        String prompt = "";
        if (info.mode() == SessionMode.ROOM && current > 0 && isMade(current)) {
            prompt = questions.question(current).join().prompt();
        }
        return new ProjectorState(info, code, counts(), prompt, seats, histogram, problems);
    }

    /** The projector's counts alone: no list is made, so they can go out with every answer. */
    public synchronized ProjectorState.Counts counts() {
        int connected = 0;
        int answered = 0;
        for (Participant p : byId.values()) {
            connected += p.connections > 0 ? 1 : 0;
            answered += info.mode() == SessionMode.ROOM ? (answeredAsked(p) ? 1 : 0) : p.sheet.answers.size();
        }
        ProjectorState.RoomPhase shown = info.mode() == SessionMode.ROOM || phase == ProjectorState.RoomPhase.ENDED
                ? phase : ProjectorState.RoomPhase.OPEN;
        return new ProjectorState.Counts(shown, info.mode() == SessionMode.ROOM ? current : 0, connected, answered);
    }

    /** Room: whether a participant answered the question asked last. */
    private boolean answeredAsked(Participant p) {
        return info.mode() == SessionMode.ROOM && current > 0 && p.sheet.answers.containsKey(current);
    }

    /**
     * The version file ({@code a} or {@code b}) of question {@code number} for a participant: own headphones
     * only, and only of questions up to the one after their current one (so the next can load early).
     */
    public synchronized Optional<Path> studentAudio(String participantId, int number, String letter) {
        Participant participant = byId.get(participantId);
        if (participant == null || info.mode() != SessionMode.OWN_HEADPHONES || number < 1 || number > questions.size()
                || number > participant.sheet.nextUnanswered(questions.size()) + 1 || !isMade(number)) {
            return Optional.empty();
        }
        return Optional.of(questions.question(number).join().version(letter));
    }

    /** The version file of a question for the teacher's player: any question asked so far in the room. */
    public synchronized Optional<Path> teacherAudio(int number, String letter) {
        if (number < 1 || number > current || !isMade(number)) {
            return Optional.empty();
        }
        return Optional.of(questions.question(number).join().version(letter));
    }

    /**
     * A new empty file for a participant's upload in the homework folder's {@code .uploads} folder
     * ({@code <results>/<assignment id>/.uploads/}, which {@code grade-mixes} skips: it starts with a dot), ending in
     * {@code extension} ({@code .wav}, {@code .flac}…); refused when there is no homework mix.
     */
    public Path uploadFile(String participantId, String extension) {
        synchronized (this) {
            active(participantId);
            if (info.homework() != SessionInfo.Homework.MIX) {
                throw new SessionRefusal(SessionRefusal.Reason.BAD_MIX, "This assignment has no homework mix.");
            }
        }
        // The folder is hidden, the name not: the hand-in takes only audio names that are not hidden.
        Path folder = resultsFolder.resolve(pack.assignment().id()).resolve(".uploads");
        try {
            Files.createDirectories(folder);
            return Files.createTempFile(folder, "upload-", extension);
        } catch (IOException e) {
            throw new BadInputException(folder, "cannot take the upload (" + e.getMessage() + ").", e);
        }
    }

    /**
     * Hands in an uploaded mix for a participant as the app does ({@link HomeworkMix#handIn}: readable audio,
     * not silent, stored under the student's name where {@code grade-mixes} reads it) and deletes the upload.
     * Returns the stored file; a file that is not a mix is refused with the reason.
     */
    public Path handIn(String participantId, Path upload) {
        Sheet sheet;
        synchronized (this) {
            sheet = active(participantId).sheet;
        }
        try {
            Path stored = HomeworkMix.handIn(pack, sheet.name, upload, resultsFolder);
            synchronized (this) {
                sheet.handedIn = Optional.of(stored.getFileName().toString());
            }
            tellProjector();
            tellStudents(List.of(participantId));
            return stored;
        } catch (BadInputException e) {
            throw new SessionRefusal(SessionRefusal.Reason.BAD_MIX, e.getMessage().replace(upload.toString(),
                    "The uploaded file"));
        } finally {
            try {
                Files.deleteIfExists(upload);
            } catch (IOException e) {
                // An upload left in the hidden .uploads folder: grade-mixes skips it.
            }
        }
    }

    @Override
    public void close() {
        questions.close();
    }

    private Participant active(String participantId) {
        Participant participant = byId.get(participantId);
        if (participant == null) {
            throw new SessionRefusal(SessionRefusal.Reason.UNKNOWN_TOKEN, "This device is not in the session; join again.");
        }
        return participant;
    }

    private boolean isOpenFor(Sheet sheet, int number) {
        if (info.mode() == SessionMode.ROOM) {
            return phase == ProjectorState.RoomPhase.OPEN && number == current;
        }
        return number == sheet.nextUnanswered(questions.size()) && isMade(number);
    }

    private boolean isMade(int number) {
        return questions.isDone(number) && !questions.question(number).isCompletedExceptionally();
    }

    /** A question with the sheet's answer and, when {@code revealed} or allowed after a stored answer, the outcome. */
    private StudentView.Asked asked(Sheet sheet, int number, boolean revealed) {
        StudentQuestion question = questions.question(number).join();
        Sheet.Entry entry = sheet.answers.get(number);
        Optional<String> yours = Optional.ofNullable(entry).map(e -> e.recorded.answer());
        boolean shown = revealed || entry != null && entry.stored && info.mode() == SessionMode.OWN_HEADPHONES
                && info.assignmentMode() == AssignmentMode.PRACTICE;
        Optional<StudentView.Outcome> outcome = Optional.empty();
        if (shown) {
            String truth = questions.truth(number).label();
            outcome = Optional.of(entry == null ? new StudentView.Outcome(truth, false, "You did not answer this one.")
                    : new StudentView.Outcome(truth, entry.recorded.grade().correct(), entry.recorded.grade().feedback()));
        }
        return new StudentView.Asked(question, yours, outcome);
    }

    /** Own headphones: the question answered last, with its outcome when allowed. */
    private Optional<StudentView.Asked> last(Sheet sheet) {
        if (info.mode() != SessionMode.OWN_HEADPHONES) {
            return Optional.empty();
        }
        return sheet.lastAnswered().filter(this::isMade).map(n -> asked(sheet, n, false));
    }

    /** Writes a sheet's answers so far to its results file, signed; a failure becomes a problem on the projector. */
    private void store(Sheet sheet) {
        synchronized (sheet.writeLock) {
            List<AnsweredQuestion> answers;
            Set<Integer> numbers;
            Instant finishedAt;
            synchronized (this) {
                answers = sheet.recorded();
                numbers = new HashSet<>(sheet.answers.keySet());
                finishedAt = sheet.lastAnswerAt;
            }
            try {
                Results results = writer.sign(sheet.name, sheet.startedAt, finishedAt, answers);
                ResultsWriter.write(sheet.file, results);
                synchronized (this) {
                    numbers.forEach(n -> sheet.answers.get(n).stored = true);
                }
            } catch (BadInputException e) {
                synchronized (this) {
                    problems.add(sheet.name + "'s answers are kept in memory but could not be saved: " + e.getMessage());
                }
                tellProjector();
            }
        }
    }

    /** Sheets of this pack that an earlier session wrote into the results folder, so their students go on. */
    private void takeUpEarlierResults() {
        try (Stream<Path> files = Files.list(resultsFolder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-live.results.json")).sorted().toList()) {
                writer.readOwn(file).ifPresent(results -> {
                    Sheet sheet = new Sheet(results.student(), file, results.startedAt());
                    for (AnsweredQuestion a : results.answers()) {
                        sheet.answers.put(a.question().number(), new Sheet.Entry(Optional.empty(), a, true));
                    }
                    sheet.lastAnswerAt = results.finishedAt();
                    sheets.merge(ResultsWriter.nameKey(results.student()), sheet,
                            (kept, other) -> other.answers.size() > kept.answers.size() ? other : kept);
                });
            }
        } catch (IOException e) {
            throw new BadInputException(resultsFolder, "cannot be listed (" + e.getMessage() + ").", e);
        }
    }

    private void made(int number, Throwable failure) {
        if (failure != null) {
            synchronized (this) {
                problems.add("Question " + number + " could not be made (" + rootMessage(failure) + ").");
            }
        }
        if (info.mode() == SessionMode.OWN_HEADPHONES) {
            tellEveryone();
        } else {
            tellProjector();
        }
    }

    private void opened(int number, Throwable failure) {
        synchronized (this) {
            if (current != number || phase != ProjectorState.RoomPhase.PREPARING) {
                return;
            }
            if (failure != null) {
                phase = ProjectorState.RoomPhase.FAILED;
            } else {
                phase = ProjectorState.RoomPhase.OPEN;
                openedAt = clock.instant();
            }
        }
        tellEveryone();
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    private static SessionRefusal ended() {
        return new SessionRefusal(SessionRefusal.Reason.ENDED, "The session has ended.");
    }

    private void tellProjector() {
        listeners.forEach(Listener::projectorChanged);
    }

    private void tellStudents(Collection<String> ids) {
        listeners.forEach(l -> l.studentsChanged(ids));
    }

    private void tellEveryone() {
        List<String> ids;
        synchronized (this) {
            ids = new ArrayList<>(byId.keySet());
        }
        tellStudents(ids);
        tellProjector();
    }
}
