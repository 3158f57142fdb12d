package dev.mixdojo.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.material.Multitrack;
import dev.mixdojo.material.Stem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimator on music from the material generator: its rough mix is the stems at their default gains and pans, peak-normalised. */
class GeneratedSongEstimationTest {
    @TempDir
    Path work;

    @Test
    void aGeneratedSongsRoughMixGivesBackTheStemBalanceAndPans() {
        MaterialLibrary library = new MaterialLibrary(MaterialLibrary.locateBuiltIns(), work.resolve("imported"), work.resolve("cache"));
        Multitrack song = library.render("ambient-glacier", Optional.of(1L));
        List<StemAudio> stems = new ArrayList<>();
        for (Stem s : song.stems()) {
            stems.add(new StemAudio(s.name(), s.audio()));
        }
        MixEstimate estimate = StemEstimator.estimate(stems, song.mix());
        // Peak normalisation moves every stem by the same amount: compare each stem with the first.
        double offsetDb = estimate.stems().get(0).gainDb() - song.stems().get(0).gainDb();
        for (int i = 0; i < stems.size(); i++) {
            Stem truth = song.stems().get(i);
            StemEstimate found = estimate.stems().get(i);
            assertThat(found.gainDb() - offsetDb).as(truth.name()).isCloseTo(truth.gainDb(), within(0.3));
            assertThat(found.pan()).as(truth.name()).isCloseTo(truth.pan(), within(0.05));
        }
        assertThat(estimate.mixOffsetFrames()).isZero();
        assertThat(estimate.residualDb()).isLessThan(-60);
    }
}
