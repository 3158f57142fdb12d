package dev.mixdojo.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.grading.KnownMix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student's side of a homework mix: the stems out of the pack, the bounced mix handed in where grade-mixes reads it. */
class HomeworkMixTest {
    @TempDir
    static Path root;
    static KnownMix.Delivery delivery;
    static OpenedPack pack;

    /** A practice assignment whose homework mix is KnownMix's five stems and target. */
    @BeforeAll
    static void writeAPackWithAHomeworkMix() throws Exception {
        delivery = KnownMix.writeBassThreeDecibelsUp(root);
        List<AssignmentPack.MaterialFile> material = new ArrayList<>();
        AssignmentMixChallenge challenge = AssignmentPack.mixChallenge(delivery.stemsFolder(), delivery.target(), material);
        Assignment assignment = ClassroomFixtures.assignment(AssignmentMode.PRACTICE, 1, 5, Optional.empty())
                .withMixChallenge(challenge);
        Path file = root.resolve("week3.mixdojo");
        AssignmentPack.write(file, assignment, material);
        pack = AssignmentPack.open(file);
    }

    @Test
    void theStemsAndTheReferenceComeOutByteForByte() throws Exception {
        HomeworkMix.Saved saved = HomeworkMix.saveMaterial(pack, root.resolve("my daw session"));
        assertThat(saved.stemsFolder()).isEqualTo(root.resolve("my daw session").resolve("stems"));
        assertThat(saved.reference()).isEqualTo(root.resolve("my daw session").resolve("target.wav"));
        try (var given = Files.list(delivery.stemsFolder()); var out = Files.list(saved.stemsFolder())) {
            List<Path> stems = given.sorted().toList();
            assertThat(out.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(stems.stream().map(p -> p.getFileName().toString()).toList());
            for (Path stem : stems) {
                assertThat(saved.stemsFolder().resolve(stem.getFileName())).hasSameBinaryContentAs(stem);
            }
        }
        assertThat(saved.reference()).hasSameBinaryContentAs(delivery.target());
    }

    @Test
    void aHandedInMixIsNamedAfterTheStudentAndGradeMixesScoresIt() throws Exception {
        Path results = root.resolve("results");
        Path copy = HomeworkMix.handIn(pack, "  Ana Souza ", delivery.mix(), results);
        assertThat(copy).isEqualTo(results.resolve("eq-week-3").resolve("Ana Souza.wav"));
        assertThat(copy).hasSameBinaryContentAs(delivery.mix());

        List<MixGrade> grades = MixGrader.forPack(pack).gradeFolder(copy.getParent(), 1, grade -> { });
        assertThat(grades).hasSize(1);
        assertThat(grades.get(0).student()).isEqualTo("Ana Souza");
        assertThat(grades.get(0).problem()).isEmpty();
        assertThat(grades.get(0).score().orElseThrow().score()).isBetween(1, 99); // the bass is 3 dB up

        // Handing in again replaces the first, in whatever format; a name no file system takes is made safe.
        Path again = HomeworkMix.handIn(pack, "Ana Souza", delivery.target(), results);
        assertThat(again).isEqualTo(copy).hasSameBinaryContentAs(delivery.target());
        Path asAiff = Files.copy(delivery.mix(), root.resolve("bounce.aiff")); // read by its header, kept by its name
        assertThat(HomeworkMix.handIn(pack, "Ana Souza", asAiff, results).getFileName()).hasToString("Ana Souza.aiff");
        assertThat(copy).doesNotExist();
        HomeworkMix.handIn(pack, "Ana Souza", delivery.mix(), results);
        try (var handedIn = Files.list(copy.getParent())) {
            assertThat(handedIn.map(p -> p.getFileName().toString())).containsExactly("Ana Souza.wav");
        }
        assertThat(HomeworkMix.handIn(pack, "Ben: the/best", delivery.mix(), results).getFileName())
                .hasToString("Ben- the-best.wav");
    }

    @Test
    void whatCannotBeHandedInGetsOneSentenceAndWritesNothing() throws Exception {
        Path results = root.resolve("refused");
        Path notAudio = Files.writeString(root.resolve("notes.wav"), "my mix notes");
        assertThatThrownBy(() -> HomeworkMix.handIn(pack, "Ana", notAudio, results)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(notAudio + ":");
        Path silent = root.resolve("silent.wav");
        AudioFiles.write(silent, AudioBuffer.silence(2, 48_000, 48_000), SampleEncoding.PCM_24);
        assertThatThrownBy(() -> HomeworkMix.handIn(pack, "Ana", silent, results))
                .hasMessage(silent + ": is silent: bounce your mix again and hand that in.");
        Path noExtension = Files.copy(delivery.mix(), root.resolve("final bounce"));
        assertThatThrownBy(() -> HomeworkMix.handIn(pack, "Ana", noExtension, results))
                .hasMessage(noExtension + ": is not named as an audio file (.wav, .aiff, .flac, .mp3, .ogg, .m4a): bounce your mix to one.");
        assertThatThrownBy(() -> HomeworkMix.handIn(pack, " ", delivery.mix(), results))
                .hasMessageStartingWith("Please type your name");
        assertThat(results).doesNotExist();

        Path plainFile = root.resolve("plain.mixdojo");
        AssignmentPack.write(plainFile, ClassroomFixtures.assignment(AssignmentMode.EXAM, 1, 5, Optional.empty()), List.of());
        OpenedPack plain = AssignmentPack.open(plainFile);
        assertThatThrownBy(() -> HomeworkMix.saveMaterial(plain, root.resolve("nothing")))
                .hasMessage(plainFile + ": has no homework mix.");
    }
}
