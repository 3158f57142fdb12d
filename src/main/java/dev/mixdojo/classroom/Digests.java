package dev.mixdojo.classroom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) as lower-case hex, the form our files carry. */
final class Digests {
    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    /** The SHA-256 of a file, read in blocks so large packs need no memory. */
    static String sha256Hex(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] block = new byte[64 * 1024];
            int n;
            while ((n = in.read(block)) > 0) {
                digest.update(block, 0, n);
            }
        }
        return HEX.formatHex(digest.digest());
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static String hmacSha256Hex(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** Compares two hex digests in time independent of where they differ, so timing reveals nothing. */
    static boolean sameDigest(String expectedHex, String actualHex) {
        return MessageDigest.isEqual(expectedHex.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                actualHex.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
