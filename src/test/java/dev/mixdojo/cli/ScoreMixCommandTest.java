package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.grading.KnownMix;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreMixCommandTest {
    @TempDir
    static Path root;
    static Path stemsFolder;
    static Path target;
    static Path mix;

    @BeforeAll
    static void writeStemsTargetAndAMixWithTheBassThreeDecibelsUp() throws Exception {
        KnownMix.Delivery delivery = KnownMix.writeBassThreeDecibelsUp(root);
        stemsFolder = delivery.stemsFolder();
        target = delivery.target();
        mix = delivery.mix();
    }

    @Test
    void jsonHasTheStemEstimatesTheMixFiguresTheItemsAndAScore() throws Exception {
        CliRunner result = CliRunner.run("score-mix", "--stems", stemsFolder.toString(), "--mix", mix.toString(),
                "--target", target.toString(), "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("score").asInt()).isBetween(1, 99);
        JsonNode bass = null;
        for (JsonNode s : json.get("stems")) {
            assertThat(s.has("eqBandsHz") && s.has("eqGainDb") && s.has("pan")).isTrue();
            if (s.get("name").asText().equals("Bass")) {
                bass = s;
            }
        }
        assertThat(bass.get("gainDb").asDouble()).isCloseTo(-1, within(0.3));
        assertThat(bass.get("pan").asDouble()).isCloseTo(0.3, within(0.05));
        assertThat(json.get("mix").get("mixOffsetFrames").asInt()).isEqualTo(411);
        assertThat(json.get("mix").get("integratedLufs").isNumber()).isTrue();
        assertThat(json.get("fit").get("trust").asText()).isEqualTo("full");
        assertThat(json.get("fit").get("mixResidualDb").asDouble()).isLessThan(-25);
        // The one move, in the chain vocabulary: the Bass fader 3 dB down.
        JsonNode bassMoves = json.get("suggestions").get("Bass");
        assertThat(bassMoves.size()).isEqualTo(1);
        assertThat(bassMoves.get(0).get("gain").get("gainDb").asDouble()).isCloseTo(-3, within(0.15));
        assertThat(json.get("suggestions").size()).isEqualTo(1);
        JsonNode worst = worstItem(json);
        assertThat(worst.get("subject").asText()).isEqualTo("Bass");
        assertThat(worst.get("aspect").asText()).isEqualTo("level");
        assertThat(worst.get("verdict").asText()).isEqualTo("outside");
    }

    @Test
    void textFitsEightyColumnsAndLeadsWithTheScore() {
        CliRunner result = CliRunner.run("score-mix", "--stems", stemsFolder.toString(), "--mix", mix.toString(),
                "--target", target.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Mix score: ").contains("Bass is 3.0 dB louder");
        assertThat(result.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void htmlIsOneSelfContainedPageWrittenToOut() throws Exception {
        Path out = root.resolve("score.html");
        CliRunner result = CliRunner.run("score-mix", "--stems", stemsFolder.toString(), "--mix", mix.toString(),
                "--target", target.toString(), "--format", "html", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Wrote ", "score ");
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("Mix score: ", "Bass is 3.0 dB louder")
                .doesNotContain("<script", "src=", "href=");
    }

    /** The target of {@link #writeStemsTargetAndAMixWithTheBassThreeDecibelsUp} written as a mix session. */
    static final String TARGET_SESSION = """
            material: known-mix
            tracks:
              - stem: Vocal
                faderDb: 1.5
                chain:
                  - eq: { type: peak, frequencyHz: 2000, gainDb: 6, q: 1.0 }
                  - eq: { type: highshelf, frequencyHz: 8000, gainDb: -4, q: 0.7071 }
              - { stem: Kick, faderDb: -2 }
              - { stem: Guitar, faderDb: -6, pan: -0.6 }
              - { stem: Bass, faderDb: -4, pan: 0.3 }
              - { stem: Keys, faderDb: -3 }
            """;

    @Test
    void aSessionTargetIsRenderedAndScoredLikeItsBounce() throws Exception {
        Path session = Files.writeString(root.resolve("target.yaml"), TARGET_SESSION);
        CliRunner result = CliRunner.run("score-mix", "--stems", stemsFolder.toString(), "--mix", mix.toString(),
                "--target", session.toString(), "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        JsonNode worst = worstItem(json);
        assertThat(worst.get("subject").asText()).isEqualTo("Bass");
        assertThat(worst.get("aspect").asText()).isEqualTo("level");
        assertThat(worst.get("error").asDouble()).isCloseTo(3, within(0.3));
    }

    @Test
    void aSessionWithoutATrackForAStemIsNamedInOneSentence() throws Exception {
        Path session = Files.writeString(root.resolve("short.yaml"), TARGET_SESSION.replace("  - { stem: Keys, faderDb: -3 }\n", ""));
        CliRunner result = CliRunner.run("score-mix", "--stems", stemsFolder.toString(), "--mix", mix.toString(),
                "--target", session.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("short.yaml: the stem 'Keys' has no track in the target session")
                .doesNotContain("Exception");
    }

    @Test
    void aBadSessionTargetGetsItsLineAndColumn() throws Exception {
        Path session = Files.writeString(root.resolve("bad.yaml"), TARGET_SESSION.replace("pan: 0.3", "pan: right"));
        CliRunner result = CliRunner.run("score-mix", "--stems", stemsFolder.toString(), "--mix", mix.toString(),
                "--target", session.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bad.yaml:10:37:").contains("pan should be a number");
    }


    /** The item that loses the most points. */
    static JsonNode worstItem(JsonNode json) {
        JsonNode worst = null;
        for (JsonNode item : json.get("items")) {
            if (worst == null || item.get("pointsLost").asDouble() > worst.get("pointsLost").asDouble()) {
                worst = item;
            }
        }
        return worst;
    }
}
