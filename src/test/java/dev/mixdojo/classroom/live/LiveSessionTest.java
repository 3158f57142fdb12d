package dev.mixdojo.classroom.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.Scale;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentQuestions;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.GradebookFlag;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.PlannedQuestion;
import dev.mixdojo.classroom.StudentRow;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.AnswerForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live session without a network: joining, one answer per question, truths only when allowed, results on disk. */
class LiveSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path shared;
    static LiveFixtures.Sources sources;
    static OpenedPack practice;
    static OpenedPack exam;
    /** The truth of each question, from questions made afresh from the pack (not through the session). */
    static List<String> truths = new ArrayList<>();

    @TempDir
    Path dir;
    private LiveSession session;

    @BeforeAll
    static void makePacks() {
        sources = LiveFixtures.Sources.under(shared);
        practice = LiveFixtures.octavePack(shared.resolve("practice.mixdojo"), AssignmentMode.PRACTICE, 3);
        exam = LiveFixtures.octavePack(shared.resolve("exam.mixdojo"), AssignmentMode.EXAM, 3);
        AssignmentQuestions questions = new AssignmentQuestions(practice.assignment(), sources.lessons(), sources.kinds(),
                sources.audio());
        for (PlannedQuestion planned : practice.assignment().questionPlan()) {
            truths.add(questions.question(planned).key().truthLabel());
        }
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private LiveSession start(OpenedPack pack, SessionMode mode) {
        session = LiveFixtures.session(pack, sources, mode, dir.resolve("results"), dir.resolve("work"));
        return session;
    }

    /** An option at least four octaves from the truth, so it earns no credit at all. */
    static String wrong(String truth) {
        return truth.endsWith("kHz") ? "63 Hz" : "8 kHz";
    }

    private void openNext(int number) {
        session.next();
        assertThat(LiveFixtures.await(() -> session.projector().phase() == ProjectorState.RoomPhase.OPEN
                && session.projector().questionNumber() == number, WAIT)).as("question %d opens", number).isTrue();
    }

    @Test
    void onlyTheJoinCodeAdmitsAndEachDeviceGetsItsOwnUnguessableToken() {
        start(practice, SessionMode.ROOM);
        String code = session.code().digits();
        String wrongCode = code.equals("000000") ? "000001" : "000000";
        assertThatThrownBy(() -> session.join(wrongCode, "Ana"))
                .isInstanceOfSatisfying(SessionRefusal.class, r -> assertThat(r.reason()).isEqualTo(SessionRefusal.Reason.WRONG_CODE));
        LiveSession.Joined ana = session.join(session.code().spaced(), "Ana");
        LiveSession.Joined ben = session.join(code, "Ben");
        assertThat(ana.token()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(ben.token());
        assertThat(session.authenticate(ana.token())).contains(ana.participantId());
        assertThat(session.authenticate(ana.token().substring(1) + "A")).isEmpty();
        assertThatThrownBy(() -> session.join(code, " ana "))
                .isInstanceOfSatisfying(SessionRefusal.class, r -> assertThat(r.reason()).isEqualTo(SessionRefusal.Reason.NAME_TAKEN));
        assertThatThrownBy(() -> session.join(code, "  "))
                .isInstanceOfSatisfying(SessionRefusal.class, r -> assertThat(r.reason()).isEqualTo(SessionRefusal.Reason.BAD_NAME));
        assertThat(session.projector().seats()).extracting(ProjectorState.Seat::name).containsExactly("Ana", "Ben");
    }

    @Test
    void inTheRoomAQuestionTakesOneAnswerPerStudentAndTheResultsFileHoldsItGraded() throws Exception {
        start(practice, SessionMode.ROOM);
        LiveSession.Joined ana = session.join(session.code().digits(), "Ana");
        LiveSession.Joined ben = session.join(session.code().digits(), "Ben");
        assertThatThrownBy(() -> session.answer(ana.participantId(), 1, new Answer.Chosen(truths.get(0))))
                .isInstanceOfSatisfying(SessionRefusal.class, r -> assertThat(r.reason()).isEqualTo(SessionRefusal.Reason.NOT_OPEN));
        openNext(1);
        assertThatThrownBy(() -> session.answer(ana.participantId(), 2, new Answer.Chosen(truths.get(1))))
                .isInstanceOfSatisfying(SessionRefusal.class, r -> assertThat(r.reason()).isEqualTo(SessionRefusal.Reason.NOT_OPEN));
        assertThatThrownBy(() -> session.answer(ana.participantId(), 1, new Answer.Chosen("3 MHz")))
                .isInstanceOfSatisfying(SessionRefusal.class, r -> assertThat(r.reason()).isEqualTo(SessionRefusal.Reason.BAD_ANSWER));
        StudentView after = session.answer(ana.participantId(), 1, new Answer.Chosen(truths.get(0)));
        assertThat(after.phase()).isEqualTo(StudentView.Phase.ANSWERED);
        assertThat(after.asked().orElseThrow().yourAnswer()).contains(truths.get(0));
        assertThatThrownBy(() -> session.answer(ana.participantId(), 1, new Answer.Chosen(wrong(truths.get(0)))))
                .isInstanceOfSatisfying(SessionRefusal.class, r -> assertThat(r.reason()).isEqualTo(SessionRefusal.Reason.ALREADY_ANSWERED));
        session.answer(ben.participantId(), 1, new Answer.Chosen(wrong(truths.get(0))));
        assertThat(session.projector().answeredCount()).isEqualTo(2);

        Gradebook book = Gradebook.read(dir.resolve("results"), Optional.of(practice));
        assertThat(book.students()).extracting(StudentRow::student).containsExactly("Ana", "Ben");
        assertThat(book.students()).allSatisfy(row -> {
            assertThat(row.flags()).isEmpty();
            assertThat(row.checks()).contains("signature: valid for this pack's key (anyone holding the pack can sign)");
        });
        assertThat(book.students().get(0).scorePercent()).isEqualTo(33.33);
        assertThat(book.students().get(1).scorePercent()).isEqualTo(0);
        try (var files = Files.list(dir.resolve("results"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .allMatch(name -> name.matches("live-quiz-(ana|ben)-[0-9a-f]{8}-live\\.results\\.json"));
        }
    }

    @Test
    void noTruthReachesAStudentBeforeTheRevealAndNoAnswerIsTakenAfterIt() {
        start(practice, SessionMode.ROOM);
        LiveSession.Joined ana = session.join(session.code().digits(), "Ana");
        LiveSession.Joined ben = session.join(session.code().digits(), "Ben");
        LiveSession.Joined cleo = session.join(session.code().digits(), "Cleo");
        openNext(1);
        session.answer(ana.participantId(), 1, new Answer.Chosen(truths.get(0)));
        session.answer(ben.participantId(), 1, new Answer.Chosen(wrong(truths.get(0))));
        for (LiveSession.Joined who : List.of(ana, ben, cleo)) {
            assertThat(session.view(who.participantId()).asked().orElseThrow().outcome()).isEmpty();
        }
        assertThat(session.projector().histogram()).isEmpty();

        session.reveal();
        Histogram histogram = session.projector().histogram().orElseThrow();
        assertThat(histogram.truth()).isEqualTo(truths.get(0));
        assertThat(histogram.total()).isEqualTo(2);
        assertThat(histogram.bars()).filteredOn(Histogram.Bar::truth).singleElement()
                .satisfies(bar -> assertThat(bar).extracting(Histogram.Bar::label, Histogram.Bar::count)
                        .containsExactly(truths.get(0), 1));
        assertThat(session.view(ana.participantId()).asked().orElseThrow().outcome().orElseThrow())
                .extracting(StudentView.Outcome::truth, StudentView.Outcome::correct).containsExactly(truths.get(0), true);
        assertThat(session.view(ben.participantId()).asked().orElseThrow().outcome().orElseThrow().correct()).isFalse();
        assertThat(session.view(cleo.participantId()).asked().orElseThrow().outcome().orElseThrow().feedback())
                .isEqualTo("You did not answer this one.");
        assertThatThrownBy(() -> session.answer(cleo.participantId(), 1, new Answer.Chosen(truths.get(0))))
                .isInstanceOfSatisfying(SessionRefusal.class, r -> assertThat(r.reason()).isEqualTo(SessionRefusal.Reason.NOT_OPEN));
    }

    @Test
    void withOwnHeadphonesAPracticeOutcomeComesOnlyOnceTheAnswerIsStored() throws Exception {
        start(practice, SessionMode.OWN_HEADPHONES);
        LiveSession.Joined ana = session.join(session.code().digits(), "Ana");
        assertThat(LiveFixtures.await(() -> session.view(ana.participantId()).phase() == StudentView.Phase.ANSWERING, WAIT)).isTrue();
        StudentView first = session.view(ana.participantId());
        assertThat(first.asked().orElseThrow().question().number()).isEqualTo(1);
        assertThat(first.asked().orElseThrow().outcome()).isEmpty();
        assertThat(first.last()).isEmpty();
        assertThat(session.studentAudio(ana.participantId(), 1, "a")).isPresent();
        assertThat(LiveFixtures.await(() -> session.studentAudio(ana.participantId(), 2, "b").isPresent(), WAIT)).isTrue();
        assertThat(session.studentAudio(ana.participantId(), 3, "a")).as("two ahead").isEmpty();
        assertThatThrownBy(() -> session.answer(ana.participantId(), 2, new Answer.Chosen(truths.get(1))))
                .isInstanceOfSatisfying(SessionRefusal.class, r -> assertThat(r.reason()).isEqualTo(SessionRefusal.Reason.NOT_OPEN));

        StudentView after = session.answer(ana.participantId(), 1, new Answer.Chosen(wrong(truths.get(0))));
        assertThat(Files.readString(session.resultsFolder().resolve(practiceFile("Ana"))))
                .contains("\"answer\": \"" + wrong(truths.get(0)) + "\"");
        StudentView.Outcome outcome = after.last().orElseThrow().outcome().orElseThrow();
        assertThat(outcome.truth()).isEqualTo(truths.get(0));
        assertThat(outcome.correct()).isFalse();
        assertThat(after.asked().orElseThrow().question().number()).isEqualTo(2);
        assertThat(session.projector().answeredCount()).isEqualTo(1);
    }

    @Test
    void anExamAtOnesOwnPaceRecordsAnswersWithoutEverShowingATruth() {
        start(exam, SessionMode.OWN_HEADPHONES);
        LiveSession.Joined ana = session.join(session.code().digits(), "Ana");
        for (int n = 1; n <= 3; n++) {
            int number = n;
            assertThat(LiveFixtures.await(() -> session.view(ana.participantId()).phase() == StudentView.Phase.ANSWERING,
                    WAIT)).isTrue();
            StudentView after = session.answer(ana.participantId(), number, new Answer.Chosen("1 kHz"));
            assertThat(after.last().orElseThrow().outcome()).as("question %d", number).isEmpty();
            assertThat(after.last().orElseThrow().question().hint()).isEmpty();
        }
        assertThat(session.view(ana.participantId()).phase()).isEqualTo(StudentView.Phase.FINISHED);
    }

    @Test
    void aRemovedDeviceLosesItsTokenAndTheNextDeviceUnderTheNameGoesOnWithTheSameAnswers() {
        start(practice, SessionMode.OWN_HEADPHONES);
        LiveSession.Joined phone = session.join(session.code().digits(), "Ana");
        assertThat(LiveFixtures.await(() -> session.view(phone.participantId()).phase() == StudentView.Phase.ANSWERING, WAIT)).isTrue();
        session.answer(phone.participantId(), 1, new Answer.Chosen(truths.get(0)));
        session.remove(phone.participantId());
        assertThat(session.authenticate(phone.token())).isEmpty();
        assertThat(session.view(phone.participantId()).phase()).isEqualTo(StudentView.Phase.REMOVED);
        assertThatThrownBy(() -> session.answer(phone.participantId(), 2, new Answer.Chosen(truths.get(1))))
                .isInstanceOfSatisfying(SessionRefusal.class, r -> assertThat(r.reason()).isEqualTo(SessionRefusal.Reason.UNKNOWN_TOKEN));

        LiveSession.Joined laptop = session.join(session.code().digits(), "Ana");
        StudentView view = session.view(laptop.participantId());
        assertThat(view.last().orElseThrow().question().number()).isEqualTo(1);
        assertThat(LiveFixtures.await(() -> session.view(laptop.participantId()).phase() == StudentView.Phase.ANSWERING, WAIT)).isTrue();
        assertThat(session.view(laptop.participantId()).asked().orElseThrow().question().number()).isEqualTo(2);
    }

    @Test
    void aRestartedSessionTakesUpTheAnswersItsResultsFolderHolds() {
        start(practice, SessionMode.ROOM);
        LiveSession.Joined ana = session.join(session.code().digits(), "Ana");
        openNext(1);
        session.answer(ana.participantId(), 1, new Answer.Chosen(truths.get(0)));
        session.close();

        session = LiveFixtures.session(practice, sources, SessionMode.ROOM, dir.resolve("results"), dir.resolve("work2"));
        LiveSession.Joined again = session.join(session.code().digits(), "Ana");
        openNext(1);
        assertThat(session.view(again.participantId()).phase()).isEqualTo(StudentView.Phase.ANSWERED);
        assertThatThrownBy(() -> session.answer(again.participantId(), 1, new Answer.Chosen(wrong(truths.get(0)))))
                .isInstanceOfSatisfying(SessionRefusal.class, r -> assertThat(r.reason()).isEqualTo(SessionRefusal.Reason.ALREADY_ANSWERED));
        assertThat(session.projector().seats().get(0).answers()).isEqualTo(1);
    }

    @Test
    void theProjectorsHistogramOfAValueQuestionMarksTheBinOfTheTruth() {
        AnswerForm.Value pan = new AnswerForm.Value(dev.mixdojo.exercise.Quantity.PAN, -1, 1, Scale.LINEAR);
        Histogram histogram = Histogram.of(pan, new LiveQuestions.Truth("30% left", -0.3),
                List.of(new Answer.Valued(-0.35), new Answer.Valued(-0.25), new Answer.Valued(1.0), new Answer.Valued(-1)),
                List.of());
        assertThat(histogram.bars()).hasSize(10);
        assertThat(histogram.bars()).extracting(Histogram.Bar::count).containsExactly(1, 0, 0, 2, 0, 0, 0, 0, 0, 1);
        assertThat(histogram.bars().get(3)).extracting(Histogram.Bar::label, Histogram.Bar::truth)
                .containsExactly("30% left", true);
        AnswerForm.Value frequency = new AnswerForm.Value(dev.mixdojo.exercise.Quantity.FREQUENCY, 20, 20000, Scale.LOGARITHMIC);
        Histogram octaves = Histogram.of(frequency, new LiveQuestions.Truth("1 kHz", 1000),
                List.of(new Answer.Valued(1000), new Answer.Valued(2000)), List.of());
        // Ten bins over ten octaves from 20 Hz: 1 kHz lies 5.6 octaves up, in bin 5; 2 kHz in bin 6.
        assertThat(octaves.bars()).extracting(Histogram.Bar::count).containsExactly(0, 0, 0, 0, 0, 1, 1, 0, 0, 0);
        assertThat(octaves.bars().get(5).truth()).isTrue();
    }

    private String practiceFile(String name) {
        return new dev.mixdojo.classroom.ResultsWriter(practice).liveFileName(name);
    }
}
