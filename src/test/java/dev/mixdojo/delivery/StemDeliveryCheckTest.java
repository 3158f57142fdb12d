package dev.mixdojo.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StemDeliveryCheckTest {
    @TempDir
    static Path root;
    static DeliveryReport planted;

    @BeforeAll
    static void checkPlantedDelivery() throws Exception {
        Path folder = Files.createDirectory(root.resolve("planted"));
        Deliveries.writePlanted(folder);
        planted = StemDeliveryCheck.check(folder);
    }

    private static Map<String, List<Rule>> problemRulesByFile(DeliveryReport report) {
        return report.files().stream().collect(Collectors.toMap(FileCheck::file,
                f -> f.problems().stream().map(Finding::rule).toList()));
    }

    private static Severity severityOf(String file, Rule rule) {
        return planted.files().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow()
                .findings().stream().filter(f -> f.rule() == rule).findFirst().orElseThrow().severity();
    }

    @Test
    void eachPlantedProblemIsFlaggedOnItsFileAndNowhereElse() {
        assertThat(problemRulesByFile(planted)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("Kick.wav", List.of()),
                Map.entry("Vocal_Lead.wav", List.of()),
                Map.entry("Track 07.wav", List.of(Rule.NAME)),
                Map.entry("Bass_16bit.wav", List.of(Rule.FORMAT)),
                Map.entry("Guitar_Short.wav", List.of(Rule.LENGTH)),
                Map.entry("Keys_Late.wav", List.of(Rule.START)),
                Map.entry("Synth_Mono.wav", List.of(Rule.FALSE_STEREO)),
                Map.entry("Pad_Wide.wav", List.of(Rule.PADDED_BITS)),
                Map.entry("Drums_Overhead.wav", List.of(Rule.CLIPPING)),
                Map.entry("Perc_Shaker.wav", List.of(Rule.DC_OFFSET)),
                Map.entry("Strings.wav", List.of(Rule.SILENT)),
                Map.entry("Broken.wav", List.of(Rule.READABLE))));
    }

    @Test
    void mustFixProblemsFailAndQuestionsWarn() {
        assertThat(severityOf("Bass_16bit.wav", Rule.FORMAT)).isEqualTo(Severity.FAIL);
        assertThat(severityOf("Guitar_Short.wav", Rule.LENGTH)).isEqualTo(Severity.FAIL);
        assertThat(severityOf("Drums_Overhead.wav", Rule.CLIPPING)).isEqualTo(Severity.FAIL);
        assertThat(severityOf("Strings.wav", Rule.SILENT)).isEqualTo(Severity.FAIL);
        assertThat(severityOf("Broken.wav", Rule.READABLE)).isEqualTo(Severity.FAIL);
        assertThat(severityOf("Keys_Late.wav", Rule.START)).isEqualTo(Severity.WARN);
        assertThat(severityOf("Synth_Mono.wav", Rule.FALSE_STEREO)).isEqualTo(Severity.WARN);
        assertThat(severityOf("Pad_Wide.wav", Rule.PADDED_BITS)).isEqualTo(Severity.WARN);
        assertThat(severityOf("Track 07.wav", Rule.NAME)).isEqualTo(Severity.WARN);
        assertThat(planted.verdict()).isEqualTo(Severity.FAIL);
    }

    @Test
    void missingNotesRoughMixAndVocalReturnsAreDeliveryWarnings() {
        assertThat(Reports.problems(planted.delivery())).extracting(Finding::rule, Finding::severity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Rule.NOTES, Severity.WARN),
                        org.assertj.core.groups.Tuple.tuple(Rule.ROUGH_MIX, Severity.WARN),
                        org.assertj.core.groups.Tuple.tuple(Rule.RETURNS, Severity.WARN));
    }

    @Test
    void aCorruptFileIsNamedWithItsProblemAndTheOthersAreStillMeasured() {
        FileCheck broken = planted.files().stream().filter(f -> f.file().equals("Broken.wav")).findFirst().orElseThrow();
        assertThat(broken.problems().get(0).message()).contains("Broken.wav");
        FileCheck kick = planted.files().stream().filter(f -> f.file().equals("Kick.wav")).findFirst().orElseThrow();
        assertThat(kick.findings()).extracting(Finding::rule)
                .contains(Rule.FORMAT, Rule.LENGTH, Rule.START, Rule.CLIPPING, Rule.DC_OFFSET, Rule.FALSE_STEREO);
    }

    @Test
    void aCleanDeliveryPassesEveryRule() throws Exception {
        Path folder = Files.createDirectory(root.resolve("clean"));
        Deliveries.writeClean(folder);
        DeliveryReport clean = StemDeliveryCheck.check(folder);
        assertThat(clean.files()).hasSize(5).allSatisfy(f -> assertThat(f.problems()).isEmpty());
        assertThat(clean.delivery()).hasSize(3).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.PASS));
        assertThat(clean.verdict()).isEqualTo(Severity.PASS);
    }

    @Test
    void namesThatSayNothingAreToldApartFromClearOnes() {
        assertThat(List.of("Track 07.wav", "Audio 1_03.wav", "untitled.wav", "Bounce.wav", "new 2.wav", "07.wav",
                "1_Default preset.wav", "4_Default preset.wav", "2_Default.wav")).allMatch(StemNames::isUnclear);
        assertThat(List.of("Guitar_Lead_Verse.wav", "Kick In.wav", "Track 07 Vox.wav")).noneMatch(StemNames::isUnclear);
        assertThat(List.of("Song_RoughMix.wav", "rough.wav", "Ref Bounce.wav")).allMatch(StemNames::isRoughMix);
        assertThat(List.of("VocalVerb.wav", "Delay Return.wav", "FX_Throw.wav")).allMatch(StemNames::isEffectReturn);
    }

    @Test
    void aPannedMonoStemKeepsItsPanAndADualMonoKickIsNeitherOffsetNorClippedTwice() throws Exception {
        Path folder = Files.createDirectory(root.resolve("panned"));
        float[] synth = Deliveries.tone(21, Deliveries.FRAMES, 0);
        float[] left = synth.clone();
        float[] right = synth.clone();
        for (int i = 0; i < right.length; i++) {
            right[i] *= 0.5f;  // −6 dB: panned left in the bounce
        }
        dev.mixdojo.audio.AudioFiles.write(folder.resolve("Synth_Lead.wav"),
                new dev.mixdojo.audio.AudioBuffer(new float[][] {left, right}, Deliveries.RATE_HZ), dev.mixdojo.audio.SampleEncoding.PCM_24);
        float[] kick = new float[Deliveries.FRAMES];
        for (int i = 0; i < kick.length; i++) {
            double t = (i % (Deliveries.RATE_HZ / 2)) / (double) Deliveries.RATE_HZ;
            kick[i] = (float) Math.max(-1, Math.min(1, 1.3 * Math.exp(-t / 0.05) * (Math.sin(2 * Math.PI * 50 * t) + 0.5)));
        }
        dev.mixdojo.audio.AudioFiles.write(folder.resolve("Kick.wav"),
                new dev.mixdojo.audio.AudioBuffer(new float[][] {kick, kick.clone()}, Deliveries.RATE_HZ), dev.mixdojo.audio.SampleEncoding.PCM_24);
        DeliveryReport report = StemDeliveryCheck.check(folder);
        Finding panned = finding(report, "Synth_Lead.wav", Rule.FALSE_STEREO);
        assertThat(panned.message()).contains("6.0 dB louder on the left", "a mono source panned left", "Keep it stereo");
        FileCheck kickCheck = report.files().stream().filter(f -> f.file().equals("Kick.wav")).findFirst().orElseThrow();
        assertThat(kickCheck.problems()).extracting(Finding::rule).doesNotContain(Rule.DC_OFFSET);
        // Each run of the kick's clipped peaks counts once, however many channels carry it.
        int runs = 0;
        for (int i = 0, run = 0; i < kick.length; i++) {
            run = Math.abs(kick[i]) >= 0.9999f ? run + 1 : 0;
            runs += run == 3 ? 1 : 0;
        }
        assertThat(runs).isGreaterThan(1);
        assertThat(finding(report, "Kick.wav", Rule.CLIPPING).message()).startsWith("The file clips: " + runs + " runs");
        assertThat(finding(report, "Kick.wav", Rule.FALSE_STEREO).message()).endsWith("deliver it as a mono file.");
    }

    private static Finding finding(DeliveryReport report, String file, Rule rule) {
        return report.files().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow()
                .findings().stream().filter(f -> f.rule() == rule).findFirst().orElseThrow();
    }

    @Test
    void aFolderWithoutAudioIsOneSentence() throws Exception {
        Path empty = Files.createDirectory(root.resolve("empty"));
        assertThatThrownBy(() -> StemDeliveryCheck.check(empty)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("holds no audio files");
    }
}
