package dev.mixdojo.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainReader;
import dev.mixdojo.lesson.Demo;
import dev.mixdojo.lesson.MaterialRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A demonstration is as honest as a drill: versions loudness-matched to the first, true peak ≤ −1 dBTP. */
class DemoAudioTest {
    @TempDir
    Path cache;

    private static ChainDescription chain(String yaml) {
        return ChainReader.parse(yaml);
    }

    @Test
    void boostAndCutAreMatchedToTheFlatVersionAndStayBelowMinusOneDbtp() {
        Demo demo = new Demo("Boost and cut at 500 Hz", MaterialRef.parse("noise/pink").orElseThrow(), List.of(
                new Demo.Version("Flat", chain("[]")),
                new Demo.Version("+12 dB at 500 Hz", chain("[{eq: {type: peak, frequencyHz: 500, gainDb: 12, q: 1.4}}]")),
                new Demo.Version("-12 dB at 500 Hz", chain("[{eq: {type: peak, frequencyHz: 500, gainDb: -12, q: 1.4}}]"))));
        Map<String, AudioBuffer> versions = DemoAudio.render(demo, Drills.audio(cache), 3);

        assertThat(versions.keySet()).containsExactly("Flat", "+12 dB at 500 Hz", "-12 dB at 500 Hz");
        double flatLufs = AbRenderer.measure(versions.get("Flat"), false).integratedLufs();
        for (AudioBuffer version : versions.values()) {
            var loudness = AbRenderer.measure(version, true);
            assertThat(Math.abs(loudness.integratedLufs() - flatLufs)).isLessThanOrEqualTo(0.1);
            assertThat(loudness.truePeakDbtp()).isLessThanOrEqualTo(AbRenderer.TRUE_PEAK_CEILING_DBTP + 1e-6);
            assertThat(version.durationS()).isEqualTo(DemoAudio.EXCERPT_S);
        }
    }
}
