package dev.mixdojo.base;

import java.util.List;

/**
 * CSV cells and rows (RFC 4180: CRLF lines, fields with commas, quotes or line breaks quoted). Text
 * that a spreadsheet would run as a formula (starting with =, +, -, @) is prefixed with an
 * apostrophe (OWASP "CSV injection"), since names and file names come from users; numbers are
 * written as they are. Pure.
 */
public final class Csv {
    private Csv() {
    }

    /** A text cell: defused if a spreadsheet would read it as a formula, quoted when needed. */
    public static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** Appends one CSV row (cells already escaped) and its CRLF. */
    public static void row(StringBuilder out, List<String> cells) {
        out.append(String.join(",", cells)).append("\r\n");
    }
}
