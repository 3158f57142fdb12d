package dev.mixdojo.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.lesson.Lesson;
import dev.mixdojo.lesson.LessonLibrary;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.AttemptLog;
import dev.mixdojo.progress.DailyGoal;
import dev.mixdojo.ui.LearnerFixtures;
import dev.mixdojo.ui.Navigation;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.Teaching;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Home's logic over the real curriculum, without the toolkit: work runs inline. */
class HomeViewModelTest {
    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path data;

    private final Navigation navigation = new Navigation();
    /** The afternoon of the day the fixtures' answers were given. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T16:00:00Z"), ZoneOffset.UTC);
    private final ObjectProperty<DailyGoal> goal = new SimpleObjectProperty<>(DailyGoal.DEFAULT);
    private final List<String> shown = new ArrayList<>();

    private HomeViewModel model(Path lessons) {
        navigation.attach(HomeViewModel.LESSON_SCREEN::equals, shown::add);
        ProgressStore store = new ProgressStore(new Teaching(new UserDirectories(data, data), () -> lessons), clock, INLINE, INLINE);
        HomeViewModel model = new HomeViewModel(store, navigation, goal);
        model.refresh();
        return model;
    }

    @Test
    void aNewLearnerSeesEveryLessonInCurriculumOrderAndOnlyThoseWithoutPrerequisitesOpen() {
        HomeViewModel model = model(Path.of("lessons"));
        LessonLibrary library = new Teaching(new UserDirectories(data, data), () -> Path.of("lessons")).lessons();
        assertThat(model.lessons()).extracting(HomeViewModel.LessonItem::id)
                .containsExactlyElementsOf(library.lessons().stream().map(Lesson::id).toList());
        assertThat(model.lessons().get(0).unit()).isEqualTo("EQ");
        assertThat(model.lessons()).filteredOn(HomeViewModel.LessonItem::unlocked).extracting(HomeViewModel.LessonItem::id)
                .containsExactlyElementsOf(library.lessons().stream().filter(l -> l.requires().isEmpty()).map(Lesson::id).toList());
        HomeViewModel.LessonItem cuts = item(model, "eq-cuts");
        assertThat(cuts.unlocked()).isFalse();
        assertThat(cuts.detail()).isEqualTo("Locked: master Hearing octave boosts on pink noise first");
        assertThat(item(model, "eq-octave-boosts-noise").detail()).isEqualTo("Not started · 10 questions a round");
        assertThat(item(model, "mix-balance-rock").detail()).startsWith("Locked: master ");
        assertThat(model.continueTextProperty().get())
                .isEqualTo("Continue: Hearing octave boosts on pink noise (0 % to mastery)");
        assertThat(model.statusProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void answersInTheLogShowAsProgressAndUnlockTheNextLessons() {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(LearnerFixtures.octave("a" + i, "eq-octave-boosts-noise", "1 kHz", 5.6, i < 9 ? "1 kHz" : "2 kHz",
                    i < 9 ? 5.6 : 6.6, i));
        }
        AttemptLog.inDataDirectory(data).appendAll(attempts);
        HomeViewModel model = model(Path.of("lessons"));
        // Nine right from 12 dB bring the level to 6 dB, the tenth (wrong) back to 8: past the 8.5 dB of mastery.
        assertThat(item(model, "eq-octave-boosts-noise").detail()).isEqualTo("Mastered · 10 answered · 90 % right");
        assertThat(item(model, "eq-cuts").unlocked()).isTrue();
        assertThat(model.suggestions()).first().satisfies(s -> assertThat(s.title())
                .isEqualTo("Hearing octave boosts on pink noise — Which octave was boosted?"));
        model.continueLesson();
        assertThat(shown).containsExactly(HomeViewModel.LESSON_SCREEN);
        assertThat(navigation.argumentFor(HomeViewModel.LESSON_SCREEN)).hasValue("eq-cuts");
    }

    @Test
    void aRoundSavedWhileTheAppRunsShowsOnHomeWithItsUnlockAtOnce() {
        HomeViewModel model = model(Path.of("lessons"));
        for (int i = 0; i < 10; i++) {
            model.store().add(LearnerFixtures.octave("a" + i, "eq-octave-boosts-noise", "1 kHz", 5.6, "1 kHz", 5.6, i));
        }
        model.refresh();
        assertThat(item(model, "eq-octave-boosts-noise").detail()).isEqualTo("Mastered · 10 answered · 100 % right");
        assertThat(item(model, "eq-octave-boosts-noise").fractionDone()).isEqualTo(1.0);
        assertThat(item(model, "eq-cuts").unlocked()).isTrue();
        // Hearing cuts drills boost-or-cut and the octave of a cut: the octave skill's level (6 dB) is already past
        // its mastery level, which is half of that drill's way; nothing is answered there yet.
        assertThat(model.continueTextProperty().get()).isEqualTo("Continue: Hearing cuts (25 % to mastery)");
    }

    @Test
    void homeCountsTodayAgainstTheGoalTheStreakAndTheWeekFromTheLog() {
        HomeViewModel model = model(Path.of("lessons"));
        assertThat(model.todayProperty().get()).isEqualTo("Today: 0 of 20 questions · 0 min practised");
        assertThat(model.streakProperty().get()).isEqualTo("Meet your daily goal to start a streak; one missed day is forgiven.");
        assertThat(model.weekProperty().get()).isEqualTo("This week: no practice yet.");
        for (int i = 0; i < 20; i++) {
            model.store().add(LearnerFixtures.octave("a" + i, "eq-octave-boosts-noise", "1 kHz", 5.6, "1 kHz", 5.6, i));
        }
        model.refresh();
        // Twenty answers a minute apart: the first counts its 2.5 s of listening, each next one the minute before it.
        assertThat(model.todayProperty().get()).isEqualTo("Today: 20 of 20 questions · 19 min practised — goal met");
        assertThat(model.todayShareProperty().get()).isEqualTo(1.0);
        assertThat(model.streakProperty().get()).isEqualTo("Streak: 1 day");
        assertThat(model.weekProperty().get())
                .isEqualTo("This week: 1 of 7 days practised · 20 questions · 19 min · 100 % right · goal met on 1 day");
        assertThat(model.weekDaysProperty().get()).hasSize(7);
        goal.set(new DailyGoal(30, DailyGoal.Unit.MINUTES));
        model.refresh();
        assertThat(model.todayProperty().get()).isEqualTo("Today: 19 of 30 minutes · 20 questions");
    }

    @Test
    void withoutALessonScreenOpeningALessonSaysSoInsteadOfDoingNothing() {
        HomeViewModel model = model(Path.of("lessons"));
        navigation.attach(id -> false, shown::add);
        model.open("eq-octave-boosts-noise");
        assertThat(shown).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Lessons open on the lesson screen, which this build does not have yet.");
    }

    @Test
    void aMissingLessonFolderGivesOneSentence() {
        Path missing = data.resolve("no-lessons");
        HomeViewModel model = model(missing);
        assertThat(model.lessons()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo(missing + ": is not a folder of lessons.");
    }

    private static HomeViewModel.LessonItem item(HomeViewModel model, String id) {
        return model.lessons().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }
}
