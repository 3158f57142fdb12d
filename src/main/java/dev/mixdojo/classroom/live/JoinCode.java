package dev.mixdojo.classroom.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;

/**
 * The short code that admits a student to a live session: six digits, quick to type on a phone's number
 * pad and read from the back of a room. A million codes are few against a machine that guesses, so the
 * web server limits how often one address may try; see docs/decisions/live-classroom.md.
 *
 * @param digits six decimal digits
 */
public record JoinCode(String digits) {
    /** How many digits a code has. */
    public static final int LENGTH = 6;

    public JoinCode {
        if (!Objects.requireNonNull(digits, "digits").matches("[0-9]{" + LENGTH + "}")) {
            throw new IllegalArgumentException("a join code is " + LENGTH + " digits, got '" + digits + "'");
        }
    }

    /** A code drawn from {@code random}. */
    public static JoinCode random(SecureRandom random) {
        return new JoinCode(String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000)));
    }

    /** Whether {@code typed} is this code, ignoring spaces and hyphens; compared in constant time. */
    public boolean matches(String typed) {
        String cleaned = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        return MessageDigest.isEqual(cleaned.getBytes(StandardCharsets.UTF_8), digits.getBytes(StandardCharsets.UTF_8));
    }

    /** The code in two groups of three, {@code 482 913}, as the projector shows it. */
    public String spaced() {
        return digits.substring(0, 3) + " " + digits.substring(3);
    }
}
