package dev.mixdojo.ui.mixer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.grading.ScoreItem;
import dev.mixdojo.grading.Verdict;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.mix.ChallengeSetup;
import dev.mixdojo.mix.MixSessionWriter;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.ChallengeScores;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.Steps;
import dev.mixdojo.ui.Teaching;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mixer's logic without the toolkit: work runs inline, the engine is silent. */
class MixerViewModelTest {
    private static final Executor INLINE = Runnable::run;
    private final AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));

    @AfterEach
    void closeAudio() {
        audio.close();
    }

    private MixerViewModel loaded(boolean compare) {
        MixerViewModel model = new MixerViewModel(audio, INLINE, INLINE, (challenge, steps) -> MixerViewModel.Opened.of(SmallChallenge.setup(compare)));
        model.load(SmallChallenge.challenge(compare));
        return model;
    }

    private static TrackModel track(MixerViewModel model, String stem) {
        return model.tracks().stream().filter(t -> t.stem().equals(stem)).findFirst().orElseThrow();
    }

    @Test
    void aLoadedChallengeShowsEveryStemAtZeroDecibelsInTheCentre() {
        MixerViewModel model = loaded(true);
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.titleProperty().get()).isEqualTo("Balance kick, bass and vocal");
        assertThat(model.tracks()).extracting(TrackModel::stem).containsExactly("kick", "bass", "vocal");
        assertThat(model.tracks()).allSatisfy(t -> {
            assertThat(t.faderDbProperty().get()).isZero();
            assertThat(t.panProperty().get()).isZero();
        });
        assertThat(model.playedSession().tracks()).extracting(t -> t.faderDb().initial()).containsOnly(0.0);
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void theUntouchedStartFailsAndTheTargetBalancePasses() {
        MixerViewModel model = loaded(true);
        model.scoreMix();
        assertThat(model.scoreProperty().get()).isLessThan(80);
        ScoreItem worst = model.scoreItems().get(0);
        assertThat(worst.subject()).isEqualTo("bass");
        assertThat(worst.aspect()).isEqualTo("level");
        // Each channel shows its worst item: the bass is 6 dB too loud.
        assertThat(track(model, "bass").verdictProperty().get()).matches("level \\+\\d\\.\\d dB, (near|outside)");

        track(model, "kick").faderDbProperty().set(SmallChallenge.KICK_DB);
        assertThat(model.scoreProperty().get()).as("a change clears the score").isEqualTo(-1);
        assertThat(model.tracks()).allSatisfy(t -> assertThat(t.verdictProperty().get()).isEmpty());
        track(model, "bass").faderDbProperty().set(SmallChallenge.BASS_DB);
        track(model, "bass").panProperty().set(SmallChallenge.BASS_PAN);
        model.scoreMix();
        assertThat(model.scoreProperty().get()).isGreaterThanOrEqualTo(95);
        assertThat(model.scoreTextProperty().get()).startsWith("Score: ").contains("passed (80 needed)");
        assertThat(model.scoreItems()).filteredOn(i -> i.aspect().equals("level") || i.aspect().equals("pan"))
                .allSatisfy(i -> assertThat(i.verdict()).isEqualTo(Verdict.WITHIN));
    }

    @Test
    void eachChangeIsPostedToTheLiveEngineAtOnceAndNothingRendersOffline() {
        MixerViewModel model = loaded(true);
        track(model, "vocal").faderDbProperty().set(-2);
        track(model, "bass").panProperty().set(0.3);
        track(model, "kick").muteProperty().set(true);
        assertThat(model.playedSession().track("vocal").orElseThrow().faderDb().initial()).isEqualTo(-2);
        assertThat(model.playedSession().track("bass").orElseThrow().pan()).isEqualTo(0.3);
        assertThat(model.playedSession().track("kick").orElseThrow().mute()).isTrue();
        assertThat(model.busyProperty().get()).as("no render in the background").isFalse();
    }

    @Test
    void playingFillsTheChannelAndMasterMetersAndAFaderMoveChangesThem() throws InterruptedException {
        MixerViewModel model = loaded(true);
        model.togglePlay();
        assertThat(model.playingProperty().get()).isTrue();
        TrackModel vocal = track(model, "vocal");
        double before = settledPeak(model, vocal);
        // Noise at 0.05 RMS, centred (−3 dB a side): peaks around −15 dBFS.
        assertThat(before).isBetween(-30.0, -6.0);
        assertThat(model.masterLufsProperty().get()).isFinite();
        assertThat(model.positionSProperty().get()).isGreaterThan(0);
        vocal.faderDbProperty().set(-20);
        // The peak reading falls at 13.3 dB/s; after a second and a half it reads the new level, about 20 dB down.
        Thread.sleep(1500);
        model.refreshMeters();
        assertThat(vocal.peakDbProperty().get()).isCloseTo(before - 20, within(4.0));
        model.stop();
        assertThat(model.playingProperty().get()).isFalse();
    }

    /** The vocal's peak reading once the silent device has played half a second (it plays in real time). */
    private static double settledPeak(MixerViewModel model, TrackModel track) throws InterruptedException {
        Thread.sleep(500);
        model.refreshMeters();
        return track.peakDbProperty().get();
    }

    @Test
    void leavingTheMixerGivesTheEngineBackToTheOtherScreensSoundAndPlayingTakesItAgain() throws InterruptedException {
        MixerViewModel model = loaded(true);
        PlaybackEngine engine = audio.engine();
        engine.load(java.util.Map.of("drill", new dev.mixdojo.audio.AudioBuffer(new float[][] {new float[48_000]}, 48_000)));
        engine.play();
        Thread.sleep(200);
        assertThat(engine.positionSeconds()).as("the mix plays instead; the drill's transport stands still").isZero();
        model.leave();
        Thread.sleep(200);
        assertThat(engine.positionSeconds()).as("the drill's sound plays again").isGreaterThan(0);
        engine.stop();
        double drillAt = engine.positionSeconds();
        model.togglePlay();
        Thread.sleep(300);
        model.refreshMeters();
        assertThat(model.positionSProperty().get()).isGreaterThan(0);
        assertThat(engine.positionSeconds()).isEqualTo(drillAt);
        model.stop();
    }

    @Test
    void abSwitchesToTheTargetOnlyWhenTheChallengeAllowsIt() {
        MixerViewModel allowed = loaded(true);
        allowed.listeningToTargetProperty().set(true);
        assertThat(allowed.hearsTarget()).isTrue();
        allowed.listeningToTargetProperty().set(false);
        assertThat(allowed.hearsTarget()).isFalse();

        MixerViewModel blind = loaded(false);
        assertThat(blind.compareAllowedProperty().get()).isFalse();
        blind.listeningToTargetProperty().set(true);
        assertThat(blind.hearsTarget()).isFalse();
    }

    @Test
    void theEqCurveIsTheBandsResponseAndABandMovesWhereItIsDragged() {
        MixerViewModel model = loaded(true);
        TrackModel vocal = track(model, "vocal");
        int band = vocal.addPeakBand(1000);
        vocal.moveBand(band, 2000, 6);
        assertThat(vocal.eqCurveDb(2000, model.sampleRateHz())).isCloseTo(6, within(0.05));
        assertThat(vocal.eqCurveDb(100, model.sampleRateHz())).isCloseTo(0, within(0.1));
        assertThat(vocal.strip().eq()).hasSize(1);
        vocal.removeBand(band);
        assertThat(vocal.eqCurveDb(2000, model.sampleRateHz())).isZero();
    }

    @Test
    void theCompressorsMeterShowsGainReductionAtThePlayhead() throws InterruptedException {
        MixerViewModel model = loaded(true);
        TrackModel kick = track(model, "kick");
        kick.thresholdDbProperty().set(-40);
        kick.ratioProperty().set(8);
        kick.compressorOnProperty().set(true);
        model.togglePlay();
        // The kick's bursts peak around −10 dBFS, 30 dB over the threshold: 8:1 takes off about 26 dB at each hit
        // (every 0.5 s); the meter reads the largest reduction of the last block, so it is read at the hits.
        double largest = largestReading(model, kick);
        assertThat(largest).isGreaterThan(10);
        kick.compressorOnProperty().set(false);
        assertThat(largestReading(model, kick)).isZero();
        model.stop();
    }

    /** The largest gain reduction the meter shows over 0.6 s (more than one kick hit), read every 5 ms after the last change is heard. */
    private static double largestReading(MixerViewModel model, TrackModel track) throws InterruptedException {
        Thread.sleep(50);
        double largest = 0;
        for (int i = 0; i < 120; i++) {
            Thread.sleep(5);
            model.refreshMeters();
            largest = Math.max(largest, track.gainReductionDbProperty().get());
        }
        return largest;
    }

    @Test
    void theCurriculumsChallengeStaysLockedUntilItsLessonsAreMasteredAsHomeSays(@TempDir Path data) {
        List<MixChallenge> loads = new ArrayList<>();
        MixerViewModel model = new MixerViewModel(audio, INLINE, INLINE, (challenge, steps) -> {
            loads.add(challenge);
            return MixerViewModel.Opened.of(SmallChallenge.setup(true));
        });
        ProgressStore store = new ProgressStore(new Teaching(new UserDirectories(data, data), () -> Path.of("lessons")), Clock.systemUTC(),
                INLINE, INLINE);
        store.load();
        model.open(store.recordsProperty().get(), "");
        assertThat(model.messageProperty().get())
                .isEqualTo("“Mix challenge: balance a rock song” unlocks once you master Where is it panned?; "
                        + "Home shows the way there.");
        assertThat(loads).isEmpty();
        assertThat(model.loadedProperty().get()).isFalse();

        // Twenty right answers on the panning lesson's two drills master it.
        for (int i = 0; i < 20; i++) {
            store.add(new Attempt("p" + i, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i), "panning-positions",
                    "pan.position", 20, i, 0, 0, "%", "centre", "centre", true, 1, 2000));
        }
        model.open(store.recordsProperty().get(), "");
        assertThat(loads).extracting(MixChallenge::id).containsExactly("balance-drums-bass-vocal");
        assertThat(model.loadedProperty().get()).isTrue();
        model.open(store.recordsProperty().get(), "");
        assertThat(loads).as("opened once").hasSize(1);

        // Every shipped challenge is listed in curriculum order; an unlocked one opens, a locked one says why.
        assertThat(model.challenges()).extracting(MixerViewModel.ChallengeEntry::lessonId).containsExactly("mix-balance-rock",
                "mix-balance-funk", "mix-stereo-pop", "mix-cut-mud", "mix-kick-bass", "mix-vocal-sits", "mix-balance-ballad",
                "mix-low-end-hiphop", "mix-high-pass", "mix-compress-funk", "mix-reverb-depth", "mix-full-rock", "mix-vocal-ride");
        assertThat(model.challenges().get(0).unlocked()).isTrue();
        MixerViewModel.ChallengeEntry locked = model.challenges().stream().filter(c -> !c.unlocked()).findFirst().orElseThrow();
        assertThat(locked.toString()).endsWith("(locked)");
        model.openChallenge(locked.lessonId());
        assertThat(model.messageProperty().get()).contains("unlocks once you master");
        assertThat(model.loadedProperty().get()).isFalse();
        model.openChallenge("mix-balance-rock");
        assertThat(model.loadedProperty().get()).isTrue();

        // A score is kept in the progress log's records; the list shows the best and the pass, and the open
        // challenge stays open when the records change.
        List<Attempt> kept = new ArrayList<>();
        model.keepScoresWith((lessonId, challenge, points, workedMs) -> kept.add(ChallengeScores.attempt(lessonId, challenge.id(),
                points, challenge.passScore(), Instant.parse("2026-11-21T10:00:00Z"), workedMs)));
        model.scoreMix(); // the untouched start: below the pass
        assertThat(kept).singleElement().satisfies(a -> {
            assertThat(a.lessonId()).isEqualTo("mix-balance-rock");
            assertThat(a.drillId()).isEqualTo("balance-drums-bass-vocal");
            assertThat(a.answer()).isEqualTo(model.scoreProperty().get());
            assertThat(a.correct()).isFalse();
        });
        int untouched = model.scoreProperty().get();
        store.add(kept.get(0));
        model.progressChanged(store.recordsProperty().get(), "mix-balance-funk");
        assertThat(loads).as("the open challenge stays open").hasSize(2);
        String title = "Balance the drums, bass and vocal against the target";
        assertThat(model.challenges().get(0).toString()).isEqualTo(title + " — best " + untouched);
        track(model, "kick").faderDbProperty().set(SmallChallenge.KICK_DB);
        track(model, "bass").faderDbProperty().set(SmallChallenge.BASS_DB);
        track(model, "bass").panProperty().set(SmallChallenge.BASS_PAN);
        model.scoreMix();
        int balanced = model.scoreProperty().get();
        assertThat(kept.get(1).correct()).isTrue();
        store.add(kept.get(1));
        model.progressChanged(store.recordsProperty().get(), "");
        assertThat(model.challenges().get(0).toString()).isEqualTo(title + " — best " + balanced + ", passed ✓");
        assertThat(model.challenges().get(1).best()).as("another challenge was not scored").isEmpty();
    }

    @Test
    void theMixPlaysWithTheStemsThatAreReadyAndAStemHeldBackJoinsWhenItIsReady(@TempDir Path folder) throws Exception {
        CountDownLatch vocalReady = new CountDownLatch(1);
        // The challenge's goal is a session file, read ahead for the session the learner starts from.
        ChallengeSetup whole = SmallChallenge.setup(true);
        Path goal = Files.writeString(folder.resolve("target.yaml"), MixSessionWriter.write(whole.targetSession().orElseThrow()));
        MixChallenge small = whole.challenge();
        MixChallenge challenge = new MixChallenge(small.id(), small.title(), small.brief(), small.material(), goal, small.scored(),
                true, small.passScore(), small.start(), small.scoredUntilS(), small.location());
        ChallengeSetup setup = new ChallengeSetup(challenge, whole.stems(), whole.start(), whole.targetSession(), whole.targetBounce());
        MixerViewModel.ChallengeOpener holdingTheVocalBack = new MixerViewModel.ChallengeOpener() {
            @Override
            public MixerViewModel.Opened open(MixChallenge challenge, Steps steps) {
                throw new AssertionError("the view model asks for the stems as they are ready");
            }

            @Override
            public MixerViewModel.Opened open(MixChallenge challenge, Steps steps, BiConsumer<String, AudioBuffer> ready) {
                ready.accept("kick", setup.stems().get("kick").copy()); // copies, as a render hands them over
                ready.accept("bass", setup.stems().get("bass").copy());
                try {
                    vocalReady.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                ready.accept("vocal", setup.stems().get("vocal"));
                return MixerViewModel.Opened.of(setup);
            }
        };
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            MixerViewModel model = new MixerViewModel(audio, worker, ui::add, holdingTheVocalBack);
            model.load(challenge);
            runUntil(ui, () -> model.playableProperty().get() && !track(model, "bass").pendingProperty().get());
            assertThat(model.loadedProperty().get()).as("the challenge is not whole yet: no score, no A/B").isFalse();
            assertThat(model.tracks()).extracting(TrackModel::stem).containsExactly("kick", "bass", "vocal");
            assertThat(model.tracks()).extracting(t -> t.pendingProperty().get()).containsExactly(false, false, true);
            model.togglePlay();
            track(model, "kick").faderDbProperty().set(-3);  // mixing already
            Thread.sleep(500);
            model.refreshMeters();
            assertThat(track(model, "bass").peakDbProperty().get()).as("a ready stem plays").isGreaterThan(-40);
            assertThat(track(model, "vocal").peakDbProperty().get()).as("the held-back stem is silent")
                    .isEqualTo(Double.NEGATIVE_INFINITY);

            vocalReady.countDown();
            runUntil(ui, () -> model.loadedProperty().get());
            assertThat(model.tracks()).extracting(t -> t.pendingProperty().get()).containsOnly(false);
            assertThat(model.playingProperty().get()).as("it plays on as the vocal joins").isTrue();
            Thread.sleep(500);
            model.refreshMeters();
            assertThat(track(model, "vocal").peakDbProperty().get()).as("the vocal joined").isGreaterThan(-40);
            assertThat(model.playedSession().track("kick").orElseThrow().faderDb().initial())
                    .as("the move made before it was whole is kept").isEqualTo(-3);
            model.stop();
            model.scoreMix();
            runUntil(ui, () -> model.scoreProperty().get() >= 0);
        } finally {
            worker.shutdownNow();
        }
    }

    /** Runs what the view model hands to the UI thread until {@code done} holds (60 s at most). */
    private static void runUntil(BlockingQueue<Runnable> ui, java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            Runnable next = ui.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
            assertThat(System.nanoTime()).as("waited too long").isLessThan(until);
        }
    }

    @Test
    void loadingReportsItsStepsAndACancelledLoadIsDropped() {
        List<Runnable> queued = new ArrayList<>();
        MixerViewModel model = new MixerViewModel(audio, queued::add, INLINE, (challenge, steps) -> {
            steps.reached(0.3, "Loading the stems of small (rendered once, then cached): 50 %");
            return MixerViewModel.Opened.of(SmallChallenge.setup(true));
        });
        List<String> seen = new ArrayList<>();
        model.stepProperty().addListener((obs, was, now) -> seen.add(now));
        model.load(SmallChallenge.challenge(true));
        assertThat(model.stepProperty().get()).isEqualTo("Loading the stems");
        model.cancel();
        assertThat(model.messageProperty().get()).startsWith("Stopped loading the stems;");
        queued.remove(0).run();
        assertThat(model.loadedProperty().get()).as("the cancelled load is not shown").isFalse();

        model.load(SmallChallenge.challenge(true));
        queued.remove(0).run();
        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(seen).contains("Loading the stems of small (rendered once, then cached): 50 %");
        assertThat(model.stepProperty().get()).isEmpty();
    }

    @Test
    void aChallengeThatCannotLoadShowsItsSentence() {
        MixerViewModel model = new MixerViewModel(audio, INLINE, INLINE, (challenge, steps) -> {
            throw new BadInputException("lessons/sessions/x.yaml: no such file.");
        });
        model.load(SmallChallenge.challenge(true));
        assertThat(model.loadedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("lessons/sessions/x.yaml: no such file.");
    }
}
