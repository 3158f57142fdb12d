package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.CsvRows;
import dev.mixdojo.web.Browsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

class AnalyzeCommandTest {
    @TempDir
    static Path dir;
    static Path mix;
    static Path reference;

    static CliRunner run(String... args) {
        return CliRunner.run(args);
    }

    /** A 6 s stereo file: a −20 dBFS 1 kHz tone on both channels plus quiet uncorrelated noise, 24-bit. */
    static Path write(String name, long seed, double toneDbfs) {
        int rate = 48000;
        float[][] channels = new float[2][6 * rate];
        java.util.Random random = new java.util.Random(seed);
        double amplitude = Math.pow(10, toneDbfs / 20);
        for (int i = 0; i < channels[0].length; i++) {
            float tone = (float) (amplitude * Math.sin(2 * Math.PI * 1000 * i / rate));
            channels[0][i] = tone + (float) (0.01 * random.nextGaussian());
            channels[1][i] = tone + (float) (0.01 * random.nextGaussian());
        }
        Path file = dir.resolve(name);
        AudioFiles.write(file, new AudioBuffer(channels, rate), SampleEncoding.PCM_24);
        return file;
    }

    @BeforeAll
    static void writeFiles() {
        mix = write("mix.wav", 1, -20);
        reference = write("reference.wav", 2, -14);
    }

    @Test
    void jsonReportHasTheDocumentedKeysAndTheToneLoudness() throws Exception {
        CliRunner r = run("analyze", mix.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("sampleRate").asInt()).isEqualTo(48000);
        assertThat(json.get("channels").asInt()).isEqualTo(2);
        assertThat(json.get("durationS").asDouble()).isCloseTo(6, within(1e-3));
        // Tone −20 dBFS on both channels reads −20 LUFS; the noise adds ~0.2 LU.
        assertThat(json.get("loudness").get("integratedLufs").asDouble()).isCloseTo(-20, within(0.4));
        for (String section : new String[] {"loudness", "spectrum", "dynamics", "stereo", "qc"}) {
            assertThat(json.has(section)).as(section).isTrue();
        }
        assertThat(json.get("qc").get("effectiveBits").asInt()).isEqualTo(24);
        assertThat(json.get("spectrum").get("bandsHz").size()).isEqualTo(json.get("spectrum").get("levelsDb").size());
    }

