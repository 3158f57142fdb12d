package dev.mixdojo.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Files that are not stems, found by name and by being the sum of the others, on a known five-stem mix. */
class StemSetTest {
    static List<KnownMix.Strip> strips;
    static List<StemAudio> stems;
    static AudioBuffer mix;

    @BeforeAll
    static void fiveStemsAndTheirMix() {
        strips = KnownMix.fiveStrips();
        stems = KnownMix.stems(strips, 6, 11);
        // Gains, pans and EQ, bounced 300 samples late: a rough mix as a DAW writes it.
        mix = KnownMix.mix(strips, stems, 300);
    }

    @Test
    void realStemsAreAllKept() {
        StemSet set = StemSet.of(stems);
        assertThat(set.stems()).containsExactlyElementsOf(stems);
        assertThat(set.setAside()).isEmpty();
        assertThat(set.setAsideSentence()).isEmpty();
    }

    @Test
    void aRoughMixIsSetAsideByItsNameAndBeingTheSumOfTheStems() {
        StemSet set = StemSet.of(with(new StemAudio("rough_mix", mix)));
        assertThat(set.stems()).containsExactlyElementsOf(stems);
        assertThat(set.setAside()).extracting(StemSet.SetAside::name).containsExactly("rough_mix");
        assertThat(set.setAsideSentence()).startsWith("Left out as not a stem: rough_mix (a rough mix or master by its name");
    }

    @Test
    void anUnnamedMixIsSetAsideForBeingTheSumOfTheStems() {
        // Bounced in step with the stems: a file of unknown name is aligned only when it is half explained as it lies.
        StemSet set = StemSet.of(with(new StemAudio("Audio 7", KnownMix.mix(strips, stems, 0))));
        assertThat(set.stems()).containsExactlyElementsOf(stems);
        assertThat(set.setAside()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Audio 7");
            assertThat(a.reason()).startsWith("the sum of the other files");
        });
    }

    @Test
    void aClickIsSetAsideByItsName() {
        StemSet set = StemSet.of(with(new StemAudio("click", stems.get(1).audio())));
        assertThat(set.stems()).containsExactlyElementsOf(stems);
        assertThat(set.setAside()).extracting(StemSet.SetAside::name).containsExactly("click");
    }

    private static List<StemAudio> with(StemAudio extra) {
        List<StemAudio> files = new ArrayList<>(stems);
        files.add(2, extra);
        return files;
    }
}
