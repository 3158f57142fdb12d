package dev.mixdojo.ui;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.Lazily;
import dev.mixdojo.exercise.PracticePlan;
import dev.mixdojo.ui.analyze.AnalyzeView;
import dev.mixdojo.ui.analyze.AnalyzeViewModel;
import dev.mixdojo.ui.drill.DrillMode;
import dev.mixdojo.ui.drill.DrillPaneModel;
import dev.mixdojo.ui.drill.DrillPreparation;
import dev.mixdojo.ui.drill.DrillScreen;
import dev.mixdojo.ui.drill.DrillScreenModel;
import dev.mixdojo.ui.drill.OwnMusicModel;
import dev.mixdojo.ui.exam.ExamView;
import dev.mixdojo.ui.home.HomeView;
import dev.mixdojo.ui.home.HomeViewModel;
import dev.mixdojo.ui.homework.HomeworkView;
import dev.mixdojo.ui.homework.HomeworkViewModel;
import dev.mixdojo.ui.lesson.LessonView;
import dev.mixdojo.ui.lesson.LessonViewModel;
import dev.mixdojo.ui.listen.ListenView;
import dev.mixdojo.ui.listen.ListenViewModel;
import dev.mixdojo.ui.mixer.ChallengeStems;
import dev.mixdojo.ui.mixer.MixerView;
import dev.mixdojo.ui.progress.ProgressView;
import dev.mixdojo.ui.progress.ProgressViewModel;
import dev.mixdojo.ui.projector.ProjectorView;
import dev.mixdojo.ui.settings.SettingsView;
import dev.mixdojo.ui.settings.SettingsViewModel;
import dev.mixdojo.ui.teacher.TeacherView;
import dev.mixdojo.ui.teacher.TeacherViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.Observable;

/**
 * The screens the app shows, in navigation order (Ctrl+1 to Ctrl+9 open the first nine, Ctrl+Shift
 * and a letter the teacher's three): the learner's daily screens first, the teacher's last.
 */
public final class Screens {
    /** How long after the learner's records are read the work ahead starts, in ms. */
    static final long AHEAD_DELAY_MS = 1500;

    private Screens() {
    }

