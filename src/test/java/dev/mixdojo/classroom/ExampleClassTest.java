package dev.mixdojo.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example class the app shows before a teacher opens their own. */
class ExampleClassTest {
    @TempDir
    Path folder;

    @Test
    void anExampleOpenedTodayIsDueInAWeekNotAlreadyOverdue() {
        Clock today = Clock.fixed(Instant.parse("2026-12-07T18:05:00Z"), ZoneOffset.UTC);
        OpenedPack pack = ExampleClass.write(folder, ExampleClass.dueAfterDays(today, 7));
        assertThat(pack.assignment().due()).hasValueSatisfying(due ->
                assertThat(due.toInstant()).isEqualTo(Instant.parse("2026-12-14T17:00:00Z")).isAfter(today.instant()));
        assertThat(ExampleClass.dueAfterDays(today, -1)).isEqualTo(Instant.parse("2026-12-06T17:00:00Z"));
    }
}
