package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.base.Warnings;
import dev.mixdojo.lesson.DrillSpec;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.AttemptLog;
import dev.mixdojo.progress.StaircaseSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drill practised against a real log: the staircase moves, attempts are written, a reopened log resumes. */
class PracticeTest extends WithMaterial {
    /** 3-down/1-up on the boost size: start 12 dB, 1 dB steps, 2 dB until the second reversal. */
    private static final StaircaseSettings BOOST = StaircaseSettings.linear(12, 15, 1, 1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private final AtomicLong seeds = new AtomicLong(100);

    private Practice open() {
        DrillSpec drill = Drills.drill("eq-band", "noise/pink", "{excerptS: 2}", BOOST);
        return Practice.open("eq-octave-boosts-noise", drill, new QuestionKinds().kind("eq-band").orElseThrow(), audio,
                AttemptLog.inDataDirectory(data), CLOCK, seeds::incrementAndGet, new Warnings());
    }

    private static Answer right(Question question) {
        return new Answer.Chosen(question.key().truthLabel());
    }

    private static Answer wrong(Question question) {
        return ((AnswerForm.Choice) question.form()).options().stream()
                .filter(o -> !o.label().equals(question.key().truthLabel()))
                .map(o -> (Answer) new Answer.Chosen(o.label()))
                .findFirst().orElseThrow();
    }

    @Test
    void theBandALearnerKeepsMissingComesUpMoreOftenThanTheOthers() {
        List<Attempt> history = new ArrayList<>();
        for (String band : List.of("63 Hz", "125 Hz", "250 Hz", "500 Hz", "1 kHz", "2 kHz", "4 kHz", "8 kHz")) {
            for (int i = 0; i < 20; i++) {
                boolean right = !band.equals("1 kHz");
                history.add(new Attempt(band + i, Instant.EPOCH, "eq-octave-boosts-noise", "eq.frequency", 12, 0, 0, 0,
                        "oct", band, right ? band : "2 kHz", right, right ? 1 : 0, 1000));
            }
        }
        AttemptLog.inDataDirectory(data).appendAll(history);
        Practice practice = open();
        long oneKilohertz = IntStream.range(0, 40).mapToObj(i -> practice.nextQuestion())
                .filter(question -> question.key().truthLabel().equals("1 kHz")).count();
        // Uniform choice among 8 octave bands would give 5 of 40; the weights (half uniform, half by
        // error rate: 21/22 against 1/22 for each other band) give about 17.
        assertThat(oneKilohertz).isGreaterThanOrEqualTo(10);
    }

    @Test
    void threeRightAnswersMakeTheBoostSmallerByTheInitialStepAndAWrongOneMakesItLargerAgain() {
        Practice practice = open();
        assertThat(practice.level()).isEqualTo(12);
        for (int i = 0; i < 3; i++) {
            Question question = practice.nextQuestion();
            assertThat(question.level()).isEqualTo(12);
            practice.answer(question, right(question), 2000);
        }
        // Until the second reversal a move is twice the step: 12 − 2 = 10 dB.
        assertThat(practice.level()).isEqualTo(10);
        Question question = practice.nextQuestion();
        assertThat(question.level()).isEqualTo(10);
        practice.answer(question, wrong(question), 2000);
        assertThat(practice.level()).isEqualTo(12);
        assertThat(practice.session().answered()).isEqualTo(4);
        assertThat(practice.session().accuracy()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void eachAnswerIsAppendedWithTheGradedErrorInOctaves() {
        Practice practice = open();
        Question question = practice.nextQuestion();
        Practice.Graded graded = practice.answer(question, wrong(question), 3456);

        List<Attempt> logged = AttemptLog.inDataDirectory(data).readAll(new Warnings());
        assertThat(logged).containsExactly(graded.attempt());
        Attempt attempt = logged.get(0);
        assertThat(attempt.skill()).isEqualTo("eq.frequency");
        assertThat(attempt.lessonId()).isEqualTo("eq-octave-boosts-noise");
        assertThat(attempt.at()).isEqualTo(CLOCK.instant());
        assertThat(attempt.seed()).isEqualTo(question.seed());
        assertThat(attempt.level()).isEqualTo(12);
        assertThat(attempt.correct()).isFalse();
        assertThat(attempt.responseTimeMs()).isEqualTo(3456);
        assertThat(attempt.unit()).isEqualTo("oct");
        // Truth on the log's scale is octaves above 20 Hz, so answer − truth is the graded error in octaves.
        assertThat(attempt.truth()).isCloseTo(Math.log(question.key().truth() / 20) / Math.log(2), within(1e-9));
        assertThat(attempt.signedError()).isCloseTo(graded.grade().error(), within(1e-9));
        assertThat(attempt.truthLabel()).isEqualTo(question.key().truthLabel());
        assertThat(attempt.answerLabel()).isEqualTo(((Answer.Chosen) graded.answer()).label());
    }

    @Test
    void aReopenedLogRebuildsTheSameStaircase() {
        Practice first = open();
        boolean[] answers = {true, true, true, true, true, true, false, true};
        for (boolean correct : answers) {
            Question question = first.nextQuestion();
            first.answer(question, correct ? right(question) : wrong(question), 1500);
        }
        Practice reopened = open();
        assertThat(reopened.staircase()).isEqualTo(first.staircase());
        // Six right answers are two moves down (12 → 10 → 8), the wrong one a move up (→ 10): the first reversal.
        assertThat(reopened.level()).isEqualTo(10);
        assertThat(reopened.staircase().reversalLevels()).containsExactly(8.0);
        assertThat(reopened.session().answered()).isZero();
    }

    @Test
    void thePreparedQuestionIsUsedWhenTheAnswerLeadsToItsLevel() throws Exception {
        Practice practice = open();
        Question first = practice.nextQuestion();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            practice.prepareNext(worker);
            long preparedSeed = seeds.get();
            // The second preparation is queued when the first ends; two empty jobs in a row wait for both.
            worker.submit(() -> { }).get();
            worker.submit(() -> { }).get();
            practice.answer(first, wrong(first), 1000);
            Question next = practice.nextQuestion();
            // A wrong answer at the start moves one initial step easier: 12 + 2 = 14 dB.
            assertThat(next.level()).isEqualTo(14).isEqualTo(practice.level());
            assertThat(next.seed()).isEqualTo(preparedSeed);
            assertThat(next.seed()).isNotEqualTo(first.seed());
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void aTurnOnTheOnlyWorkerDoesNotWaitForPreparationsQueuedBehindIt() throws Exception {
        Practice practice = open();
        Question first = practice.nextQuestion();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            // The next turn is queued on the same one thread before the preparations can run.
            CountDownLatch hold = new CountDownLatch(1);
            worker.execute(() -> awaitQuietly(hold));
            practice.prepareNext(worker);
            // A wrong answer needs the second preparation, which is queued only after this turn.
            practice.answer(first, wrong(first), 1000);
            Future<Question> next = worker.submit(practice::nextQuestion);
            hold.countDown();
            assertThat(next.get(60, TimeUnit.SECONDS).level()).isEqualTo(14);
        } finally {
            worker.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
