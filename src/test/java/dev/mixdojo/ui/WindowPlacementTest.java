package dev.mixdojo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlacementTest {
    @TempDir
    Path data;

    @Test
    void aPlacementWrittenIsReadBackAtTheNextStart() {
        WindowPlacement placement = new WindowPlacement(120, 80, 1300, 860, WindowPlacement.Maximized.YES);

        placement.write(data);

        assertThat(WindowPlacement.read(data)).contains(placement);
    }

    @Test
    void noFileADamagedFileOrAnImpossibleSizeGiveTheDefaultPlace() throws Exception {
        assertThat(WindowPlacement.read(data)).isEmpty();
        Files.writeString(data.resolve(WindowPlacement.FILE_NAME), "{\"x\": 10, \"y\": ");
        assertThat(WindowPlacement.read(data)).isEmpty();
        Files.writeString(data.resolve(WindowPlacement.FILE_NAME), "{\"x\": 10, \"y\": 10, \"width\": 20, \"height\": 9000}");
        assertThat(WindowPlacement.read(data)).isEmpty();
    }
}
