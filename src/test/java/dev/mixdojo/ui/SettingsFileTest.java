package dev.mixdojo.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.progress.DailyGoal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path folder;

    private SettingsFile file() {
        return SettingsFile.in(new UserDirectories(folder, folder.resolve("cache")));
    }

    private SettingsFile.Reading readText(String json) throws IOException {
        Files.writeString(folder.resolve(SettingsFile.FILE_NAME), json);
        return file().read();
    }

    @Test
    void settingsWrittenAreReadBackTheSame() {
        SavedSettings changed = new SavedSettings(1.5, true, Theme.DARK, Optional.of("USB Interface"), false, 512,
                new DailyGoal(15, DailyGoal.Unit.MINUTES));
        file().write(changed);
        SettingsFile.Reading reading = file().read();
        assertThat(reading.settings()).isEqualTo(changed);
        assertThat(reading.notice()).isEmpty();
        SavedSettings off = new SavedSettings(0, false, Theme.LIGHT, Optional.empty(), true, 4096, DailyGoal.DEFAULT);
        file().write(off);
        assertThat(file().read().settings()).isEqualTo(off);
    }

    @Test
    void theFileIsSmallJsonWithItsSchemaVersionInTheDataFolder() throws IOException {
        file().write(SavedSettings.DEFAULTS);
        String text = Files.readString(folder.resolve("settings.json"));
        assertThat(text).contains("\"schemaVersion\" : 1", "\"theme\" : \"light\"", "\"bufferFrames\" : 2048");
        assertThat(text.length()).isLessThan(300);
    }

    @Test
    void aMissingFileGivesTheDefaultsWithoutANotice() {
        SettingsFile.Reading reading = file().read();
        assertThat(reading.settings()).isEqualTo(SavedSettings.DEFAULTS);
        assertThat(reading.notice()).isEmpty();
    }

    @Test
    void aDamagedFileGivesTheDefaultsAndOneSentenceNamingTheFileAndWhere() throws IOException {
        SettingsFile.Reading reading = readText("{\"schemaVersion\": 1,\n \"levelRoveDb\": 2,, }");
        assertThat(reading.settings()).isEqualTo(SavedSettings.DEFAULTS);
        assertThat(reading.notice()).contains(folder.resolve("settings.json")
                + ": is not valid JSON (line 2, column 19), so MixDojo uses the default settings.");
    }

    @Test
    void anEmptyFileOrAnotherSchemaGivesTheDefaultsWithTheReason() throws IOException {
        assertThat(readText("").notice().orElseThrow()).endsWith(": does not hold a settings object, "
                + "so MixDojo uses the default settings.");
        assertThat(readText("[1, 2]").notice().orElseThrow()).contains("does not hold a settings object");
        SettingsFile.Reading newer = readText("{\"schemaVersion\": 2, \"levelRoveDb\": 2}");
        assertThat(newer.settings()).isEqualTo(SavedSettings.DEFAULTS);
        assertThat(newer.notice().orElseThrow()).endsWith(": has schemaVersion 2, which this MixDojo does not read "
                + "(it reads 1), so MixDojo uses the default settings.");
        assertThat(readText("{\"levelRoveDb\": 2}").notice().orElseThrow()).contains("has no whole-number schemaVersion");
    }

    @Test
    void valuesOutOfRangeFallBackOneByOneAndTheRestIsKept() throws IOException {
        SettingsFile.Reading reading = readText("""
                {"schemaVersion": 1, "levelRoveDb": 7.5, "largeScale": true, "theme": "pink",
                 "outputDevice": "USB Interface", "soundOff": "yes", "bufferFrames": 1000}""");
        assertThat(reading.settings()).isEqualTo(
                new SavedSettings(0, true, Theme.LIGHT, Optional.of("USB Interface"), false, 2048, DailyGoal.DEFAULT));
        assertThat(reading.notice()).contains(folder.resolve("settings.json") + ": levelRoveDb 7.5 is outside 0 to 3 dB, "
                + "theme \"pink\" is not \"light\" or \"dark\", soundOff \"yes\" is not true or false and "
                + "bufferFrames 1000 is not one of the offered sizes [256, 512, 1024, 2048, 4096], "
                + "so MixDojo uses the default there.");
    }

    @Test
    void unknownKeysAreIgnoredAndNamedWhileKnownOnesAreRead() throws IOException {
        SettingsFile.Reading reading = readText("""
                {"schemaVersion": 1, "levelRoveDb": 2, "colour": "teal"}""");
        assertThat(reading.settings().levelRoveDb()).isEqualTo(2.0);
        assertThat(reading.notice()).contains(folder.resolve("settings.json")
                + ": \"colour\" is not a setting (ignored), so MixDojo uses the default there.");
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileAsItWasAndNoLitter() throws IOException {
        // A name of 250 bytes is allowed, but the temporary file beside it (".NAME-digits.tmp") is
        // longer than the 255 bytes a file name may have: the write fails before the rename.
        Path path = folder.resolve("s".repeat(245) + ".json");
        SettingsFile longNamed = new SettingsFile(path);
        SavedSettings old = new SavedSettings(2, false, Theme.DARK, Optional.empty(), false, 1024, DailyGoal.DEFAULT);
        Files.writeString(path, "{\"schemaVersion\": 1, \"levelRoveDb\": 2, \"theme\": \"dark\", \"bufferFrames\": 1024}");
        String before = Files.readString(path);
        SavedSettings wanted = new SavedSettings(1, true, Theme.LIGHT, Optional.empty(), false, 512, DailyGoal.DEFAULT);
        assertThatThrownBy(() -> longNamed.write(wanted))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(path + ": could not be written");
        assertThat(Files.readString(path)).isEqualTo(before);
        assertThat(longNamed.read().settings()).isEqualTo(old);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(path);
        }
    }

    @Test
    void settingsOutsideTheirRangesCannotBeMade() {
        assertThatThrownBy(() -> new SavedSettings(3.5, false, Theme.LIGHT, Optional.empty(), false, 2048, DailyGoal.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SavedSettings(1, false, Theme.LIGHT, Optional.empty(), false, 300, DailyGoal.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SavedSettings(1, false, Theme.LIGHT, Optional.of(" "), false, 256, DailyGoal.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
