package dev.mixdojo.base;

import java.util.Locale;

/**
 * JSON string literals (RFC 8259) as the house writes them: quote, backslash and control characters
 * escaped, DEL and lone surrogates (which UTF-8 cannot carry) as six-character escapes (a
 * backslash, u, four hex digits), everything else as it is. One rule for every JSON the house
 * writes, so a signed results file and a report spell the same text the same way. Pure.
 */
public final class JsonText {
    private JsonText() {
    }

    /** Appends {@code text} as a JSON string literal, quotes included. */
    public static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || loneSurrogate) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
