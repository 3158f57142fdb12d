package dev.mixdojo.ui.mixer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.ui.Steps;
import dev.mixdojo.ui.Teaching;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mixer's challenge opened once is kept: opening it again, or reading its lesson again, loads nothing. */
class ChallengeStemsTest {
    @TempDir
    Path data;
    @TempDir
    Path cache;

    @Test
    void aChallengeOpenedAgainIsTheOneOpenedBeforeAndIsNotPreparedAgain() {
        Teaching teaching = new Teaching(new UserDirectories(data, cache), () -> Path.of("lessons"));
        MixChallenge challenge = teaching.lessons().lessons().stream().flatMap(l -> l.challenges().stream()).findFirst()
                .orElseThrow();
        List<Runnable> queued = new ArrayList<>();
        new ChallengeStems(teaching).prepare(challenge, queued::add);
        assertThat(queued).as("a new opener prepares the challenge of the lesson being read").hasSize(1);

        ChallengeStems stems = new ChallengeStems(teaching);
        List<Double> steps = new ArrayList<>();
        Steps counting = (fraction, what) -> steps.add(fraction);
        MixerViewModel.Opened first = stems.open(challenge, counting);
        assertThat(steps).as("the first opening loads").isNotEmpty();
        steps.clear();
        assertThat(stems.open(challenge, counting)).isSameAs(first);
        assertThat(steps).as("opened again: nothing to load").isEmpty();
        queued.clear();
        stems.prepare(challenge, queued::add);
        assertThat(queued).as("the one opened last is not prepared again").isEmpty();
        teaching.finishWrites(Duration.ofSeconds(60));  // before the cache folder is deleted
    }
}
