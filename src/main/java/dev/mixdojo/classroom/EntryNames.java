package dev.mixdojo.classroom;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which zip entry names are safe to unpack: relative, '/'-separated, without '..', '.', empty
 * segments, drive letters, backslashes, colons or control characters. Anything else could write
 * outside the folder it is unpacked into ("zip slip") on one operating system or another.
 */
final class EntryNames {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private EntryNames() {
    }

    /** Why the name is unsafe, or empty when it is safe. Directory entries end in '/', which is allowed. */
    static Optional<String> unsafeBecause(String name) {
        if (name.isEmpty()) {
            return Optional.of("it has no name");
        }
        if (name.startsWith("/")) {
            return Optional.of("it is an absolute path");
        }
        if (DRIVE.matcher(name).matches()) {
            return Optional.of("it names a drive");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("it contains a backslash, a folder separator on Windows");
        }
        if (name.indexOf(':') >= 0) {
            return Optional.of("it contains a colon");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("it contains a control character");
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("it climbs out with '..'");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("it has an empty or '.' folder name");
            }
        }
        return Optional.empty();
    }
}
