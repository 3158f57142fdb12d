package dev.mixdojo.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.Warnings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptLogTest {
    @TempDir
    Path dir;

    @Test
    void appendedAttemptsReadBackEqualAndInOrder() {
        AttemptLog log = AttemptLog.inDataDirectory(dir.resolve("data"));
        Attempt first = Attempts.of("a1", "eq.frequency", 9, true);
        Attempt second = Attempts.of("a2", "eq.gain", 6, false);
        log.append(first);
        log.append(second);
        Warnings warnings = new Warnings();
        assertThat(log.readAll(warnings)).containsExactly(first, second);
        assertThat(warnings.isEmpty()).isTrue();
    }

    @Test
    void eachLineCarriesTheSchemaVersion() throws Exception {
        AttemptLog log = AttemptLog.inDataDirectory(dir);
        log.append(Attempts.of("a1", "eq.frequency", 9, true));
        assertThat(Files.readString(log.file())).startsWith("{\"v\":1,");
    }

    @Test
    void aDamagedLineIsSkippedWithAWarningAndTheRestIsKept() throws Exception {
        AttemptLog log = AttemptLog.inDataDirectory(dir);
        log.append(Attempts.of("a1", "eq.frequency", 9, true));
        Files.writeString(log.file(), "{\"v\":1,\"id\":\"broken\" this is not json\n", StandardOpenOption.APPEND);
        log.append(Attempts.of("a3", "eq.frequency", 9, false));
        Warnings warnings = new Warnings();
        List<Attempt> read = log.readAll(warnings);
        assertThat(read).extracting(Attempt::id).containsExactly("a1", "a3");
        assertThat(warnings.all()).singleElement().asString().contains("line 2 is damaged");
    }

    @Test
    void aHalfWrittenLastLineDoesNotSwallowTheNextAppend() throws Exception {
        AttemptLog log = AttemptLog.inDataDirectory(dir);
        log.append(Attempts.of("a1", "eq.frequency", 9, true));
        Files.write(log.file(), "{\"v\":1,\"id\":\"a2\",\"at\":\"2026-".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        log.append(Attempts.of("a3", "eq.frequency", 9, true));
        Warnings warnings = new Warnings();
        assertThat(log.readAll(warnings)).extracting(Attempt::id).containsExactly("a1", "a3");
        assertThat(warnings.all()).hasSize(1);
    }

    @Test
    void linesFromANewerSchemaAreSkippedWithAWarning() throws Exception {
        AttemptLog log = AttemptLog.inDataDirectory(dir);
        Files.writeString(log.file(), "{\"v\":99,\"id\":\"future\"}\n");
        Warnings warnings = new Warnings();
        assertThat(log.readAll(warnings)).isEmpty();
        assertThat(warnings.all()).singleElement().asString().contains("newer MixDojo");
    }

    @Test
    void exportThenImportIntoAnotherLogAddsOnlyMissingAttempts() {
        AttemptLog home = AttemptLog.inDataDirectory(dir.resolve("home"));
        home.appendAll(List.of(Attempts.of("a1", "eq.gain", 6, true), Attempts.of("a2", "eq.gain", 6, true)));
        Path exported = dir.resolve("export.jsonl");
        assertThat(home.exportTo(exported, new Warnings())).isEqualTo(2);

        AttemptLog school = AttemptLog.inDataDirectory(dir.resolve("school"));
        school.append(Attempts.of("a2", "eq.gain", 6, true));
        assertThat(school.importFrom(exported, new Warnings())).isEqualTo(1);
        assertThat(school.importFrom(exported, new Warnings())).isZero();
        assertThat(school.readAll(new Warnings())).extracting(Attempt::id).containsExactly("a2", "a1");
    }

    @Test
    void importingAMissingFileNamesIt() {
        AttemptLog log = AttemptLog.inDataDirectory(dir);
        Path missing = dir.resolve("nope.jsonl");
        assertThatThrownBy(() -> log.importFrom(missing, new Warnings()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("nope.jsonl");
    }

    @Test
    void aLogThatCannotBeWrittenGivesOneSentenceAndKeepsTheOldFile() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the data directory should be");
        AttemptLog log = AttemptLog.inDataDirectory(blocked);
        assertThatThrownBy(() -> log.append(Attempts.of("a1", "eq.gain", 6, true)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("could not save the attempt")
                .hasMessageContaining("earlier attempts are kept");
        assertThat(Files.readString(blocked)).isEqualTo("a file where the data directory should be");
    }
}