    @Test
    void textReportFitsTheTerminal() {
        CliRunner r = run("analyze", mix.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Integrated").contains("LUFS");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void htmlReportWithAReferenceIsWrittenToTheOutFile() throws Exception {
        Path out = dir.resolve("report.html");
        CliRunner r = run("analyze", mix.toString(), "--reference", reference.toString(), "--format", "html", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("<svg").contains("Against").contains("reference.wav");
    }

    @Test
    void referenceAddsAComparisonSection() throws Exception {
        CliRunner r = run("analyze", mix.toString(), "--reference", reference.toString(), "--format", "json");
        JsonNode c = new ObjectMapper().readTree(r.out()).get("comparison");
        assertThat(c.get("integratedDifferenceLu").asDouble()).isCloseTo(-6, within(0.3));
    }

    @Test
    void onlyLoudnessReportsOnlyLoudness() throws Exception {
        CliRunner r = run("analyze", mix.toString(), "--only", "loudness", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.has("loudness")).isTrue();
        assertThat(json.has("spectrum") || json.has("stereo") || json.has("qc") || json.has("dynamics")).isFalse();
    }

    @Test
    void aMissingFileIsBadInputWithOneSentence() {
        CliRunner r = run("analyze", dir.resolve("nope.wav").toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("nope.wav").contains("no such file").doesNotContain("Exception");
    }

    @Test
    void aCorruptFileIsBadInputWithOneSentence() throws Exception {
        Path corrupt = dir.resolve("corrupt.wav");
        Files.write(corrupt, "RIFF1234WAVEthis is not audio at all".getBytes());
        CliRunner r = run("analyze", corrupt.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("corrupt.wav").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnknownAnalysisIsBadInput() {
        CliRunner r = run("analyze", mix.toString(), "--only", "vibes");
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("vibes");
    }

    /** A folder of three files (tones at −14, −18 and −30 dBFS) and a text file that is not audio. */
    static Path album(String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        double[] levels = {-14, -18, -30};
        for (int i = 0; i < levels.length; i++) {
            Files.move(write(name + "-" + i + ".wav", 10 + i, levels[i]), folder.resolve((i + 1) + ".wav"));
        }
        Files.writeString(folder.resolve("notes.txt"), "track order");
        return folder;
    }

    @Test
    void aFolderIsAnalysedFileByFileWithTheAlbumAndProgressOnStderr() throws Exception {
        Path folder = album("album");
        CliRunner r = run("analyze", folder.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("files")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(json.get("files").get(i).get("file").asText()).isEqualTo(folder.resolve((i + 1) + ".wav").toString());
        }
        JsonNode album = json.get("album");
        assertThat(album.get("tracks").asInt()).isEqualTo(3);
        assertThat(album.get("loudest").get("file").asText()).endsWith("1.wav");
        assertThat(album.get("quietest").get("file").asText()).endsWith("3.wav");
        assertThat(album.get("tonalBalance").get("deviations")).hasSize(3);
        // The −30 dBFS file lies below the album's relative gate: the album reads close to the two louder files alone.
        double loud = album.get("loudest").get("integratedLufs").asDouble();
        double middle = json.get("files").get(1).get("loudness").get("integratedLufs").asDouble();
        double twoAlone = 10 * Math.log10((Math.pow(10, loud / 10) + Math.pow(10, middle / 10)) / 2);
        assertThat(album.get("integratedLufs").asDouble()).isCloseTo(twoAlone, within(0.02));
        assertThat(r.err().lines().filter(line -> line.matches("\\[[123]/3] .*\\.wav: -?[0-9.]+ LUFS, -?[0-9.]+ dBTP")))
                .hasSize(3);
    }

    @Test
    void aCorruptFileInABatchGetsItsSentenceTheOthersAreReportedAndTheExitCodeIsTwo() throws Exception {
        Path corrupt = dir.resolve("broken.wav");
        Files.write(corrupt, "RIFF1234WAVEthis is not audio at all".getBytes());
        Path out = dir.resolve("batch.txt");
        CliRunner r = run("analyze", mix.toString(), corrupt.toString(), reference.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        String sentence = r.err().lines().filter(line -> line.startsWith("[") && line.contains("broken.wav")).findFirst()
                .orElseThrow().replaceFirst("^\\[\\d/3] ", "");
        assertThat(sentence).startsWith(corrupt + ": ").doesNotContain("Exception");
        assertThat(r.err()).contains("1 of 3 files could not be read").doesNotContain("\tat ");
        String report = Files.readString(out);
        assertThat(report.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(report).contains("mix.wav").contains("reference.wav").contains("could not be read");
        assertThat(report.replaceAll("\\s+", " ")).contains(sentence.replaceAll("\\s+", " "));
        // The two good files are measured: −20 and −14 dBFS tones (with a little noise) read about −20 and −14 LUFS.
        Pattern row = Pattern.compile("\\s*[13] .*(mix|reference)\\.wav\\s+(-[0-9.]+) .*");
        List<Double> loudness = report.lines().map(row::matcher).filter(Matcher::matches)
                .map(m -> Double.parseDouble(m.group(2))).toList();
        assertThat(loudness).hasSize(2);
        assertThat(loudness.get(0)).isCloseTo(-20, within(0.5));
        assertThat(loudness.get(1)).isCloseTo(-14, within(0.5));
    }

    @Test
    void eachFilesJsonInABatchIsItsJsonAlone() throws Exception {
        Path folder = album("same");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode batch = mapper.readTree(run("analyze", folder.toString(), mix.toString(), "--format", "json").out());
        List<Path> files = List.of(folder.resolve("1.wav"), folder.resolve("2.wav"), folder.resolve("3.wav"), mix);
        for (int i = 0; i < files.size(); i++) {
            CliRunner alone = run("analyze", files.get(i).toString(), "--format", "json");
            assertThat(batch.get("files").get(i)).isEqualTo(mapper.readTree(alone.out()));
        }
    }

    @Test
    void csvParsesBackToARowPerFileWithTheJsonFiguresTheUnreadableFilesSentenceAndTheAlbumRow() throws Exception {
        Path folder = album("csv");
        // A name with a comma and quotes in it.
        Path hostile = Files.move(folder.resolve("2.wav"), folder.resolve("=2, \"second\".wav"));
        Path corrupt = Files.write(folder.resolve("4.wav"), "RIFF1234WAVEthis is not audio at all".getBytes());
        CliRunner r = run("analyze", folder.toString(), "--format", "csv");
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        JsonNode json = new ObjectMapper().readTree(run("analyze", folder.toString(), "--format", "json").out());

        List<List<String>> rows = CsvRows.parse(r.out());
        List<String> header = rows.get(0);
        assertThat(rows).hasSize(6).allSatisfy(row -> assertThat(row).hasSize(header.size()));
        assertThat(rows.subList(1, 6)).extracting(row -> row.get(header.indexOf("row")))
                .containsExactly("file", "file", "file", "file", "album");
        // Files by name: "1.wav", "3.wav", "4.wav", "=2, \"second\".wav" ('=' sorts after the digits).
        List<String> names = rows.subList(1, 5).stream().map(row -> row.get(header.indexOf("file"))).toList();
        assertThat(names).containsExactly(folder.resolve("1.wav").toString(), folder.resolve("3.wav").toString(),
                corrupt.toString(), hostile.toString());
        for (int i : new int[] {0, 1, 3}) {
            List<String> row = rows.get(i + 1);
            JsonNode file = json.get("files").get(i);
            for (String key : List.of("integratedLufs", "truePeakDbtp", "samplePeakDbfs", "maxShortTermLufs")) {
                assertThat(Double.parseDouble(row.get(header.indexOf(key)))).as(names.get(i) + " " + key)
                        .isCloseTo(file.get("loudness").get(key).asDouble(), within(0.006));
            }
            assertThat(row.get(header.indexOf("problem"))).isEmpty();
        }
        assertThat(Double.parseDouble(rows.get(1).get(header.indexOf("integratedLufs")))).isCloseTo(-14, within(0.5));
        List<String> unreadable = rows.get(3);
        assertThat(unreadable.get(header.indexOf("problem"))).startsWith(corrupt + ": ").doesNotContain("Exception");
        assertThat(unreadable.get(header.indexOf("integratedLufs"))).isEmpty();
        List<String> albumRow = rows.get(5);
        assertThat(albumRow.get(header.indexOf("file"))).isEqualTo("3 files");
        assertThat(Double.parseDouble(albumRow.get(header.indexOf("integratedLufs"))))
                .isCloseTo(json.get("album").get("integratedLufs").asDouble(), within(0.006));
        assertThat(r.out()).contains("\"" + folder + "/=2, \"\"second\"\".wav\"");  // quoted, quotes doubled
    }

    /**
     * The batch's HTML page read back as a browser reads it (headless Chromium): a row per file with the JSON's
     * figures, a name with markup in it shown as text, the unreadable file's sentence in its row, the album's cards,
     * a line per measured file in the tonal-balance plot, and nothing fetched from elsewhere.
     */
    @Test
    void theBatchHtmlPageShowsARowPerFileTheAlbumAndTheUnreadableFilesSentence() throws Exception {
        Assumptions.assumeTrue(Browsers.available(), Browsers.MISSING);
        Path folder = album("html");
        Path marked = Files.move(folder.resolve("2.wav"), folder.resolve("<i>2 & more.wav"));
        Path corrupt = Files.write(folder.resolve("4.wav"), "RIFF1234WAVEthis is not audio at all".getBytes());
        Path page = dir.resolve("album.html");
        CliRunner r = run("analyze", folder.toString(), "--format", "html", "--out", page.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        JsonNode json = new ObjectMapper().readTree(run("analyze", folder.toString(), "--format", "json").out());
        List<String> names = List.of(folder.resolve("1.wav").toString(), folder.resolve("3.wav").toString(),
                corrupt.toString(), marked.toString());

        WebDriver browser = Browsers.chromium(dir.resolve("profile"), 1000, 1400).orElseThrow();
        try {
            browser.get(page.toUri().toString());
            List<WebElement> rows = browser.findElements(By.cssSelector("table:first-of-type tr"));
            assertThat(rows).hasSize(1 + names.size());
            List<String> headings = rows.get(0).findElements(By.tagName("th")).stream().map(WebElement::getText).toList();
            for (int i = 0; i < names.size(); i++) {
                List<String> cells = rows.get(i + 1).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
                assertThat(cells.get(1)).isEqualTo(names.get(i));
                JsonNode file = json.get("files").get(i);
                if (file.has("problem")) {
                    assertThat(cells).hasSize(3);
                    assertThat(cells.get(2)).isEqualTo(file.get("problem").asText()).startsWith(corrupt + ": ");
                    continue;
                }
                JsonNode loudness = file.get("loudness");
                assertThat(Double.parseDouble(cells.get(headings.indexOf("LUFS"))))
                        .isCloseTo(loudness.get("integratedLufs").asDouble(), within(0.051));
                assertThat(Double.parseDouble(cells.get(headings.indexOf("dBTP"))))
                        .isCloseTo(loudness.get("truePeakDbtp").asDouble(), within(0.051));
            }
            JsonNode album = json.get("album");
            String cards = browser.findElements(By.cssSelector("div.cards")).get(0).getText();
            assertThat(cards).contains(String.format(java.util.Locale.ROOT, "%.1f", album.get("integratedLufs").asDouble()))
                    .contains("LUFS integrated");
            assertThat(browser.findElements(By.cssSelector("svg .legend"))).extracting(WebElement::getText)
                    .containsExactly("1.wav", "3.wav", "<i>2 & more.wav");
            assertThat(browser.findElements(By.tagName("i"))).isEmpty();  // the name is text, not markup
            Object fetched = ((JavascriptExecutor) browser).executeScript(
                    "return performance.getEntriesByType('resource').length + document.scripts.length;");
            assertThat(((Number) fetched).intValue()).isZero();
        } finally {
            browser.quit();
        }
    }

    @Test
    void aFolderWithoutAudioIsBadInput() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "nothing");
        CliRunner r = run("analyze", empty.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo(empty + ": holds no audio files (WAV, AIFF, FLAC, MP3, Ogg, AAC).");
    }
}
