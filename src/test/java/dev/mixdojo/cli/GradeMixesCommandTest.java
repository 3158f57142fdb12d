package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.classroom.ClassroomFixtures;
import dev.mixdojo.grading.Aspect;
import dev.mixdojo.grading.KnownMix;
import dev.mixdojo.grading.ScoreScale;
import dev.mixdojo.grading.StemAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** grade-mixes end to end: an assignment with a mix challenge made by the CLI, real WAV submissions, one CSV. */
class GradeMixesCommandTest {
    @TempDir
    static Path root;
    static Path pack;
    static Path handedIn;
    static List<KnownMix.Strip> strips;

    @BeforeAll
    static void makeAnAssignmentWithAMixChallengeAndFiveSubmissions() throws Exception {
        strips = KnownMix.fiveStrips();
        List<StemAudio> stems = KnownMix.stems(strips, 10, 7);
        Path stemsFolder = Files.createDirectories(root.resolve("teacher/week3-stems"));
        for (StemAudio stem : stems) {
            AudioFiles.write(stemsFolder.resolve(stem.name() + ".wav"), stem.audio(), SampleEncoding.PCM_24);
        }
        Path target = root.resolve("teacher/reference.wav");
        AudioFiles.write(target, KnownMix.mix(strips, stems, 0), SampleEncoding.PCM_24);
        pack = root.resolve("mix-week-3.mixdojo");
        CliRunner create = CliRunner.run("assignment", "create", "--lessons-dir",
                ClassroomFixtures.lessonFolder(root.resolve("lessons")).toString(), "--lesson", "pan-positions",
                "--questions", "1", "--seed", "3", "--mode", "practice", "--pass", "50", "--mix-stems",
                stemsFolder.toString(), "--mix-target", target.toString(), "--out", pack.toString());
        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(CliRunner.run("assignment", "open", pack.toString()).out())
                .contains("Mix challenge: 5 stems in material/week3-stems/, target material/reference.wav");

        handedIn = Files.createDirectories(root.resolve("handed-in"));
        AudioFiles.write(handedIn.resolve("Ana.wav"), KnownMix.mix(moved("Kick", 4), stems, 120), SampleEncoding.PCM_24);
        Files.createDirectories(handedIn.resolve("Ben"));
        AudioFiles.write(handedIn.resolve("Ben/final mix.wav"), KnownMix.mix(strips, stems, 0), SampleEncoding.PCM_16);
        Files.write(handedIn.resolve("Cleo.wav"), "RIFF not really a wave file".getBytes());
        Files.createDirectories(handedIn.resolve("Dan"));
        Files.writeString(handedIn.resolve("Dan/notes.txt"), "sorry, I forgot to bounce");
        Files.writeString(handedIn.resolve("readme.txt"), "not a mix, ignored");
    }

    /** The target's strips with one fader moved by {@code deltaDb}. */
    private static List<KnownMix.Strip> moved(String stem, double deltaDb) {
        List<KnownMix.Strip> out = new ArrayList<>();
        for (KnownMix.Strip s : strips) {
            out.add(s.name().equals(stem) ? new KnownMix.Strip(s.name(), s.channels(), s.gainDb() + deltaDb, s.pan(), s.eq()) : s);
        }
        return out;
    }

    @Test
    void everyStudentGetsOneRowAndBrokenOrMissingMixesSayWhyWithoutStoppingTheBatch() throws Exception {
        Path csv = root.resolve("grades/results.csv");
        Files.createDirectories(csv.getParent());
        CliRunner run = CliRunner.run("grade-mixes", "--assignment", pack.toString(), handedIn.toString(),
                "--out", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote " + csv + ": 4 mixes, 2 scored.");
        assertThat(run.err()).contains("Ana.wav: ", "Ben/final mix.wav: 100 / 100", "Dan/ holds no audio file (WAV, AIFF, FLAC, MP3, Ogg or AAC) to score.");

        String text = Files.readString(csv);
        assertThat(text).endsWith("\r\n");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines).hasSize(5);
        List<String> header = List.of(lines.get(0).split(",", -1));
        assertThat(header.subList(0, 4)).containsExactly("student", "file", "score", "problem");
        // One column per item any mix has: Ana's Kick fader (the one stem anyone changed) and the whole mix's loudness.
        assertThat(header.subList(4, header.size())).containsExactly("Kick level", "mix loudness");
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = parse(line);
            assertThat(cells).hasSize(header.size());
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.put(row.get("student"), row);
        }
        assertThat(rows.keySet()).containsExactly("Ana", "Ben", "Cleo", "Dan");

        Map<String, String> ana = rows.get("Ana");
        assertThat(ana.get("file")).isEqualTo("Ana.wav");
        assertThat(ana.get("Kick level")).matches("outside \\+[34]\\.\\d dB");
        // One fader 4 dB off is 3 JNDs beyond the 1 dB JND: the score scale gives it 79 (a 3.8–4.2 dB estimate, 77–81);
        // the CSV's error is rounded to 0.1 dB, so the score it implies may be a point off.
        double kickDb = Double.parseDouble(ana.get("Kick level").replaceAll("[^0-9.+-]", ""));
        assertThat(Integer.parseInt(ana.get("score")))
                .isCloseTo((int) Math.round(ScoreScale.score(ScoreScale.excess(kickDb, Aspect.LEVEL.jnd()))), within(1))
                .isBetween(77, 81);
        assertThat(ana.get("problem")).isEmpty();

        Map<String, String> ben = rows.get("Ben");
        assertThat(ben.get("file")).isEqualTo("Ben/final mix.wav");
        assertThat(ben.get("score")).isEqualTo("100");
        assertThat(header.subList(4, header.size())).allSatisfy(item -> assertThat(ben.get(item)).startsWith("within"));

        assertThat(rows.get("Cleo").get("score")).isEmpty();
        assertThat(rows.get("Cleo").get("problem")).contains("Cleo.wav").doesNotContain("Exception");
        assertThat(rows.get("Dan").get("problem")).isEqualTo("Dan/ holds no audio file (WAV, AIFF, FLAC, MP3, Ogg or AAC) to score.");
        assertThat(rows.get("Dan").get("Kick level")).isEmpty();
    }

    @Test
    void anAssignmentWithoutAMixChallengeIsRefusedWithOneSentence() {
        Path plain = root.resolve("plain.mixdojo");
        CliRunner create = CliRunner.run("assignment", "create", "--lessons-dir",
                ClassroomFixtures.lessonFolder(root.resolve("lessons-plain")).toString(), "--lesson", "pan-positions",
                "--questions", "1", "--seed", "3", "--mode", "exam", "--pass", "50", "--out", plain.toString());
        assertThat(create.exitCode()).as(create.err()).isZero();
        CliRunner run = CliRunner.run("grade-mixes", "--assignment", plain.toString(), handedIn.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(plain + ": has no mix challenge to grade mixes against.");
    }

    /** Splits one RFC 4180 line (quoted cells may hold commas and doubled quotes). */
    private static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
