package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.delivery.Deliveries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckStemsCommandTest {
    @TempDir
    static Path root;
    static Path planted;

    @BeforeAll
    static void writeDelivery() throws Exception {
        planted = Files.createDirectory(root.resolve("planted"));
        Deliveries.writePlanted(planted);
    }

    @Test
    void jsonListsEveryFileWithRuleSeverityAndMessageAndASummary() throws Exception {
        CliRunner result = CliRunner.run("check-stems", planted.toString(), "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("files")).hasSize(12);
        JsonNode clipped = null;
        for (JsonNode file : json.get("files")) {
            if (file.get("file").asText().equals("Drums_Overhead.wav")) {
                clipped = file;
            }
        }
        assertThat(clipped).isNotNull();
        assertThat(clipped.get("verdict").asText()).isEqualTo("fail");
        List<String> failed = new ArrayList<>();
        clipped.get("problems").forEach(p -> {
            assertThat(p.get("message").asText()).isNotBlank();
            if (!p.get("severity").asText().equals("pass")) {
                failed.add(p.get("rule").asText() + "/" + p.get("severity").asText());
            }
        });
        assertThat(failed).containsExactly("clipping/fail");
        assertThat(json.get("summary").get("verdict").asText()).isEqualTo("fail");
        assertThat(json.get("summary").get("fail").asInt()).isEqualTo(5);
        assertThat(json.get("summary").get("warn").asInt()).isEqualTo(8);
    }

    @Test
    void textFitsEightyColumnsAndNamesEachProblemFile() {
        CliRunner result = CliRunner.run("check-stems", planted.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(result.out()).contains("FAIL  Broken.wav", "clipping:", "false-stereo:", "rough-mix:",
                "fixing before mixing.");
    }

    @Test
    void htmlIsOneSelfContainedPageWrittenToOut() throws Exception {
        Path out = root.resolve("report.html");
        CliRunner result = CliRunner.run("check-stems", planted.toString(), "--format", "html", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        String html = Files.readString(out);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Track 07.wav", "padded-bits")
                .doesNotContain("<script", "src=", "href=");
    }

    @Test
    void aMissingFolderIsBadInputWithOneSentence() {
        CliRunner result = CliRunner.run("check-stems", root.resolve("nowhere").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nowhere").contains("is not a folder of stems");
    }
}
