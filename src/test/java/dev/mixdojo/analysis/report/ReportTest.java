package dev.mixdojo.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.analysis.Signals;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final int RATE = 48000;

    static ProgrammeAnalysis analyse(float[][] channels, Set<ReportSection> sections, String name) {
        ProgrammeAnalyzer analyzer = new ProgrammeAnalyzer(RATE, channels.length, sections);
        Signals.stream(channels, 4096, analyzer::accept);
        return analyzer.result(name);
    }

    static float[][] mix(long seed) {
        float[] l = Signals.pinkNoise(12, RATE, seed);
        float[] r = Signals.pinkNoise(12, RATE, seed + 1);
        float[] tone = Signals.tone(-20, 12, RATE);
        for (int i = 0; i < l.length; i++) {
            l[i] = 0.3f * l[i] + tone[i];
            r[i] = 0.3f * r[i] + tone[i];
        }
        return new float[][] {l, r};
    }

    @Test
    void jsonHasEveryDocumentedKeyWithTheMeasuredValues() throws Exception {
        ProgrammeAnalysis a = analyse(mix(1), EnumSet.allOf(ReportSection.class), "mix.wav")
                .comparedWith(analyse(mix(5), EnumSet.allOf(ReportSection.class), "ref.wav"));
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(a));
        assertThat(json.get("file").asText()).isEqualTo("mix.wav");
        assertThat(json.get("sampleRate").asInt()).isEqualTo(RATE);
        assertThat(json.get("channels").asInt()).isEqualTo(2);
        assertThat(json.get("durationS").asDouble()).isCloseTo(12, within(1e-3));
        assertThat(json.get("loudness")).isNotNull();
        for (String key : new String[] {"integratedLufs", "loudnessRangeLu", "truePeakDbtp", "samplePeakDbfs", "maxMomentaryLufs", "maxShortTermLufs"}) {
            assertThat(json.get("loudness").get(key).isNumber()).as(key).isTrue();
        }
        assertThat(json.get("loudness").get("integratedLufs").asDouble())
                .isCloseTo(a.loudness().orElseThrow().integratedLufs(), within(0.005));
        for (String key : new String[] {"crestFactorDb", "plrDb", "drScore"}) {
            assertThat(json.get("dynamics").get(key).isNumber()).as(key).isTrue();
        }
        for (String key : new String[] {"correlation", "widthRatio", "balanceLu", "monoLossLu"}) {
            assertThat(json.get("stereo").get(key).isNumber()).as(key).isTrue();
        }
        assertThat(json.get("spectrum").get("bandsHz").size()).isEqualTo(31);
        assertThat(json.get("spectrum").get("levelsDb").size()).isEqualTo(31);
        for (String key : new String[] {"clippedRuns", "dcOffset", "effectiveBits"}) {
            assertThat(json.get("qc").get(key).isNumber()).as(key).isTrue();
        }
        assertThat(json.get("qc").get("problems").isArray()).isTrue();
        assertThat(json.get("comparison").get("integratedDifferenceLu").asDouble()).isCloseTo(0, within(0.5));
        assertThat(json.get("comparison").get("tonalBalance").get("differencesDb").size()).isEqualTo(31);
    }

    @Test
    void onlyLoudnessLeavesTheOtherSectionsOut() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(analyse(mix(1), EnumSet.of(ReportSection.LOUDNESS), "x.wav")));
        assertThat(json.has("loudness")).isTrue();
        assertThat(json.has("spectrum")).isFalse();
        assertThat(json.has("dynamics")).isFalse();
        assertThat(json.has("stereo")).isFalse();
        assertThat(json.has("qc")).isFalse();
    }

    @Test
    void aMonoFileSaysItWasMeasuredAsOneChannel() throws Exception {
        ProgrammeAnalysis a = analyse(new float[][] {Signals.tone(-20, 3, RATE)}, EnumSet.allOf(ReportSection.class), "mono.wav");
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(a));
        assertThat(json.get("measuredAsMono").asBoolean()).isTrue();
        assertThat(json.has("stereo")).isFalse();
        assertThat(TextReport.render(a)).contains("Mono file: measured as one channel");
    }

    @Test
    void theTextReportFitsAnEightyColumnTerminal() {
        ProgrammeAnalysis a = analyse(mix(1), EnumSet.allOf(ReportSection.class), "/a/very/long/path/".repeat(8) + "mix.wav")
                .comparedWith(analyse(mix(5), EnumSet.allOf(ReportSection.class), "ref.wav"));
        String text = TextReport.render(a);
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(text).contains("Integrated").contains("LUFS").contains("Correlation").contains("Against ref.wav");
    }

    @Test
    void theHtmlReportIsSelfContainedWithThreePlots() {
        ProgrammeAnalysis a = analyse(mix(1), EnumSet.allOf(ReportSection.class), "<mix>.wav")
                .comparedWith(analyse(mix(5), EnumSet.allOf(ReportSection.class), "ref.wav"));
        String html = HtmlReport.render(a);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("&lt;mix&gt;.wav");
        assertThat(html.split("<svg ", -1)).hasSize(4);
        assertThat(html).contains("reference").contains("short-term").contains("correlation");
        assertThat(html).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http");
    }

    @Test
    void durationsRoundOnceSoAMinuteNeverReadsSixtySeconds() {
        assertThat(TextReport.duration(179.99)).isEqualTo("3:00.0");
        assertThat(TextReport.duration(61.04)).isEqualTo("1:01.0");
        assertThat(TextReport.duration(3600)).isEqualTo("60:00.0");
    }

    @Test
    void wrappingKeepsEveryWord() {
        String text = "The true peak is +0.3 dBTP, above -1 dBTP: lossy encoding and sample-rate conversion may clip it.";
        var lines = TextReport.wrap(text + " " + text, "  - ");
        assertThat(String.join(" ", lines).replaceAll("\\s+", " ").trim()).isEqualTo("- " + text + " " + text);
    }
}
