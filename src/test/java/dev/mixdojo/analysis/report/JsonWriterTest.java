package dev.mixdojo.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static String number(double v, int decimals) {
        return new JsonWriter().beginArray().value(v, decimals).endArray().toString();
    }

    @Test
    void numbersAreRoundedWithoutTrailingZerosAndNonFiniteValuesAreNull() {
        assertThat(number(-23.0049, 2)).isEqualTo("[-23]");
        assertThat(number(-23.006, 2)).isEqualTo("[-23.01]");
        assertThat(number(0.000123, 6)).isEqualTo("[0.000123]");
        assertThat(number(-0.0001, 2)).isEqualTo("[0]");
        assertThat(number(1.5, 0)).isEqualTo("[2]");
        // 12.05 is stored as 12.050000000000000710…, above the half: 12.1, as any correct rounding gives.
        assertThat(number(12.05, 1)).isEqualTo("[12.1]");
        assertThat(number(-2.5, 0)).isEqualTo("[-3]"); // halves go away from zero, alike on both sides
        assertThat(number(Double.NEGATIVE_INFINITY, 2)).isEqualTo("[null]");
        assertThat(number(Double.NaN, 2)).isEqualTo("[null]");
    }

    @Test
    void stringsAreEscaped() {
        String json = new JsonWriter().beginObject().key("a\"b").value("line\nbreak\\ \u0001").endObject().toString();
        assertThat(json).contains("\"a\\\"b\": \"line\\nbreak\\\\ \\u0001\"");
    }
}
