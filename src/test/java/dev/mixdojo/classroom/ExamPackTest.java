package dev.mixdojo.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A student exam pack whose zip checks out but whose exam.json does not is one sentence naming the pack. */
class ExamPackTest {
    private static final String HEAD = "{\"format\":\"mixdojo-exam\",\"version\":1,\"id\":\"eq-exam\",\"title\":\"EQ\","
            + "\"passPercent\":60,\"due\":null,\"assignmentSha256\":\"" + "ab".repeat(32) + "\",\"mixChallenge\":null,"
            + "\"questions\":[{\"number\":1,\"prompt\":\"Which band?\",\"form\":{\"kind\":\"choice\",\"options\":"
            + "[\"1 kHz\",\"2 kHz\"]},\"a\":\"audio/q1-a.wav\",\"b\":\"audio/q1-b.wav\"}]}";

    @TempDir
    Path dir;

    private Path pack(String head, String... audio) throws Exception {
        Path wav = dir.resolve("any.wav");
        Files.write(wav, new byte[] {1, 2, 3});
        Path out = dir.resolve("exam-" + Math.abs(head.hashCode()) + "-" + audio.length + ".mixdojo");
        AssignmentPack.writeZip(out, ExamPack.EXAM_ENTRY, head.getBytes(StandardCharsets.UTF_8),
                List.of(audio).stream().map(name -> new AssignmentPack.PackFile(name, wav)).toList());
        return out;
    }

    @Test
    void aValidHeadOpensWithItsQuestion() throws Exception {
        Path file = pack(HEAD, "audio/q1-a.wav", "audio/q1-b.wav");
        ExamPack.Opened opened = ExamPack.open(file);
        assertThat(opened.exam().questions()).singleElement().satisfies(q -> {
            assertThat(q.prompt()).isEqualTo("Which band?");
            assertThat(q.audioB()).isEqualTo("audio/q1-b.wav");
        });
        assertThat(ExamPack.isExamPack(file)).isTrue();
    }

    @Test
    void anInvalidHeadOrMissingAudioIsOneSentence() throws Exception {
        Path notAnExam = pack("{}", "audio/q1-a.wav");
        assertThatThrownBy(() -> ExamPack.open(notAnExam)).isInstanceOf(BadInputException.class)
                .hasMessage("The assignment pack " + notAnExam + " is damaged or was changed: exam.json is not a valid"
                        + " exam (it is not a MixDojo exam).");
        Path later = pack(HEAD.replace("\"version\":1", "\"version\":2"), "audio/q1-a.wav", "audio/q1-b.wav");
        assertThatThrownBy(() -> ExamPack.open(later)).hasMessageEndingWith(
                "exam.json is not a valid exam (it is exam format 2; this MixDojo reads 1).");
        Path badForm = pack(HEAD.replace("\"choice\"", "\"guess\""), "audio/q1-a.wav", "audio/q1-b.wav");
        assertThatThrownBy(() -> ExamPack.open(badForm)).hasMessageContaining(
                "a question's form is choice, value, settings or curve");
        Path noB = pack(HEAD, "audio/q1-a.wav");
        assertThatThrownBy(() -> ExamPack.open(noB)).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("the audio of question 1 is not in the pack.");
    }
}