    /** The navigation entries of this build; views are built when first shown. */
    public static List<Screen> available(AppServices services) {
        String lessonsId = HomeViewModel.LESSON_SCREEN; // Home opens a lesson by id: the argument names it
        // The lesson and practice screens share one practice model, made when the first of them opens:
        // the window appears without loading the drill engine.
        Navigation navigation = services.navigation();
        ProgressStore progress = services.progress();
        LongSupplier seeds = () -> ThreadLocalRandom.current().nextLong(1, 1L << 40);
        // What the learner will most likely open next is opened ahead once the records are read (and
        // again as they change): the first drill of the lesson to continue with, and the Mixer's
        // challenge once its lesson is unlocked; a moment later, so as not to slow the window down.
        DrillPreparation preparation = new DrillPreparation(progress.teaching(), progress.clock(), seeds);
        ChallengeStems stems = new ChallengeStems(progress.teaching());
        Executor ahead = CompletableFuture.delayedExecutor(AHEAD_DELAY_MS, TimeUnit.MILLISECONDS, services.background());
        progress.recordsProperty().addListener((obs, old, records) -> {
            if (records != null) {
                preparation.prepareAhead(records, ahead);
                stems.prepareAhead(records, ahead);
            }
        });
        Supplier<DrillScreenModel> practice = Lazily.once(() -> {
            DrillPaneModel pane = new DrillPaneModel(services.audio(), DrillMode.PRACTICE);
            pane.setLevelRove(services.settings().levelRoveDbProperty()::get);
            return new DrillScreenModel(progress, preparation, pane, services.background(), Platform::runLater, seeds,
                    lessonId -> navigation.open(lessonsId, lessonId));
        });
        List<Screen> screens = new ArrayList<>();
        screens.add(new Screen("home", "Home", "Ctrl+1", () -> new HomeView(new HomeViewModel(progress, navigation,
                services.settings().dailyGoalProperty()))));
        screens.add(new Screen(lessonsId, "Lessons", "Ctrl+2", () -> {
            LessonViewModel lessons = new LessonViewModel(progress, services.audio(), services.background(),
                    Platform::runLater, (lessonId, drillId) -> {
                        practice.get().start(lessonId, drillId);
                        navigation.open("practice", "");
                    }, lessonId -> navigation.open(MixerView.SCREEN, lessonId),
                    () -> navigation.open("practice", DrillScreen.OWN_MUSIC));
            // The first drill of the lesson being read, or its mix challenge once unlocked, is opened while the learner reads it.
            lessons.selectedProperty().addListener((obs, was, lesson) -> progress.now().ifPresent(records -> {
                if (lesson != null) {
                    preparation.prepareFirstDrillOf(records, lesson, ahead);
                    records.lesson(lesson.id()).filter(PracticePlan.LessonProgress::unlocked)
                            .flatMap(p -> lesson.challenges().stream().findFirst())
                            .ifPresent(challenge -> stems.prepare(challenge, ahead));
                }
            }));
            navigation.argumentFor(lessonsId).ifPresent(lessons::open);
            // Invalidation, not change: Home opening the same lesson again is an equal request, which a change listener misses.
            navigation.lastRequestProperty().addListener((Observable request) -> navigation.argumentFor(lessonsId)
                    .ifPresent(lessons::open));
            return new LessonView(lessons);
        }));
        screens.add(new Screen("practice", "Practice", "Ctrl+3", () -> {
            DrillScreen screen = new DrillScreen(practice.get(), services.background(),
                    new OwnMusicModel(progress.teaching()::materials, progress, services.background(), Platform::runLater,
                            (lessonId, drillId, song) -> practice.get().startOnOwnMusic(lessonId, drillId, song)));
            Runnable ownMusicAsked = () -> navigation.argumentFor("practice").filter(DrillScreen.OWN_MUSIC::equals)
                    .ifPresent(asked -> screen.showOwnMusic());
            ownMusicAsked.run();
            // Invalidation again: the same request twice must open the panel twice.
            navigation.lastRequestProperty().addListener((Observable request) -> ownMusicAsked.run());
            return screen;
        }));
        screens.add(new Screen(MixerView.SCREEN, "Mixer", "Ctrl+4", () -> MixerView.forApp(services, stems).scrolling()));
        screens.add(new Screen("homework", "Homework", "Ctrl+5", () -> new HomeworkView(
                new HomeworkViewModel(services.background(), Platform::runLater))));
        screens.add(new Screen("progress", "Progress", "Ctrl+6", () -> new ProgressView(new ProgressViewModel(progress,
                progress.clock().getZone()))));
        screens.add(new Screen("analyze", "Analyze", "Ctrl+7", () -> new AnalyzeView(
                new AnalyzeViewModel(services.background(), Platform::runLater), navigation)));
        screens.add(new Screen("listen", "Listen", "Ctrl+8", () -> new ListenView(new ListenViewModel(services.audio(),
                services.background(), Platform::runLater))));
        screens.add(new Screen("settings", "Settings", "Ctrl+9", () -> new SettingsView(new SettingsViewModel(services.audio(),
                PlaybackEngine.devices(), services.settings(), Shortcuts.of(List.copyOf(screens))))));
        screens.add(new Screen("exam", "Assignment", "Ctrl+Shift+A", () -> ExamView.forApp(services)));
        screens.add(new Screen("teacher", "Gradebook", "Ctrl+Shift+G", () -> new TeacherView(new TeacherViewModel(services.background(),
                Platform::runLater), services.directories().cache().resolve("example-class"))));
        screens.add(new Screen("projector", "Projector", "Ctrl+Shift+P", () -> ProjectorView.forApp(services)));
        return List.copyOf(screens);
    }
}
