package dev.mixdojo.grading;

import java.util.Locale;

/** How reports write numbers a learner reads: frequencies, times, pan positions. Pure. */
final class Words {
    private Words() {
    }

    /** A frequency, e.g. "250 Hz" or "8.0 kHz". */
    static String hz(double frequencyHz) {
        return frequencyHz >= 1000 ? String.format(Locale.ROOT, "%.1f kHz", frequencyHz / 1000)
                : String.format(Locale.ROOT, "%.0f Hz", frequencyHz);
    }

    /** Minutes, seconds and tenths, e.g. "1:05.3". */
    static String time(double seconds) {
        long tenths = Math.round(Math.max(0, seconds) * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    /** A pan position, e.g. "centre", "0.30 L". */
    static String position(double pan) {
        if (Math.abs(pan) < 0.005) {
            return "centre";
        }
        return String.format(Locale.ROOT, "%.2f %s", Math.abs(pan), pan < 0 ? "L" : "R");
    }

    /** A number with as few digits as it needs, up to two decimals: "4", "1.5", "0.71". */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.replaceFirst("\\.?0+$", "");
    }
}
