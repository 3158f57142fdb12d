package dev.mixdojo.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.base.yaml.Problem;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.eq.EqSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonLibraryTest {
    /** Knows one drill kind and the noise material, like a tiny exercise layer. */
    private static final LessonLibrary.DrillChecks CHECKS = new LessonLibrary.DrillChecks() {
        @Override
        public void check(DrillSpec drill, Problems problems) {
            if (!drill.kind().equals("eq-band")) {
                problems.add(drill.location(), "unknown drill kind '" + drill.kind() + "'");
            }
        }

        @Override
        public boolean materialExists(MaterialRef material) {
            return material.source().equals("noise");
        }
    };

    private static final String GOOD = """
            id: eq-octaves
            title: Hearing octave boosts
            area: eq
            teach: |
              A boost makes one region of the spectrum louder.
            why: Mix engineers hunt resonances by ear.
            demos:
              - title: A boost swept through the octaves
                material: noise/pink
                versions:
                  - { label: Flat, chain: [] }
                  - label: 1 kHz
                    chain:
                      - eq: { type: peak, frequencyHz: 1000, gainDb: 9, q: 1.4 }
            drills:
              - id: octave
                kind: eq-band
                title: Which octave was boosted?
                material: noise/pink
                questions: 10
                options: { bands: octave }
                difficulty: { start: 12, easiest: 15, hardest: 2, step: 1 }
            """;

    @TempDir
    Path dir;

    @Test
    void aGoodFolderLoadsInCurriculumOrder() throws Exception {
        Files.writeString(dir.resolve("eq-octaves.yaml"), GOOD);
        Files.writeString(dir.resolve("eq-cuts.yaml"), GOOD.replace("id: eq-octaves", "id: eq-cuts\nrequires: [eq-octaves]"));
        Files.writeString(dir.resolve("curriculum.yaml"), "units:\n  - title: EQ\n    lessons: [eq-octaves, eq-cuts]\n");
        Problems problems = new Problems();
        LessonLibrary library = LessonLibrary.load(dir, CHECKS, problems).orElseThrow();
        assertThat(problems.all()).isEmpty();
        assertThat(library.lessons()).extracting(Lesson::id).containsExactly("eq-octaves", "eq-cuts");
        Lesson first = library.lesson("eq-octaves").orElseThrow();
        assertThat(first.area()).isEqualTo(Area.EQ);
        assertThat(first.demos().get(0).versions()).hasSize(2);
        DrillSpec drill = first.drills().get(0);
        assertThat(drill.material()).isEqualTo(MaterialRef.parse("noise/pink").orElseThrow());
        assertThat(drill.difficulty().startLevel()).isEqualTo(12);
    }

    @Test
    void aDemoVersionIsReadAsATypedChainAndAWrongOneIsReportedWhereItStands() throws Exception {
        Files.writeString(dir.resolve("eq-octaves.yaml"), GOOD);
        Files.writeString(dir.resolve("curriculum.yaml"), "units:\n  - title: EQ\n    lessons: [eq-octaves]\n");
        Problems problems = new Problems();
        Demo demo = LessonLibrary.load(dir, CHECKS, problems).orElseThrow().lesson("eq-octaves").orElseThrow().demos().get(0);
        assertThat(demo.versions().get(0).chain()).isEqualTo(ChainDescription.NONE);
        assertThat(demo.versions().get(1).chain()).isEqualTo(ChainDescription.of(EqSettings.peak(1000, 9, 1.4)));

        Files.writeString(dir.resolve("eq-octaves.yaml"), GOOD.replace("type: peak, frequencyHz: 1000", "type: peak, frequencyHz: 1000, slope: 3"));
        Problems wrong = new Problems();
        assertThat(LessonLibrary.load(dir, CHECKS, wrong)).isEmpty();
        assertThat(wrong.all()).extracting(Problem::toString).map(m -> m.replace(dir + "/", ""))
                .contains("eq-octaves.yaml:14:11: eq has no parameter 'slope'; it takes frequencyHz, gainDb, q, slopeDbPerOct, type")
                .noneMatch(problem -> problem.contains("two versions"));
    }

    @Test
    void aBrokenLessonReportsEveryProblemWithFileLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), """
                id: Broken Lesson
                title: Broken
                area: mastering
                requires: [nowhere]
                teach: text
                why: text
                colour: red
                drills:
                  - id: a
                    kind: eq-wobble
                    title: A
                    material: song/missing
                    questions: 0
                    difficulty: { start: 20, easiest: 15, hardest: 2, step: 1 }
                  - id: a
                    kind: eq-band
                    title: B
                    material: radio
                    difficulty: { start: 12, easiest: 15, hardest: 2 }
                """);
        Files.writeString(dir.resolve("eq-octaves.yaml"), GOOD);
        Files.writeString(dir.resolve("copy.yaml"), GOOD);
        Files.writeString(dir.resolve("curriculum.yaml"), "units:\n  - title: EQ\n    lessons: [eq-octaves, ghost]\n");
        Problems problems = new Problems();
        assertThat(LessonLibrary.load(dir, CHECKS, problems)).isEmpty();
        List<String> messages = problems.all().stream().map(Problem::toString).map(s -> s.replace(dir + "/", "")).toList();
        assertThat(messages).contains(
                "broken.yaml:1:5: the lesson id 'Broken Lesson' should be lower-case words joined by hyphens",
                "broken.yaml:3:7: the lesson area must be one of eq, frequency-management, compression, panning, level, "
                        + "automation, reverb-delay, saturation, translation, got 'mastering'",
                "broken.yaml:7:1: unknown key 'colour' in the lesson",
                "broken.yaml:13:16: a drill questions must be between 1 and 100, got 0",
                "broken.yaml:14:17: difficulty: start level 20.0 must lie between 2.0 and 15.0",
                "broken.yaml:18:15: material 'radio' should be noise/pink, noise/white, song/NAME or song/NAME/STEM",
                "broken.yaml:19:17: difficulty needs 'step'",
                "curriculum.yaml:2:5: the curriculum lists the unknown lesson 'ghost'");
        assertThat(messages).anySatisfy(m -> assertThat(m).matches("(copy|eq-octaves)\\.yaml:1:1: the lesson id 'eq-octaves' is also used by .*"));
    }

    @Test
    void crossFileProblemsAreFoundOnceEachFileIsValid() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), GOOD.replace("id: eq-octaves", "id: a\nrequires: [b]"));
        Files.writeString(dir.resolve("b.yaml"), GOOD.replace("id: eq-octaves", "id: b\nrequires: [a]")
                .replace("kind: eq-band", "kind: eq-wobble").replace("material: noise/pink\n    questions", "material: song/x\n    questions"));
        Files.writeString(dir.resolve("c.yaml"), GOOD.replace("id: eq-octaves", "id: c"));
        Files.writeString(dir.resolve("curriculum.yaml"), "units:\n  - title: EQ\n    lessons: [a, b]\n");
        Problems problems = new Problems();
        assertThat(LessonLibrary.load(dir, CHECKS, problems)).isEmpty();
        List<String> messages = problems.all().stream().map(Problem::toString).map(s -> s.replace(dir + "/", "")).toList();
        assertThat(messages).contains(
                "b.yaml:17:5: unknown drill kind 'eq-wobble'",
                "b.yaml:17:5: the material 'song/x' does not exist",
                "c.yaml:1:1: the lesson 'c' is not in curriculum.yaml",
                "a.yaml:2:11: requires 'b', which the curriculum teaches later");
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("prerequisites go round in a circle: "));
    }

    private static final String CHALLENGE = """
            id: mix-balance
            title: Balance a song
            area: level
            teach: Build the balance from the kick, the bass and the vocal.
            why: Level errors of a decibel or two decide whether a mix sits.
            challenges:
              - id: balance
                title: Match the target's balance
                brief: Set each fader and pan so your mix sounds like the target.
                material: song/rock-garage
                goal: sessions/target.yaml
                scored: [level, pan]
                compareWithTarget: false
            """;

    @Test
    void aMixChallengeNeedsNoDrillAndFindsItsGoalNextToTheLesson() throws Exception {
        Files.createDirectories(dir.resolve("sessions"));
        Files.writeString(dir.resolve("sessions/target.yaml"), "material: song/rock-garage\n");
        Files.writeString(dir.resolve("mix-balance.yaml"), CHALLENGE);
        Files.writeString(dir.resolve("curriculum.yaml"), "units:\n  - title: Mixing\n    lessons: [mix-balance]\n");
        Problems problems = new Problems();
        LessonLibrary.DrillChecks songsExist = new LessonLibrary.DrillChecks() {
            @Override
            public void check(DrillSpec drill, Problems p) {
            }

            @Override
            public boolean materialExists(MaterialRef material) {
                return material.source().equals("song");
            }
        };
        LessonLibrary library = LessonLibrary.load(dir, songsExist, problems).orElseThrow();
        assertThat(problems.all()).isEmpty();
        MixChallenge challenge = library.lesson("mix-balance").orElseThrow().challenges().get(0);
        assertThat(challenge.goal()).isEqualTo(dir.resolve("sessions/target.yaml").toAbsolutePath());
        assertThat(challenge.targetSession()).isPresent();
        assertThat(challenge.scored()).containsExactly("level", "pan");
        assertThat(challenge.compareWithTarget()).isFalse();
        assertThat(challenge.passScore()).isEqualTo(80);
    }

    @Test
    void aBrokenMixChallengeReportsItsGoalAndAspects() throws Exception {
        Files.writeString(dir.resolve("mix-balance.yaml"), CHALLENGE.replace("[level, pan]", "[level, vibe]")
                .replace("song/rock-garage", "song/rock-garage/vocal"));
        Files.writeString(dir.resolve("curriculum.yaml"), "units:\n  - title: Mixing\n    lessons: [mix-balance]\n");
        Problems problems = new Problems();
        assertThat(LessonLibrary.load(dir, CHECKS, problems)).isEmpty();
        List<String> messages = problems.all().stream().map(Problem::toString).map(m -> m.replace(dir + "/", "")).toList();
        assertThat(messages).contains(
                "mix-balance.yaml:10:15: a mix challenge hands out a whole song's stems: song/NAME",
                "mix-balance.yaml:11:11: the goal 'sessions/target.yaml' does not exist (it is read relative to the lesson's folder)",
                "mix-balance.yaml:12:13: a mix challenge scores level, pan, eq, ride, compression, reverb, delay, masking; 'vibe' is none of them");
    }
}
