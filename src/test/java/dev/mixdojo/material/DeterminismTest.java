package dev.mixdojo.material;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Same file and seed give the same bits; another seed gives another performance. */
class DeterminismTest {
    private static Song song(String name) throws IOException {
        Path file = Path.of("audio-exercises", name + ".yaml");
        return (Song) SongFile.parse(file, Files.readAllBytes(file));
    }

    private static boolean identical(AudioBuffer a, AudioBuffer b) {
        if (a.channelCount() != b.channelCount()) {
            return false;
        }
        for (int c = 0; c < a.channelCount(); c++) {
            if (!Arrays.equals(a.channel(c), b.channel(c))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void renderingTwiceGivesBitIdenticalStemsAndMix() throws IOException {
        Song song = song("house-warehouse");
        Multitrack first = Generator.render(song, 1);
        Multitrack second = Generator.render(song, 1);
        assertThat(first.stems()).hasSameSizeAs(second.stems());
        for (int s = 0; s < first.stems().size(); s++) {
            assertThat(identical(first.stems().get(s).audio(), second.stems().get(s).audio()))
                    .as(first.stems().get(s).name()).isTrue();
        }
        assertThat(identical(first.mix(), second.mix())).isTrue();
    }

    @Test
    void anotherSeedChangesTheTuneAndTheFeelButNotTheLength() throws IOException {
        Song song = song("ambient-glacier");
        Multitrack one = Generator.render(song, 1);
        Multitrack two = Generator.render(song, 2);
        assertThat(two.mix().frames()).isEqualTo(one.mix().frames());
        assertThat(identical(one.stem("vocal").audio(), two.stem("vocal").audio())).isFalse();
        assertThat(identical(one.stem("keys").audio(), two.stem("keys").audio())).isFalse();
        assertThat(Arranger.arrange(song, 1).get("vocal")).isNotEqualTo(Arranger.arrange(song, 2).get("vocal"));
    }
}
