package dev.mixdojo.material;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The cache key of a rendered material: SHA-256 of the description file's bytes, the seed and the generator version. */
final class ContentKey {
    private ContentKey() {
    }

    /** A 64-character hex key; any change to the file, seed or synthesis gives a new key. */
    static String of(byte[] descriptionBytes, long seed, int generatorVersion) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(descriptionBytes);
            digest.update(ByteBuffer.allocate(12).putLong(seed).putInt(generatorVersion).array());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
