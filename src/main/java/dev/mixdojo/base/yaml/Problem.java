package dev.mixdojo.base.yaml;

/** One thing wrong in a file, at a place: printed as {@code file:line:column: message}. */
public record Problem(Location location, String message) {
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
