package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.base.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lessons validate|list} and {@code render} end to end, on the shipped lessons and on broken ones. */
class LessonCommandsTest {
    @TempDir
    static Path cache;

    @TempDir
    Path dir;

    @Test
    void theShippedLessonsValidate() {
        CliRunner run = CliRunner.run("lessons", "validate", "lessons", "--cache-dir", cache.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("no problems");
        CliRunner list = CliRunner.run("lessons", "list", "--lessons-dir", "lessons", "--cache-dir", cache.toString());
        assertThat(list.out()).contains("eq-octave-boosts-noise", "panning-positions");
    }

    @Test
    void aBrokenLessonIsReportedWithFileLineAndColumnAndExitTwo() throws Exception {
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.writeString(lessons.resolve("broken.yaml"), """
                id: broken
                title: Broken
                area: eq
                teach: t
                why: w
                demos:
                  - title: d
                    material: noise/pink
                    versions:
                      - { label: a, chain: [] }
                      - { label: b, chain: [ { eq: { type: wobble, frequencyHz: 1000 } } ] }
                drills:
                  - id: x
                    kind: eq-wobble
                    title: X
                    material: song/nowhere
                    difficulty: { start: 12, easiest: 15, hardest: 2, step: 1 }
                  - id: y
                    kind: eq-band
                    title: Y
                    material: noise/pink
                    options: { bands: quarter }
                    difficulty: { start: 12, easiest: 15, hardest: 2, step: 1 }
                """);
        Files.writeString(lessons.resolve("curriculum.yaml"), "units:\n  - title: EQ\n    lessons: [broken]\n");
        CliRunner run = CliRunner.run("lessons", "validate", lessons.toString(), "--cache-dir", cache.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        String file = lessons.resolve("broken.yaml").toString();
        assertThat(run.err())
                .contains(file + ":11:28: eq type must be peak, lowshelf, highshelf, lowpass, highpass, notch or bandpass, got wobble")
                .doesNotContain("Exception");

        // A demo's chain is read with the file; the drills' kinds and material are checked once the file reads.
        Files.writeString(lessons.resolve("broken.yaml"), Files.readString(lessons.resolve("broken.yaml")).replace("type: wobble", "type: peak"));
        CliRunner mended = CliRunner.run("lessons", "validate", lessons.toString(), "--cache-dir", cache.toString());
        assertThat(mended.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(mended.err())
                .contains(file + ":13:5: unknown drill kind 'eq-wobble'")
                .contains(file + ":13:5: the material 'song/nowhere' does not exist")
                .contains(file + ":22:23: the options of eq-band bands must be one of octave, third, got 'quarter'")
                .contains("3 problems in " + lessons)
                .doesNotContain("Exception");
    }

    @Test
    void aMixChallengesTargetSessionIsCheckedAgainstItsSongsStems() throws Exception {
        Path lessons = dir.resolve("lessons");
        try (var files = Files.walk(Path.of("lessons"))) {
            for (Path from : files.toList()) {
                Path to = lessons.resolve(Path.of("lessons").relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path session = lessons.resolve("sessions/rock-garage-balance.yaml");
        String target = Files.readString(session);
        Files.writeString(session, target.replace("stem: keys,", "stem: organ,"));
        CliRunner wrongStem = CliRunner.run("lessons", "validate", lessons.toString(), "--cache-dir", cache.toString());
        assertThat(wrongStem.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(wrongStem.err()).contains(lessons.resolve("mix-balance-rock.yaml").toString())
                .contains("the target session " + session + " has tracks for kick, snare, hats, room, bass, guitar, organ, vocal,"
                        + " but song/rock-garage has the stems")
                .doesNotContain("Exception");

        Files.writeString(session, target.replace("pan: 0.45", "pan: right"));
        CliRunner unreadable = CliRunner.run("lessons", "validate", lessons.toString(), "--cache-dir", cache.toString());
        assertThat(unreadable.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(unreadable.err()).contains(session + ":12:41: a track pan should be a number").doesNotContain("Exception");

        Files.writeString(session, target);
        Path lesson = lessons.resolve("mix-balance-rock.yaml");
        Files.writeString(lesson, Files.readString(lesson).replace("    compareWithTarget: true", "    start: somewhere\n    compareWithTarget: true"));
        CliRunner badStart = CliRunner.run("lessons", "validate", lessons.toString(), "--cache-dir", cache.toString());
        assertThat(badStart.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(badStart.err()).contains("a mix challenge starts from levels, inserts, sends, flat or rides, got 'somewhere'");
    }

    @Test
    void renderWritesTheQuestionTheKeyAndBothVersionsTheSameForTheSameSeed() throws Exception {
        Path first = dir.resolve("q1");
        Path second = dir.resolve("q2");
        String[] args = {"render", "--lesson", "eq-octave-boosts-noise", "--seed", "7", "--cache-dir", cache.toString(),
            "--out"};
        CliRunner run = CliRunner.run(concat(args, first.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRunner again = CliRunner.run(concat(args, second.toString()));
        assertThat(again.exitCode()).isZero();

        ObjectMapper json = new ObjectMapper();
        JsonNode question = json.readTree(first.resolve("question.json").toFile());
        assertThat(question.get("lesson").asText()).isEqualTo("eq-octave-boosts-noise");
        assertThat(question.get("kind").asText()).isEqualTo("eq-band");
        assertThat(question.get("prompt").asText()).isEqualTo("Which octave band was boosted?");
        assertThat(question.get("choices")).hasSize(8);
        assertThat(question.get("audio").get("original").asText()).isEqualTo("original.wav");
        JsonNode answer = json.readTree(first.resolve("answer.json").toFile());
        assertThat(answer.get("kind").asText()).isEqualTo("eq-band");
        assertThat(answer.get("target").asText()).isEqualTo("mix");
        assertThat(answer.get("chain").get(0).get("eq").get("gainDb").asDouble()).isEqualTo(12);
        assertThat(answer.get("matchGainDb").asDouble()).isNegative();
        for (String file : new String[] {"original.wav", "processed.wav", "question.json", "answer.json"}) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
        AudioBuffer processed = AudioFiles.read(first.resolve("processed.wav"), new Warnings());
        assertThat(processed.sampleRateHz()).isEqualTo(48_000);
        assertThat(processed.durationS()).isEqualTo(8.0);
    }

    @Test
    void renderingAnUnknownLessonIsOneSentence() {
        CliRunner run = CliRunner.run("render", "--lesson", "mastering-101", "--seed", "1", "--out", dir.toString(),
                "--cache-dir", cache.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("There is no lesson 'mastering-101'; 'mixdojo lessons list' shows the lessons.");
    }

    @Test
    void renderingAMixChallengeSaysWhereToOpenIt() {
        CliRunner run = CliRunner.run("render", "--lesson", "mix-balance-rock", "--seed", "1", "--out", dir.toString(),
                "--cache-dir", cache.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("The lesson 'mix-balance-rock' is a mix challenge, not a drill: open it in"
                + " the app's Mixer (bin/mixdojo gui, then Ctrl+4), or score a bounce of its stems with 'mixdojo score-mix'.");
    }

    @Test
    void renderingADrillNumberOutOfRangeNamesTheRange() {
        CliRunner run = CliRunner.run("render", "--lesson", "eq-cuts", "--drill", "3", "--seed", "1", "--out", dir.toString(),
                "--cache-dir", cache.toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("The lesson 'eq-cuts' has drills 1 to 2, not 3.");
    }

    private static String[] concat(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
