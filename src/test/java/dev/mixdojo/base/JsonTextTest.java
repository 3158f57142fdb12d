package dev.mixdojo.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JSON string literals, read back by Jackson (an independent parser) and checked byte by byte where the rule is exact. */
class JsonTextTest {
    private static String quoted(String text) {
        return JsonText.quote(new StringBuilder(), text).toString();
    }

    @Test
    void everyCharacterReadsBackAsItWasWritten() throws Exception {
        String hostile = "a \"quoted\" C:\\path\n\r\t\u0000\u001f\u007f é 🎧 \u00a0";
        assertThat(new ObjectMapper().readValue(quoted(hostile), String.class)).isEqualTo(hostile);
    }

    @Test
    void controlsDelAndLoneSurrogatesAreEscapedSoTheTextSurvivesUtf8() {
        assertThat(quoted("\u0001\u007f")).isEqualTo("\"\\u0001\\u007f\"");
        String lone = "x\ud83cy\udfa7";  // a high surrogate without its low one, then a low one alone
        assertThat(quoted(lone)).isEqualTo("\"x\\ud83cy\\udfa7\"");
        String text = quoted("🎧");  // a proper pair stays as it is
        assertThat(text).isEqualTo("\"🎧\"");
        assertThat(new String(quoted(lone).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(quoted(lone));
    }
}
