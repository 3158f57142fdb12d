package dev.mixdojo.dsp.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.dsp.time.DelaySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainReaderTest {
    /** The example chain of DESIGN.md, verbatim, plus the kinds the issue adds. */
    private static final String DESIGN_EXAMPLE = """
            - gain:       { gainDb: -3 }
            - eq:         { type: peak, frequencyHz: 1000, gainDb: 6, q: 1.0 }
            - eq:         { type: highpass, frequencyHz: 80, q: 0.707, slopeDbPerOct: 12 }
            - compressor: { thresholdDb: -20, ratio: 4, kneeDb: 6, attackMs: 10, releaseMs: 120,
                            makeupDb: 0, detector: peak }
            - pan:        { position: -0.3, law: constant-power }      # -1 left … +1 right
            - width:      { amount: 1.0 }                                # 0 mono … 2 extra wide
            - delay:      { timeMs: 375, feedback: 0.3, mix: 0.25 }     # or note: "1/8.", bpm: 120
            - reverb:     { decayS: 1.8, predelayMs: 20, damping: 0.4, mix: 0.2 }
            - saturation: { type: tanh, driveDb: 12, mix: 1.0 }
            - polarity:   { invert: both }
            - balance:    { position: 0.1 }
            - limiter:    { thresholdDb: -1 }
            - expander:   { thresholdDb: -50, ratio: 2, rangeDb: 20 }
            - gate:       { thresholdDb: -60, detector: rms, rmsMs: 5 }
            - delay:      { note: "1/8.", bpm: 120, pingPong: true, highCutHz: 5000 }
            - compressor: { makeupDb: auto, link: 0.5, sidechainHpHz: 100 }
            - gain:       { gainDb: { automation: [[0.0, -6], [4.0, 0], [8.0, 0]], curve: linear } }
            """;

    @Test
    void theDesignExampleReadsIntoTheSettingsItDescribes() {
        ChainDescription chain = ChainReader.parse(DESIGN_EXAMPLE);
        assertThat(chain.steps()).hasSize(17);
        assertThat(chain.steps().get(1)).isEqualTo(EqSettings.of(FilterType.PEAK, 1000, 6, 1.0, 12));
        assertThat(chain.steps().get(3)).isEqualTo(DynamicsSettings.compressor(-20, 4, 6, 10, 120, 0));
        assertThat(((DelaySettings) chain.steps().get(14)).timeMs()).isEqualTo(Param.of(375));
        assertThat(chain.needsStereo()).isTrue();
    }

    @Test
    void everyProcessorWritesItselfBackOutAndReadsBackEqual() {
        ChainDescription first = ChainReader.parse(DESIGN_EXAMPLE);
        String written = ChainWriter.write(first);
        ChainDescription second = ChainReader.parse(written);
        assertThat(second).isEqualTo(first);
        assertThat(ChainWriter.write(second)).isEqualTo(written);
    }

    @Test
    void jsonReadsTheSameAsYaml() {
        ChainDescription json = ChainReader.parse("[{\"eq\": {\"type\": \"lowshelf\", \"frequencyHz\": 100, \"gainDb\": -4}}]");
        assertThat(json).isEqualTo(ChainReader.parse("- eq: { type: lowshelf, frequencyHz: 100, gainDb: -4 }"));
    }

    private static void rejects(String yaml, String sentence) {
        assertThatThrownBy(() -> ChainReader.parse(yaml)).isInstanceOf(BadInputException.class).hasMessage(sentence);
    }

    @Test
    void aWrongChainGetsOneSentenceNamingTheProcessorTheParameterAndTheRange() {
        rejects("- compressor: { ratio: 0.5 }", "compressor ratio must be at least 1, got 0.5");
        rejects("- eq: { type: peak, frequencyHz: 5 }", "eq frequencyHz must be between 10 and 20000, got 5");
        rejects("- pan: { position: 1.5 }", "pan position must be between -1 and 1, got 1.5");
        rejects("- eq: { type: wobble, frequencyHz: 100 }",
                "eq type must be peak, lowshelf, highshelf, lowpass, highpass, notch or bandpass, got wobble");
        rejects("- eq: { type: lowpass, frequencyHz: 100, slopeDbPerOct: 18 }",
                "eq slopeDbPerOct must be 12, 24, 36 or 48, got 18");
        rejects("- reverb: { decay: 2 }", "reverb has no parameter 'decay'; it takes damping, decayS, mix, predelayMs, size");
        rejects("- flanger: {}", "unknown processor 'flanger'; the chain vocabulary has gain, polarity, eq, compressor, "
                + "limiter, expander, gate, pan, balance, width, delay, reverb, saturation");
        rejects("- limiter: { ratio: 4 }",
                "limiter has no parameter 'ratio'; it takes attackMs, detector, kneeDb, link, makeupDb, releaseMs, rmsMs, "
                        + "sidechainHpHz, thresholdDb");
        rejects("- gain: { gainDb: { automation: [[0, -6], [4, 40]] } }", "gain gainDb must be between -120 and 24, got 40");
        rejects("- delay: { note: \"1/7\", bpm: 120 }",
                "delay note must look like 1/4, 1/8. (dotted) or 1/8t (triplet), got 1/7");
        rejects("gain: 3", "a chain must be a list of processors, e.g. [ { gain: { gainDb: -3 } } ]");
        rejects("- compressor: { rmsMs: { automation: [[0, 5]] } }", "compressor rmsMs cannot be automated; give a number");
    }

    @Test
    void aBadFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chain.yaml");
        Files.writeString(file, "- saturation: { driveDb: 60 }\n");
        assertThatThrownBy(() -> ChainReader.read(file)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": saturation driveDb must be between 0 and 48, got 60");
    }

    @Test
    void brokenYamlSaysWhereItBroke() {
        assertThatThrownBy(() -> ChainReader.parse("- eq: { type: peak, frequencyHz: 100")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("the chain is not valid YAML or JSON (line");
    }
}
